"""Sessions: how long they last, a new id at sign-in, and signing out by POST only."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from pytest_django.asserts import assertRedirects

from tests.factories import PASSWORD

TWO_WEEKS = 14 * 24 * 60 * 60


def session_id(client: Client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def sign_in(client: Client) -> None:
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assertRedirects(response, "/today/")


def test_a_session_lasts_two_weeks() -> None:
    assert settings.SESSION_COOKIE_AGE == TWO_WEEKS
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is False


def test_the_session_cookie_is_http_only_lax_and_two_weeks_long(
    client: Client, owner: User
) -> None:
    sign_in(client)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == TWO_WEEKS


def test_signing_in_gives_a_new_session_id(client: Client, owner: User) -> None:
    # A session planted before sign-in (session fixation) must not become the signed-in one.
    before = SessionStore()
    before["planted"] = True
    before.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = before.session_key
    sign_in(client)
    after = session_id(client)
    assert after != before.session_key
    assert not SessionStore().exists(before.session_key)
    assert SessionStore(session_key=after)["_auth_user_id"] == str(owner.pk)


def test_the_new_session_keeps_what_the_old_one_held(client: Client, owner: User) -> None:
    before = SessionStore()
    before["next_step"] = "kept"
    before.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = before.session_key
    sign_in(client)
    assert SessionStore(session_key=session_id(client))["next_step"] == "kept"


def test_logging_out_by_get_is_refused_and_keeps_the_session(client: Client, owner: User) -> None:
    sign_in(client)
    key = session_id(client)
    assert client.get("/accounts/logout/").status_code == 405
    assert SessionStore().exists(key)
    assert client.get("/people/").status_code == 200


def test_logging_out_by_post_deletes_the_session_on_the_server(client: Client, owner: User) -> None:
    sign_in(client)
    key = session_id(client)
    assertRedirects(client.post("/accounts/logout/"), "/accounts/login/")
    assert not SessionStore().exists(key)
    # A copy of the old cookie (say, stolen before) no longer signs anyone in.
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = key
    assert replay.get("/people/").status_code == 302


def test_the_logout_button_is_a_post_form(owner_client: Client) -> None:
    page = owner_client.get("/people/").content.decode()
    assert '<form method="post" action="/accounts/logout/">' in page
