"""Passwords hashed with Argon2 for real; revoking a token or the feed address locks out at once."""

from __future__ import annotations

from django.contrib.auth.hashers import identify_hasher
from django.contrib.auth.models import User
from django.test import Client
from pytest_django.asserts import assertRedirects

import coffeechat.settings as production
from coffeechat.accounts.models import ApiToken
from tests.conftest import ApiClient


def test_a_password_is_stored_as_an_argon2id_hash(settings, owner: User) -> None:  # type: ignore[no-untyped-def]
    # The test settings use a fast hasher; this one runs the production list.
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    owner.set_password("a sentence nobody would guess")
    owner.save()
    assert owner.password.startswith("argon2$argon2id$")
    assert identify_hasher(owner.password).algorithm == "argon2"
    assert "a sentence nobody would guess" not in owner.password


def test_signing_in_with_an_argon2_password_works(settings, client: Client, owner: User) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    owner.set_password("a sentence nobody would guess")
    owner.save()
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": "a sentence nobody would guess"}
    )
    assertRedirects(response, "/today/")


def test_an_older_hash_is_upgraded_to_argon2_at_sign_in(
    settings, client: Client, owner: User
) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS[1:]  # PBKDF2 only
    owner.set_password("a sentence nobody would guess")
    owner.save()
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    client.post(
        "/accounts/login/", {"username": "alice", "password": "a sentence nobody would guess"}
    )
    owner.refresh_from_db()
    assert owner.password.startswith("argon2$")


def test_a_token_revoked_on_the_account_page_answers_401(
    owner_client: Client, owner_api: ApiClient
) -> None:
    assert owner_api.get("/api/v1/me").status_code == 200
    token = ApiToken.objects.get()
    owner_client.post(f"/account/tokens/{token.pk}/revoke/")
    response = owner_api.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


def test_the_stored_token_hash_is_not_the_token(owner_api: ApiClient) -> None:
    raw = owner_api.headers["Authorization"].removeprefix("Bearer ")
    stored = ApiToken.objects.get()
    assert stored.token_hash != raw
    assert raw not in stored.token_hash
    assert len(stored.token_hash) == 64


def test_after_a_new_feed_address_the_old_one_answers_404(
    owner_client: Client, owner: User, client: Client
) -> None:
    old = f"/feeds/{owner.profile.feed_secret}.ics"
    assert client.get(old).status_code == 200
    owner_client.post("/account/feed/")
    owner.profile.refresh_from_db()
    assert client.get(old).status_code == 404
    assert client.get(f"/feeds/{owner.profile.feed_secret}.ics").status_code == 200
