from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User

from coffeechat.core.forms import formfield
from coffeechat.core.timezones import time_zone_names
from coffeechat.people.models import Organization, Person


def _split_lines(text: str) -> list[str]:
    return [part.strip() for part in text.replace(",", "\n").splitlines() if part.strip()]


class ListField(forms.CharField):
    """A list typed one item a line (or comma-separated)."""

    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        return _split_lines(str(value or ""))


class PersonForm(forms.ModelForm):  # type: ignore[type-arg]
    emails = ListField(required=False, help_text="One address a line.")
    phones = ListField(required=False, help_text="One number a line.")
    tags = forms.CharField(required=False, help_text="Comma-separated, e.g. design, toronto.")
    time_zone = forms.ChoiceField(required=False)

    class Meta:
        formfield_callback = formfield
        model = Person
        fields = [
            "name",
            "title",
            "organization",
            "location",
            "time_zone",
            "emails",
            "phones",
            "profile_url",
            "relationship",
            "relationship_context",
            "preferred_channel",
            "hiring_power",
            "what_they_do",
            "what_they_have_done",
        ]
        labels = {
            "profile_url": "Profile URL",
            "relationship": "How you know them",
            "relationship_context": "Context",
            "hiring_power": "Hiring power",
            "what_they_do": "What they do",
            "what_they_have_done": "What they have done",
        }
        widgets = {
            "what_they_do": forms.Textarea(attrs={"rows": 3}),
            "what_they_have_done": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner
        self.fields["organization"].queryset = Organization.objects.filter(owner=owner)  # type: ignore[attr-defined]
        self.fields["time_zone"].choices = [("", "Unknown")] + [(n, n) for n in time_zone_names()]  # type: ignore[attr-defined]
        if self.instance.pk:
            self.initial["tags"] = ", ".join(tag.name for tag in self.instance.tags.all())
        self.fields[
            "hiring_power"
        ].help_text = "Someone without hiring power often gives the more candid inside view (P4)."

    def tag_names(self) -> list[str]:
        return [part.strip() for part in self.cleaned_data.get("tags", "").split(",")]


class OrganizationForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        formfield_callback = formfield
        model = Organization
        fields = ["name", "website", "industry", "location", "research_notes"]
        widgets = {"research_notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner
