from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone

from coffeechat.accounts.services import has_any_user, user_zone

_OPEN_PREFIXES = ("/static/", "/api/", "/feeds/", "/setup/", "/healthz")


def activate_time_zone_of(user: User) -> None:
    timezone.activate(user_zone(user))


class FirstRunMiddleware:
    """Until an account exists, every page leads to the owner-account form (local mode)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.someone_exists = False  # once true it stays true: no query on later requests

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.someone_exists and not request.path.startswith(_OPEN_PREFIXES):
            self.someone_exists = has_any_user()
            if not self.someone_exists:
                return HttpResponseRedirect(reverse("setup"))
        return self.get_response(request)


class UserTimeZoneMiddleware:
    """Times are stored in UTC and shown in the signed-in user's time zone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if isinstance(user, User):
            activate_time_zone_of(user)
        else:
            timezone.deactivate()
        return self.get_response(request)
