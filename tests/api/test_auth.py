"""Bearer tokens: who gets in, and what the database keeps of a token."""

from __future__ import annotations

import hashlib

import pytest
from django.contrib.auth.models import User
from django.test import Client

from coffeechat.accounts.models import ApiToken
from coffeechat.accounts.services import issue_token, revoke_token
from tests.api.helpers import API
from tests.conftest import ApiClient

PROTECTED = ["people", "organizations", "interviews", "activities", "tasks", "me"]


@pytest.mark.parametrize("path", PROTECTED)
def test_no_token_is_401(path: str, owner: User) -> None:
    response = Client().get(f"{API}/{path}")
    assert response.status_code == 401


@pytest.mark.parametrize("path", PROTECTED)
def test_a_wrong_token_is_401(path: str, owner_api: ApiClient) -> None:
    response = Client().get(
        f"{API}/{path}", headers={"Authorization": "Bearer cc_not-a-token-anyone-was-given"}
    )
    assert response.status_code == 401


def test_a_token_without_the_prefix_is_401(owner_api: ApiClient) -> None:
    raw = owner_api.headers["Authorization"].removeprefix("Bearer cc_")
    response = Client().get(f"{API}/me", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 401


def test_a_right_token_in_another_scheme_is_401(owner_api: ApiClient) -> None:
    raw = owner_api.headers["Authorization"].removeprefix("Bearer ")
    response = Client().get(f"{API}/me", headers={"Authorization": f"Token {raw}"})
    assert response.status_code == 401


def test_a_session_login_without_a_token_is_401(owner_client: Client) -> None:
    assert owner_client.get(f"{API}/me").status_code == 401


def test_a_right_token_is_200(owner_api: ApiClient) -> None:
    response = owner_api.get(f"{API}/me")
    assert response.status_code == 200
    assert response.json()["username"] == "alice"


def test_a_token_of_a_deactivated_user_is_401(owner: User, owner_api: ApiClient) -> None:
    owner.is_active = False
    owner.save()
    assert owner_api.get(f"{API}/me").status_code == 401


def test_a_revoked_token_is_401(owner: User, owner_api: ApiClient) -> None:
    token = ApiToken.objects.get(user=owner)
    assert revoke_token(owner, token.pk)
    assert owner_api.get(f"{API}/me").status_code == 401


def test_tokens_are_stored_hashed_not_raw(owner: User) -> None:
    raw = issue_token(owner)
    token = ApiToken.objects.get(user=owner)
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    stored = [str(value) for value in ApiToken.objects.filter(pk=token.pk).values().get().values()]
    assert not any(raw in value for value in stored)
    assert not any(raw[8:] in value for value in stored)  # not even the secret part


def test_a_401_says_unauthorized_in_json(owner: User) -> None:
    response = Client().get(f"{API}/people")
    assert response.json() == {"detail": "Unauthorized"}
