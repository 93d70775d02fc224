"""The sign-in page: Django's LoginView and AuthenticationForm, with throttling (throttle.py)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils import timezone

from coffeechat.accounts import throttle


class ThrottledAuthenticationForm(AuthenticationForm):
    lock: throttle.Lock | None = None

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if not username or not password or self.request is None:
            return super().clean()
        address = throttle.client_address(self.request)
        now = timezone.now()
        # Checked before the password, so a right guess during a lock looks like any other try
        # (and a locked account costs no password hashing).
        self.lock = throttle.login_lock(username, address, now)
        if self.lock is None:
            try:
                return super().clean()
            except ValidationError as error:
                if error.code != "invalid_login":
                    raise
                self.lock = throttle.record_login_failure(username, address, now)
                if self.lock is None:
                    raise
        raise ValidationError(self.lock.message(now), code="throttled")


class ThrottledLoginView(LoginView):
    form_class = ThrottledAuthenticationForm
    template_name = "accounts/login.html"

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        throttle.record_login_success(form.cleaned_data["username"])
        return super().form_valid(form)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_invalid(form)
        lock = getattr(form, "lock", None)
        if lock is not None:
            response.status_code = 429
            response["Retry-After"] = str(lock.seconds_left(timezone.now()))
        return response
