"""Deleting one's own account and everything in it, after offering the JSON export."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from coffeechat.core.http import user_of


class DeleteAccountForm(forms.Form):
    confirm = forms.CharField(
        label="Type your username to confirm",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm(self) -> str:
        typed: str = self.cleaned_data["confirm"].strip()
        if typed != self.user.username:
            raise forms.ValidationError(
                f"That is not your username: type {self.user.username} to delete everything."
            )
        return typed


@transaction.atomic
def delete_account(user: User) -> None:
    """The user and everything they own: every owned row cascades from the user."""
    user.delete()


@login_required
def account_delete(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    form = DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        username = user.username
        logout(request)
        delete_account(user)
        messages.success(request, f"The account {username} and everything in it are deleted.")
        return redirect("login")
    return render(request, "accounts/delete.html", {"form": form})
