"""The owner/outsider pattern: every test that reads data has someone it must not leak to."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from hypothesis import settings as hypothesis_settings

from coffeechat.accounts.services import issue_token
from tests.factories import UserFactory

# Speed is measured by benchmarks, not by unit tests: a loaded CI machine must not fail a property
# because one example took longer than hypothesis' default 200 ms.
hypothesis_settings.register_profile("coffeechat", deadline=None)
hypothesis_settings.load_profile("coffeechat")


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


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_inbox(settings):  # type: ignore[no-untyped-def]
    """A real SMTP server on 127.0.0.1 (aiosmtpd); Django's SMTP backend is pointed at it."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    yield inbox
    controller.stop()
