"""First run, signing in and out, and the account page (settings, API tokens, calendar feed)."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coffeechat.accounts.models import ApiToken, hash_token
from coffeechat.accounts.services import issue_token, user_for_token
from tests.factories import PASSWORD, InterviewFactory, UserFactory


def field_errors(response, name: str) -> str:  # type: ignore[no-untyped-def]
    match = re.search(
        rf'<ul class="errorlist" id="id_{name}_error">(.*?)</ul>', response.content.decode(), re.S
    )
    return html.unescape(re.sub(r"<[^>]+>", " ", match.group(1))) if match else ""


def setup_data(**overrides: str) -> dict[str, str]:
    data = {
        "username": "alice",
        "email": "alice@example.com",
        "password": "correct horse battery staple",
        "time_zone": "America/Toronto",
    }
    data.update(overrides)
    return data


# --- first run ---------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/today/", "/people/", "/accounts/login/", "/account/"])
def test_with_no_user_every_page_leads_to_setup(client: Client, path: str) -> None:
    assertRedirects(client.get(path), "/setup/", fetch_redirect_response=False)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/api/v1/openapi.json"])
def test_with_no_user_open_paths_do_not_lead_to_setup(client: Client, path: str) -> None:
    assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_setup_page_shows_the_form(client: Client) -> None:
    response = client.get("/setup/")
    assert response.status_code == 200
    assertContains(response, "Create my account")


@pytest.mark.django_db
def test_setup_creates_the_owner_and_signs_them_in(client: Client) -> None:
    response = client.post("/setup/", setup_data())
    assertRedirects(response, "/people/new/")
    user = User.objects.get()
    assert (user.username, user.email) == ("alice", "alice@example.com")
    assert user.check_password("correct horse battery staple")
    assert user.profile.time_zone == "America/Toronto"
    assert client.get("/today/").status_code == 200


@pytest.mark.django_db
def test_setup_refuses_a_too_short_password_and_creates_nobody(client: Client) -> None:
    response = client.post("/setup/", setup_data(password="x7#q"))
    assert response.status_code == 200
    assert "This password is too short." in field_errors(response, "password")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_setup_refuses_a_common_password(client: Client) -> None:
    response = client.post("/setup/", setup_data(password="password123"))
    assert "This password is too common." in field_errors(response, "password")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_setup_refuses_an_unknown_time_zone(client: Client) -> None:
    response = client.post("/setup/", setup_data(time_zone="Mars/Olympus_Mons"))
    assert "Select a valid choice." in field_errors(response, "time_zone")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_after_setup_the_same_browser_no_longer_goes_to_setup(client: Client) -> None:
    assertRedirects(client.get("/people/"), "/setup/", fetch_redirect_response=False)
    client.post("/setup/", setup_data())
    client.post("/accounts/logout/")
    assertRedirects(
        client.get("/people/"), "/accounts/login/?next=/people/", fetch_redirect_response=False
    )


@pytest.mark.django_db
def test_a_new_client_gets_its_own_first_run_check(client: Client) -> None:
    # The middleware remembers "someone exists" per instance; each test Client builds its own
    # handler and so its own middleware, which keeps these tests independent of their order.
    UserFactory()
    assertRedirects(
        client.get("/people/"), "/accounts/login/?next=/people/", fetch_redirect_response=False
    )
    User.objects.all().delete()
    assertRedirects(Client().get("/people/"), "/setup/", fetch_redirect_response=False)


def test_setup_is_gone_once_a_user_exists(client: Client, owner: User) -> None:
    assert client.get("/setup/").status_code == 404
    assert client.post("/setup/", setup_data(username="mallory")).status_code == 404
    assert list(User.objects.values_list("username", flat=True)) == ["alice"]


def test_setup_is_gone_for_a_signed_in_user_too(owner_client: Client) -> None:
    assert owner_client.get("/setup/").status_code == 404


@pytest.mark.parametrize("path", ["/today/", "/people/", "/interviews/", "/account/"])
def test_signed_out_pages_lead_to_login_once_a_user_exists(
    client: Client, owner: User, path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")  # type: ignore[attr-defined]


# --- login and logout --------------------------------------------------------------------------


def test_login_page_shows_the_form(client: Client, owner: User) -> None:
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assertContains(response, 'name="password"')


def test_login_with_the_right_password_goes_to_today(client: Client, owner: User) -> None:
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assertRedirects(response, "/today/")
    assert client.get("/people/").status_code == 200


def test_login_goes_back_to_the_next_page(client: Client, owner: User) -> None:
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": PASSWORD, "next": "/people/"}
    )
    assertRedirects(response, "/people/")


def test_login_refuses_an_off_site_next(client: Client, owner: User) -> None:
    response = client.post(
        "/accounts/login/",
        {"username": "alice", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assertRedirects(response, "/today/")


def test_login_with_a_wrong_password_is_refused(client: Client, owner: User) -> None:
    response = client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    assert response.status_code == 200
    assertContains(response, "Please enter a correct username and password.")
    assert client.get("/people/").status_code == 302


def test_logout_by_post_signs_out(owner_client: Client) -> None:
    response = owner_client.post("/accounts/logout/")
    assertRedirects(response, "/accounts/login/")
    assert owner_client.get("/people/").status_code == 302


def test_logout_by_get_is_not_allowed_and_keeps_the_session(owner_client: Client) -> None:
    assert owner_client.get("/accounts/logout/").status_code == 405
    assert owner_client.get("/people/").status_code == 200


# --- account settings --------------------------------------------------------------------------


def profile_data(**overrides: str) -> dict[str, str]:
    data = {
        "time_zone": "Europe/Paris",
        "email": "alice@new.example",
        "about_me": "a data analyst exploring UX research",
        "digest": "on",
    }
    data.update(overrides)
    return data


def test_account_page_shows_the_settings(owner_client: Client) -> None:
    response = owner_client.get("/account/")
    assert response.status_code == 200
    assertContains(response, "alice@example.com")
    assertContains(response, "/feeds/")


def test_account_saves_time_zone_email_and_digest(owner_client: Client, owner: User) -> None:
    response = owner_client.post("/account/", profile_data())
    assertRedirects(response, "/account/")
    owner.refresh_from_db()
    owner.profile.refresh_from_db()
    assert owner.email == "alice@new.example"
    assert owner.profile.time_zone == "Europe/Paris"
    assert owner.profile.digest is True
    assert owner.profile.about_me == "a data analyst exploring UX research"


def test_account_turning_the_digest_off(owner: User) -> None:
    owner.profile.digest = True
    owner.profile.save()
    client = Client()
    client.force_login(owner)
    data = profile_data()
    del data["digest"]
    client.post("/account/", data)
    owner.profile.refresh_from_db()
    assert owner.profile.digest is False


def test_account_rejects_an_unknown_time_zone(owner_client: Client, owner: User) -> None:
    response = owner_client.post(
        "/account/", profile_data(time_zone="Mars/Olympus_Mons", email="changed@example.com")
    )
    assert response.status_code == 200
    assert "Select a valid choice." in field_errors(response, "time_zone")
    owner.refresh_from_db()
    owner.profile.refresh_from_db()
    assert owner.profile.time_zone == "UTC"
    assert owner.email == "alice@example.com"


def test_account_rejects_a_bad_email(owner_client: Client, owner: User) -> None:
    response = owner_client.post("/account/", profile_data(email="not-an-email"))
    assert "Enter a valid email address." in field_errors(response, "email")
    owner.refresh_from_db()
    assert owner.email == "alice@example.com"


def test_account_time_zone_applies_to_the_pages(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(
        owner=owner, scheduled_start=datetime(2026, 7, 1, 8, 0, tzinfo=UTC)
    )
    owner_client.post("/account/", profile_data(time_zone="Asia/Tokyo"))
    response = owner_client.get(f"/interviews/{interview.pk}/")
    assertContains(response, "Wednesday 1 July 2026, 17:00")


# --- API tokens --------------------------------------------------------------------------------


def test_creating_a_token_shows_it_once(owner_client: Client, owner: User) -> None:
    response = owner_client.post("/account/tokens/", {"name": "my script"})
    assertRedirects(response, "/account/#tokens", fetch_redirect_response=False)
    page = owner_client.get("/account/")
    token = page.context["new_token"]
    assert token.startswith("cc_")
    assertContains(page, token)
    assertContains(page, "it is not shown again")
    again = owner_client.get("/account/")
    assert again.context["new_token"] is None
    assertNotContains(again, token)


def test_a_created_token_is_stored_only_as_its_hash(owner_client: Client, owner: User) -> None:
    owner_client.post("/account/tokens/", {"name": "my script"})
    token = owner_client.get("/account/").context["new_token"]
    stored = ApiToken.objects.get()
    assert (stored.user, stored.name) == (owner, "my script")
    assert stored.token_hash != token
    assert stored.token_hash == hash_token(token)
    assert token not in {stored.name, stored.prefix, stored.token_hash}
    assert user_for_token(token) == owner


def test_a_token_without_a_name_gets_a_default_one(owner_client: Client) -> None:
    owner_client.post("/account/tokens/", {"name": "  "})
    assert ApiToken.objects.get().name == "API token"


def test_account_lists_only_the_users_tokens(
    owner_client: Client, owner: User, outsider: User
) -> None:
    issue_token(owner, "mine")
    issue_token(outsider, "theirs")
    response = owner_client.get("/account/")
    assert [t.name for t in response.context["tokens"]] == ["mine"]


def test_creating_a_token_with_get_is_not_allowed(owner_client: Client) -> None:
    assert owner_client.get("/account/tokens/").status_code == 405
    assert not ApiToken.objects.exists()


def test_revoking_a_token_deletes_it(owner_client: Client, owner: User) -> None:
    raw = issue_token(owner, "mine")
    token = ApiToken.objects.get()
    response = owner_client.post(f"/account/tokens/{token.pk}/revoke/")
    assertRedirects(response, "/account/#tokens", fetch_redirect_response=False)
    assert not ApiToken.objects.exists()
    assert user_for_token(raw) is None


def test_outsider_gets_404_revoking_the_owners_token(outsider_client: Client, owner: User) -> None:
    raw = issue_token(owner)
    token = ApiToken.objects.get()
    assert outsider_client.post(f"/account/tokens/{token.pk}/revoke/").status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()
    assert user_for_token(raw) == owner


def test_revoking_a_missing_token_is_404(owner_client: Client) -> None:
    assert owner_client.post("/account/tokens/999999/revoke/").status_code == 404


# --- calendar feed -----------------------------------------------------------------------------


def test_regenerating_the_feed_secret_changes_it(owner_client: Client, owner: User) -> None:
    old = owner.profile.feed_secret
    response = owner_client.post("/account/feed/")
    assertRedirects(response, "/account/#feed", fetch_redirect_response=False)
    owner.profile.refresh_from_db()
    assert owner.profile.feed_secret != old
    page = owner_client.get("/account/")
    assertContains(page, f"/feeds/{owner.profile.feed_secret}.ics")
    assertNotContains(page, old)


def test_regenerating_the_feed_secret_leaves_other_users_alone(
    owner_client: Client, outsider: User
) -> None:
    theirs = outsider.profile.feed_secret
    owner_client.post("/account/feed/")
    outsider.profile.refresh_from_db()
    assert outsider.profile.feed_secret == theirs


def test_regenerating_the_feed_secret_with_get_is_not_allowed(
    owner_client: Client, owner: User
) -> None:
    old = owner.profile.feed_secret
    assert owner_client.get("/account/feed/").status_code == 405
    owner.profile.refresh_from_db()
    assert owner.profile.feed_secret == old
