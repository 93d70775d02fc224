from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User

from coffeechat.followup.models import Task
from coffeechat.followup.services import (
    KEEP_POSTED_WEEKS_MAX,
    KEEP_POSTED_WEEKS_MIN,
    SNOOZE_DAYS,
)
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


class SnoozeForm(forms.Form):
    days = forms.TypedChoiceField(
        label="Snooze for",
        coerce=int,
        choices=[(days, label) for days, label in SNOOZE_DAYS.items()],
    )


class KeepPostedForm(forms.Form):
    """P24: keep this person posted on your progress, every so many weeks."""

    keep_posted = forms.BooleanField(required=False)
    keep_posted_weeks = forms.IntegerField(
        label="Every (weeks)", min_value=KEEP_POSTED_WEEKS_MIN, max_value=KEEP_POSTED_WEEKS_MAX
    )
