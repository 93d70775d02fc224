from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User

from coffeechat.followup.models import Task
from coffeechat.interviews.models import Interview
from coffeechat.people.models import Person


class TaskForm(forms.ModelForm):  # type: ignore[type-arg]
    due_at = forms.DateTimeField(
        required=False,
        label="Due",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    class Meta:
        model = Task
        fields = ["title", "kind", "due_at", "person", "interview", "notes", "done"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner
        self.fields["person"].queryset = Person.objects.filter(owner=owner)  # type: ignore[attr-defined]
        self.fields["interview"].queryset = Interview.objects.filter(  # type: ignore[attr-defined]
            owner=owner
        ).select_related("person")
