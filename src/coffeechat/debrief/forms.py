"""The debrief form and its repeatable rows: resources, skills and referrals."""

from __future__ import annotations

from django import forms

from coffeechat.core.forms import formfield
from coffeechat.debrief.models import Debrief, Resource, Skill, YesNo
from coffeechat.debrief.services import ReferralInput, ResourceInput, SkillInput
from coffeechat.people.models import ReferralKind

FIT_CHOICES = [
    ("", "Not rated"),
    (1, "1 · not for me"),
    (2, "2"),
    (3, "3 · not sure yet"),
    (4, "4"),
    (5, "5 · a great fit"),
]


class DebriefForm(forms.ModelForm):  # type: ignore[type-arg]
    fit_score = forms.TypedChoiceField(
        label="How the field fits you",
        choices=FIT_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    may_contact_again = forms.ChoiceField(
        label="May you contact them again?",
        choices=YesNo.choices,
        required=False,
        widget=forms.RadioSelect,
    )

    class Meta:
        formfield_callback = formfield
        model = Debrief
        fields = [
            "insights",
            "memorable",
            "next_step",
            "fit_score",
            "fit_line",
            "likes",
            "challenges",
            "entry_path",
            "may_contact_again",
            "offered_keep_in_touch",
        ]
        labels = {
            "insights": "Insights and advice you heard",
            "memorable": "A specific thing they said",
            "next_step": "The next step you will take",
            "fit_line": "In one line, why",
            "likes": "What they like about the work",
            "challenges": "What they find hard",
            "entry_path": "How people get into the field",
            "offered_keep_in_touch": "They asked to be kept posted",
        }
        help_texts = {
            "insights": "What you learned about the role, the organization and the field (P26).",
            "fit_line": "“I liked the research, less so the travel.”",
        }
        widgets = {
            "insights": forms.Textarea(attrs={"rows": 6}),
            "likes": forms.Textarea(attrs={"rows": 2}),
            "challenges": forms.Textarea(attrs={"rows": 2}),
            "entry_path": forms.Textarea(attrs={"rows": 2}),
        }


class ResourceRowForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        formfield_callback = formfield
        model = Resource
        fields = ["kind", "title", "url", "notes"]
        labels = {"title": "Title or name", "url": "Link"}
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def as_input(self) -> ResourceInput:
        data = self.cleaned_data
        return ResourceInput(
            title=data["title"], kind=data["kind"], url=data["url"], notes=data["notes"]
        )


class SkillRowForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Skill
        fields = ["name", "status"]
        labels = {"name": "Skill", "status": "You"}
        widgets = {"status": forms.RadioSelect}

    def as_input(self) -> SkillInput:
        return SkillInput(name=self.cleaned_data["name"], status=self.cleaned_data["status"])


class ReferralRowForm(forms.Form):
    name = forms.CharField(max_length=200)
    title = forms.CharField(max_length=200, required=False, label="Their title")
    organization_name = forms.CharField(
        max_length=200, required=False, label="Organization", help_text="Optional."
    )
    email = forms.EmailField(required=False, help_text="Optional.")
    referral_kind = forms.ChoiceField(
        label="How they help",
        choices=ReferralKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether they will introduce you or you may mention them."},
    )

    def as_input(self) -> ReferralInput:
        data = self.cleaned_data
        return ReferralInput(
            name=data["name"],
            referral_kind=data["referral_kind"],
            title=data["title"],
            organization_name=data["organization_name"],
            email=data["email"],
        )


ResourceFormSet = forms.formset_factory(ResourceRowForm, extra=1, max_num=20, validate_max=True)
SkillFormSet = forms.formset_factory(SkillRowForm, extra=1, max_num=30, validate_max=True)
ReferralFormSet = forms.formset_factory(ReferralRowForm, extra=1, max_num=10, validate_max=True)

ROWS = (
    ("resources", ResourceFormSet),
    ("skills", SkillFormSet),
    ("referrals", ReferralFormSet),
)
