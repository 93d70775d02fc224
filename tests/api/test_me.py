"""`me`: the current user's settings."""

from __future__ import annotations

import re

from django.contrib.auth.models import User

from coffeechat.accounts.models import Profile
from coffeechat.accounts.services import profile_of
from tests.api.helpers import API, error_fields
from tests.conftest import ApiClient

ME = f"{API}/me"


def test_get_answers_the_users_settings(owner: User, owner_api: ApiClient) -> None:
    body = owner_api.get(ME).json()
    assert set(body) == {"username", "email", "time_zone", "feed_url", "digest"}
    assert (body["username"], body["email"]) == ("alice", "alice@example.com")
    assert (body["time_zone"], body["digest"]) == ("UTC", False)


def test_feed_url_is_absolute_and_ends_in_the_users_secret(
    owner: User, owner_api: ApiClient
) -> None:
    feed_url = owner_api.get(ME).json()["feed_url"]
    assert re.fullmatch(r"https?://[^/]+/feeds/[^/]+\.ics", feed_url)
    assert feed_url.endswith(f"/feeds/{profile_of(owner).feed_secret}.ics")


def test_feed_urls_differ_between_users(owner_api: ApiClient, outsider_api: ApiClient) -> None:
    assert owner_api.get(ME).json()["feed_url"] != outsider_api.get(ME).json()["feed_url"]


def test_patch_changes_the_time_zone(owner: User, owner_api: ApiClient) -> None:
    assert owner_api.patch(ME, {"time_zone": "America/Toronto"}).json()["time_zone"] == (
        "America/Toronto"
    )
    assert Profile.objects.get(user=owner).time_zone == "America/Toronto"


def test_patch_changes_the_digest(owner: User, owner_api: ApiClient) -> None:
    assert owner_api.patch(ME, {"digest": True}).json()["digest"] is True
    assert Profile.objects.get(user=owner).digest is True


def test_patch_changes_the_email(owner: User, owner_api: ApiClient) -> None:
    assert owner_api.patch(ME, {"email": "ada@example.org"}).json()["email"] == "ada@example.org"
    owner.refresh_from_db()
    assert owner.email == "ada@example.org"


def test_patch_leaves_unset_fields_alone(owner: User, owner_api: ApiClient) -> None:
    before = owner_api.get(ME).json()
    after = owner_api.patch(ME, {"digest": True}).json()
    assert {**before, "digest": True} == after


def test_unknown_time_zone_is_422_and_changes_nothing(owner: User, owner_api: ApiClient) -> None:
    before = owner_api.get(ME).json()
    response = owner_api.patch(
        ME, {"time_zone": "Mars/Olympus_Mons", "email": "new@example.org", "digest": True}
    )
    assert error_fields(response) == ["time_zone"]
    assert owner_api.get(ME).json() == before
    owner.refresh_from_db()
    assert owner.email == "alice@example.com"


def test_invalid_email_is_422_and_changes_nothing(owner: User, owner_api: ApiClient) -> None:
    before = owner_api.get(ME).json()
    response = owner_api.patch(ME, {"email": "not-an-email", "time_zone": "Europe/Paris"})
    assert error_fields(response) == ["email"]
    assert owner_api.get(ME).json() == before


def test_me_is_the_token_owner(owner_api: ApiClient, outsider_api: ApiClient) -> None:
    outsider_api.patch(ME, {"time_zone": "Asia/Tokyo"})
    assert owner_api.get(ME).json()["time_zone"] == "UTC"
    assert outsider_api.get(ME).json()["username"] == "bob"
