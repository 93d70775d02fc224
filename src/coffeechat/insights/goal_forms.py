"""The form of a series goal (P5): what to aim for, by when, and which conversations count."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.utils.html import format_html

from coffeechat.insights.goals import MAX_TARGET, MIN_TARGET, dates_error, split_words
from coffeechat.insights.models import Goal
from coffeechat.people.models import Tag

# The help under the tags field names a few of the user's tags, not all of them.
_TAGS_SHOWN = 12
_TARGET_RANGE = f"Between {MIN_TARGET} and {MAX_TARGET} conversations."


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class GoalForm(forms.ModelForm):  # type: ignore[type-arg]
    tags = forms.CharField(
        required=False,
        max_length=500,
        label="Tags",
        help_text="Comma-separated; the person must have every one.",
    )

    class Meta:
        model = Goal
        fields = [
            "title",
            "target_count",
            "start_date",
            "due_date",
            "role_keywords",
            "industry",
            "location",
        ]
        labels = {
            "title": "Goal",
            "target_count": "How many conversations",
            "start_date": "From",
            "due_date": "By",
            "role_keywords": "Role keywords",
            "industry": "Industry",
            "location": "Location",
        }
        help_texts = {
            "title": "In your words: “10 conversations with engineers in Toronto by 1 March”.",
            "target_count": _TARGET_RANGE,
            "role_keywords": "Comma-separated; counts when any one is in their job title.",
            "industry": "Counts when their organization's industry contains it.",
            "location": "Counts when their location or their organization's contains it.",
        }
        widgets = {"start_date": _date_input(), "due_date": _date_input()}
        error_messages = {
            "target_count": {"min_value": _TARGET_RANGE, "max_value": _TARGET_RANGE},
        }

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner
        field = self.fields["target_count"]
        assert isinstance(field, forms.IntegerField)
        field.widget.attrs.update({"min": MIN_TARGET, "max": MAX_TARGET})
        if self.instance.pk:
            self.initial["tags"] = ", ".join(self.instance.tags)
        names = list(Tag.objects.filter(owner=owner).values_list("name", flat=True)[:_TAGS_SHOWN])
        if names:
            # Django renders help text as HTML: the user's own tag names must be escaped.
            self.fields["tags"].help_text = format_html(
                "{} Your tags include: {}.", self.fields["tags"].help_text, ", ".join(names)
            )

    def clean_tags(self) -> list[str]:
        return split_words(self.cleaned_data.get("tags", ""))

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        start, due = cleaned.get("start_date"), cleaned.get("due_date")
        if start and due:
            message = dates_error(start, due)
            if message:
                self.add_error("due_date", message)
        self.instance.tags = cleaned.get("tags", [])
        return cleaned
