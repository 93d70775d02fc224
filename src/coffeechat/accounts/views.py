from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.accounts.forms import ProfileForm, SetupForm
from coffeechat.accounts.models import ApiToken
from coffeechat.accounts.services import (
    has_any_user,
    issue_token,
    profile_of,
    regenerate_feed_secret,
    revoke_token,
)
from coffeechat.core.http import user_of


def setup(request: HttpRequest) -> HttpResponse:
    """First run of a local install: create the owner account. Gone once anyone exists."""
    if has_any_user():
        raise Http404
    form = SetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = form.save()
        except ValidationError:
            pass
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request, f"Welcome, {user.username}. Start by adding someone to talk to."
            )
            return redirect("person_create")
    return render(request, "accounts/setup.html", {"form": form})


def feed_url(request: HttpRequest, secret: str) -> str:
    return request.build_absolute_uri(f"/feeds/{secret}.ics")


@login_required
def account(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    profile = profile_of(user)
    form = ProfileForm(request.POST or None, instance=profile, initial={"email": user.email})
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            user.email = form.cleaned_data["email"]
            user.save(update_fields=["email"])
        messages.success(request, "Your settings are saved.")
        return redirect("account")
    context = {
        "form": form,
        "feed_url": feed_url(request, profile.feed_secret),
        "tokens": ApiToken.objects.filter(user=user).order_by("-created_at"),
        "new_token": request.session.pop("new_token", None),
    }
    return render(request, "accounts/account.html", context)


@login_required
@require_POST
def account_token_create(request: HttpRequest) -> HttpResponse:
    name = request.POST.get("name", "").strip()[:100] or "API token"
    # Shown once, on the next page only: only the hash is kept.
    request.session["new_token"] = issue_token(user_of(request), name)
    return redirect(reverse("account") + "#tokens")


@login_required
@require_POST
def account_token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    if not revoke_token(user_of(request), token_id):
        raise Http404
    messages.success(request, "The token is revoked; programs using it are locked out.")
    return redirect(reverse("account") + "#tokens")


@login_required
@require_POST
def account_feed_regenerate(request: HttpRequest) -> HttpResponse:
    regenerate_feed_secret(user_of(request))
    messages.success(request, "Your calendar feed has a new address; the old one no longer works.")
    return redirect(reverse("account") + "#feed")
