from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import EmailStr

from coffeechat.accounts.services import profile_of
from coffeechat.api.common import request_user

router = Router(tags=["me"])


class MeOut(Schema):
    username: str
    email: str
    time_zone: str
    feed_url: str
    digest: bool


class MePatch(Schema):
    email: EmailStr | None = None
    time_zone: str | None = None
    digest: bool | None = None


def _me(request: HttpRequest) -> MeOut:
    user = request_user(request)
    profile = profile_of(user)
    return MeOut(
        username=user.username,
        email=user.email,
        time_zone=profile.time_zone,
        feed_url=request.build_absolute_uri(f"/feeds/{profile.feed_secret}.ics"),
        digest=profile.digest,
    )


@router.get("", response=MeOut)
def read_me(request: HttpRequest) -> MeOut:
    return _me(request)


@router.patch("", response=MeOut)
def update_me(request: HttpRequest, payload: MePatch) -> MeOut:
    user = request_user(request)
    profile = profile_of(user)
    data = payload.dict(exclude_unset=True)
    with transaction.atomic():
        if data.get("email") is not None:
            user.email = data["email"]
            user.save(update_fields=["email"])
        if data.get("time_zone") is not None:
            profile.time_zone = data["time_zone"]
        if data.get("digest") is not None:
            profile.digest = data["digest"]
        profile.full_clean()
        profile.save()
    return _me(request)
