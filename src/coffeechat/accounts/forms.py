from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from coffeechat.accounts.models import Profile
from coffeechat.accounts.services import create_user
from coffeechat.core.timezones import time_zone_names


def time_zone_field(**kwargs: Any) -> forms.ChoiceField:
    return forms.ChoiceField(choices=[(name, name) for name in time_zone_names()], **kwargs)


class SetupForm(forms.Form):
    """The first-run form: the owner account of a local install."""

    username = forms.CharField(
        max_length=150, widget=forms.TextInput(attrs={"autocomplete": "username"})
    )
    email = forms.EmailField(
        required=False, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password = forms.CharField(widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    time_zone = time_zone_field(initial="UTC", help_text="Times are shown in this time zone.")

    def save(self) -> User:
        data = self.cleaned_data
        try:
            return create_user(data["username"], data["password"], data["email"], data["time_zone"])
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
            raise


class ProfileForm(forms.ModelForm):  # type: ignore[type-arg]
    email = forms.EmailField(required=False)
    time_zone = time_zone_field()

    class Meta:
        model = Profile
        fields = ["time_zone", "about_me", "career_change", "digest"]
        labels = {
            "about_me": "Your one-line context for requests",
            "career_change": "I am changing careers",
            "digest": "Email me my agenda when something is due",
        }
        help_texts = {
            "about_me": (
                "E.g. “a data analyst exploring UX research”. Used to fill request templates."
            ),
            "career_change": "Adds transferable-skills questions to your plans (P27).",
        }
