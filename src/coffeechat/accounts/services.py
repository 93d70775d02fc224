"""Users, their profile, API tokens and feed secrets."""

from __future__ import annotations

import secrets
import zoneinfo

from django.contrib.auth import password_validation
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coffeechat.accounts.models import ApiToken, Profile, hash_token, new_feed_secret

TOKEN_PREFIX = "cc_"  # noqa: S105 (a marker, not a secret)


def has_any_user() -> bool:
    return User.objects.exists()


@transaction.atomic
def create_user(username: str, password: str, email: str = "", time_zone: str = "UTC") -> User:
    """Create a user with a validated password and their profile; raises ValidationError."""
    username = username.strip()
    if not username:
        raise ValidationError({"username": "A username is required."})
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": f"The username {username!r} is taken."})
    user = User(username=username, email=email.strip())
    user.full_clean(exclude=["password"])
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from None
    user.set_password(password)
    user.save()
    profile = Profile(user=user, time_zone=time_zone)
    profile.full_clean()
    profile.save()
    return user


def profile_of(user: User) -> Profile:
    try:
        return user.profile
    except Profile.DoesNotExist:
        profile, _ = Profile.objects.get_or_create(user=user)
        return profile


def user_zone(user: User) -> zoneinfo.ZoneInfo:
    """The user's time zone; UTC when it is blank (or no longer known to this system)."""
    try:
        return zoneinfo.ZoneInfo(profile_of(user).time_zone or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def issue_token(user: User, name: str = "API token") -> str:
    """Create an API token and return it; only its hash is stored, so it is shown once."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name, prefix=raw[:8], token_hash=hash_token(raw))
    return raw


def user_for_token(raw: str) -> User | None:
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = ApiToken.objects.select_related("user").filter(token_hash=hash_token(raw)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    # Throttle the write: "last used" to the minute is plenty and spares a write per request.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def revoke_token(user: User, token_id: int) -> bool:
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return deleted > 0


def regenerate_feed_secret(user: User) -> str:
    profile = profile_of(user)
    profile.feed_secret = new_feed_secret()
    profile.save(update_fields=["feed_secret"])
    return profile.feed_secret
