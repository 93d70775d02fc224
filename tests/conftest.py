"""The owner/outsider pattern: every test that reads data has someone it must not leak to."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from coffeechat.accounts.services import issue_token
from tests.factories import UserFactory


@pytest.fixture
def owner(db: None) -> User:
    return UserFactory(username="alice")


@pytest.fixture
def outsider(db: None) -> User:
    return UserFactory(username="bob")


@pytest.fixture
def owner_client(owner: User) -> Client:
    client = Client()
    client.force_login(owner)
    return client


@pytest.fixture
def outsider_client(outsider: User) -> Client:
    client = Client()
    client.force_login(outsider)
    return client


class ApiClient:
    """A JSON client carrying a real Bearer token."""

    def __init__(self, user: User) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {issue_token(user)}"}

    def get(self, path: str, **params: object):  # type: ignore[no-untyped-def]
        return self.client.get(path, params, headers=self.headers)

    def post(self, path: str, data: object):  # type: ignore[no-untyped-def]
        return self.client.post(path, data, content_type="application/json", headers=self.headers)

    def patch(self, path: str, data: object):  # type: ignore[no-untyped-def]
        return self.client.patch(path, data, content_type="application/json", headers=self.headers)

    def delete(self, path: str):  # type: ignore[no-untyped-def]
        return self.client.delete(path, headers=self.headers)


@pytest.fixture
def owner_api(owner: User) -> ApiClient:
    return ApiClient(owner)


@pytest.fixture
def outsider_api(outsider: User) -> ApiClient:
    return ApiClient(outsider)
