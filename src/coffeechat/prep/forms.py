"""Forms of the preparation pages: question bank, plan, research checklist and pitch."""

from __future__ import annotations

from typing import Any

from django import forms

from coffeechat.core.http import whole_number
from coffeechat.core.limits import MAX_PITCH_CHARACTERS
from coffeechat.people.models import Person
from coffeechat.prep.models import (
    MAX_TAGS,
    Preparation,
    Question,
    QuestionCategory,
    QuestionTiara,
)
from coffeechat.prep.services import MAX_PLAN_ENTRIES

MAX_PITCH_LENGTH = MAX_PITCH_CHARACTERS


class TagsField(forms.CharField):
    """Tags typed comma-separated, kept as a list."""

    def prepare_value(self, value: Any) -> Any:
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        return [part.strip() for part in str(value or "").split(",") if part.strip()]


_QUESTION_LABELS = {
    "text": "Question",
    "category": "Category",
    "tiara": "TIARA",
    "phase": "Part of the conversation",
    "minutes": "Minutes",
    "fits_15": "Suits a 15-minute call",
    "starred": "Starred",
}
_QUESTION_WIDGETS = {
    "text": forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
    "minutes": forms.NumberInput(attrs={"step": "0.5", "min": "0.5", "max": "30"}),
}
_TIARA_HELP = (
    "Trends, Insights, Advice, Resources or Assignments: what kind of answer the question asks for."
)


class QuestionForm(forms.ModelForm):  # type: ignore[type-arg]
    """A question of the bank, built-in copy or the user's own."""

    tags = TagsField(
        required=False,
        label="Tags",
        help_text=f"Comma-separated, e.g. design, remote work (at most {MAX_TAGS}).",
    )

    class Meta:
        model = Question
        fields = ["text", "category", "tiara", "phase", "minutes", "fits_15", "starred", "tags"]
        labels = _QUESTION_LABELS
        widgets = _QUESTION_WIDGETS
        help_texts = {"tiara": _TIARA_HELP}


class PlanQuestionForm(forms.ModelForm):  # type: ignore[type-arg]
    """Write a new question straight into a plan (it is kept in the bank too)."""

    prefix = "new"

    class Meta:
        model = Question
        fields = ["text", "phase", "category", "tiara", "minutes"]
        labels = _QUESTION_LABELS
        widgets = {**_QUESTION_WIDGETS, "text": forms.Textarea(attrs={"rows": 2, "maxlength": 500})}
        help_texts = {"tiara": _TIARA_HELP}


class QuestionFilterForm(forms.Form):
    """The question bank's search; a value that doesn't fit is ignored rather than refused."""

    q = forms.CharField(required=False, max_length=200, label="Search")
    category = forms.ChoiceField(
        required=False, choices=[("", "Any"), *QuestionCategory.choices], label="Category"
    )
    tiara = forms.ChoiceField(
        required=False, choices=[("", "Any"), *QuestionTiara.choices], label="TIARA"
    )
    tag = forms.ChoiceField(required=False, label="Tag")
    starred = forms.BooleanField(required=False, label="Starred only")
    fits_15 = forms.BooleanField(required=False, label="Fits a 15-minute call")

    def __init__(self, *args: Any, tags: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = [("", "Any"), *((tag, tag) for tag in tags)]  # type: ignore[attr-defined]

    def filters(self) -> dict[str, Any]:
        """The valid filters, for search_questions."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class StarForm(forms.Form):
    starred = forms.BooleanField(required=False)


class PlannedForm(forms.Form):
    """One question of the plan, named by its id."""

    question = forms.IntegerField(min_value=1, label="Question")


class PinForm(PlannedForm):
    pinned = forms.BooleanField(required=False, label="Must ask")


class MoveForm(PlannedForm):
    direction = forms.ChoiceField(choices=[("up", "Up"), ("down", "Down")], label="Direction")


class SwapForm(PlannedForm):
    replacement = forms.IntegerField(min_value=1, label="Swap for")


class ReorderForm(forms.Form):
    order = forms.CharField(label="Order")

    def clean_order(self) -> list[int]:
        parts = [part.strip() for part in self.cleaned_data["order"].split(",") if part.strip()]
        # Counted before anything else, so a flood of ids is refused in the plan's own words.
        if len(parts) > MAX_PLAN_ENTRIES:
            raise forms.ValidationError(
                f"A plan holds at most {MAX_PLAN_ENTRIES} questions, got {len(parts):,}."
            )
        ids = [whole_number(part) for part in parts]
        if None in ids:
            raise forms.ValidationError("List the question ids separated by commas.")
        return [number for number in ids if number is not None]


class ResearchForm(forms.ModelForm):  # type: ignore[type-arg]
    """The research checklist (P1-P3, P16): the preparation and what is known of the person."""

    what_they_do = forms.CharField(
        required=False,
        label="Who they are: what they do",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What they work on, from their profile or their organization's site.",
    )
    what_they_have_done = forms.CharField(
        required=False,
        label="What they have done or published",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="A talk, an article, a project: something to mention and to ask about.",
    )

    class Meta:
        model = Preparation
        fields = ["why_them", "already_public", "right_person", "objectives"]
        labels = {
            "why_them": "Why them",
            "already_public": "What is already public",
            "right_person": "The right person?",
            "objectives": "Your objectives for this conversation",
        }
        widgets = {
            "why_them": forms.Textarea(attrs={"rows": 2}),
            "already_public": forms.Textarea(attrs={"rows": 2}),
            "objectives": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "right_person": "Can they answer your questions, or would someone else be better?",
        }

    field_order = [
        "what_they_do",
        "why_them",
        "what_they_have_done",
        "already_public",
        "right_person",
        "objectives",
    ]

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("what_they_do", person.what_they_do)
        self.initial.setdefault("what_they_have_done", person.what_they_have_done)


class PitchForm(forms.Form):
    text = forms.CharField(
        label="Your pitch",
        max_length=MAX_PITCH_LENGTH,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text="Who you are, what you are exploring, and why you asked them (P18).",
    )
