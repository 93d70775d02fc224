from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models

from coffeechat.core.timezones import validate_time_zone


def new_feed_secret() -> str:
    return secrets.token_urlsafe(32)  # 256 bits


class Profile(models.Model):
    """What coffeechat keeps about a user beyond Django's User."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    digest = models.BooleanField(
        default=False, help_text="Email me my agenda on days when something is due."
    )
    feed_secret = models.CharField(max_length=64, unique=True, default=new_feed_secret)
    # The user's one-line context for requests ("a data analyst moving into UX research").
    about_me = models.CharField(max_length=300, blank=True)
    career_change = models.BooleanField(default=False)
    # The built-in question bank has been copied into the user's own (prep.services.ensure_bank).
    question_bank_seeded = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"Profile of {self.user}"


def hash_token(raw: str) -> str:
    # Tokens carry 256 bits of randomness, so a fast hash is enough to make a stolen table useless.
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, default="API token")
    prefix = models.CharField(max_length=12)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class LoginThrottle(models.Model):
    """Failed sign-ins counted per account and per client address (see accounts/throttle.py).

    One row per (scope, key), updated in place: it works on the embedded SQLite and across several
    server processes with no cache or other infrastructure.
    """

    class Scope(models.TextChoices):
        ACCOUNT = "account", "account"
        ADDRESS = "address", "address"
        TOKEN = "token", "API token address"

    scope = models.CharField(max_length=10, choices=Scope.choices)
    # The lowercased username as typed (known or not: a lock must not reveal who exists) or an IP.
    key = models.CharField(max_length=150)
    failures = models.PositiveIntegerField(default=0)
    window_start = models.DateTimeField()
    # Locks since the last success: each one lasts twice as long as the one before.
    locks = models.PositiveIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="login_throttle_scope_key")
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.key}: {self.failures} failures"
