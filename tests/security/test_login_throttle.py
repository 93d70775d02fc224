"""Sign-in throttling: per account, per address, growing locks, and the login page's answers."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client, RequestFactory
from django.utils import timezone
from pytest_django.asserts import assertContains, assertRedirects

from coffeechat.accounts import throttle
from coffeechat.accounts.models import LoginThrottle
from coffeechat.accounts.throttle import Lock, Scope
from tests.conftest import ApiClient
from tests.factories import PASSWORD

T0 = datetime(2030, 3, 4, 9, 0, tzinfo=UTC)
HERE = "203.0.113.5"
ELSEWHERE = "198.51.100.9"
LOGIN = "/accounts/login/"
ACCOUNT_LOCKED = "Too many failed sign-ins for this account."
ADDRESS_LOCKED = "Too many failed sign-ins from your network address."


def fail(times: int, username: str = "alice", address: str = HERE, at: datetime = T0) -> None:
    for _ in range(times):
        throttle.record_login_failure(username, address, at)


def minutes(lock: Lock | None) -> float:
    assert lock is not None
    return (lock.until - T0).total_seconds() / 60


# --- the rules (times passed in) ----------------------------------------------------------------


@pytest.mark.django_db
def test_four_failures_do_not_lock_the_account() -> None:
    fail(4)
    assert throttle.login_lock("alice", HERE, T0 + timedelta(minutes=1)) is None


@pytest.mark.django_db
def test_the_fifth_failure_locks_the_account_for_15_minutes() -> None:
    fail(4)
    lock = throttle.record_login_failure("alice", HERE, T0)
    assert lock == Lock(Scope.ACCOUNT, T0 + timedelta(minutes=15))
    assert throttle.login_lock("alice", ELSEWHERE, T0 + timedelta(minutes=14)) == lock


@pytest.mark.django_db
def test_the_lock_message_counts_the_minutes_left() -> None:
    fail(5)
    lock = throttle.login_lock("alice", ELSEWHERE, T0 + timedelta(seconds=61))
    assert lock is not None
    assert lock.message(T0 + timedelta(seconds=61)) == (
        "Too many failed sign-ins for this account. Try again in 14 minutes."
    )
    assert lock.message(T0 + timedelta(minutes=14, seconds=30)).endswith("Try again in 1 minute.")


@pytest.mark.django_db
def test_the_lock_ends_after_15_minutes() -> None:
    fail(5)
    assert throttle.login_lock("alice", ELSEWHERE, T0 + timedelta(minutes=15, seconds=5)) is None


@pytest.mark.django_db
def test_failures_spread_over_more_than_15_minutes_do_not_lock() -> None:
    fail(3)
    fail(2, at=T0 + timedelta(minutes=16))
    assert throttle.login_lock("alice", ELSEWHERE, T0 + timedelta(minutes=17)) is None


@pytest.mark.django_db
def test_each_new_lock_lasts_twice_as_long() -> None:
    fail(5)
    fail(4, at=T0 + timedelta(minutes=20))
    lock = throttle.record_login_failure("alice", HERE, T0 + timedelta(minutes=20, seconds=30))
    assert lock is not None
    assert lock.until == T0 + timedelta(minutes=20, seconds=30) + timedelta(minutes=30)
    assert [throttle.lock_length(n) for n in range(3)] == [
        timedelta(minutes=15),
        timedelta(minutes=30),
        timedelta(minutes=60),
    ]


def test_a_lock_never_lasts_more_than_a_day() -> None:
    assert throttle.lock_length(7) == timedelta(days=1)
    assert throttle.lock_length(10_000) == timedelta(days=1)


@pytest.mark.django_db
def test_attempts_while_locked_do_not_lengthen_the_lock() -> None:
    fail(5)
    for n in range(10):
        lock = throttle.record_login_failure("alice", ELSEWHERE, T0 + timedelta(minutes=n))
        assert minutes(lock) == 15
    assert throttle.login_lock("alice", ELSEWHERE, T0 + timedelta(minutes=15, seconds=5)) is None


@pytest.mark.django_db
def test_a_success_clears_the_accounts_count() -> None:
    fail(4)
    throttle.record_login_success("alice")
    fail(4, at=T0 + timedelta(minutes=1))
    assert throttle.login_lock("alice", ELSEWHERE, T0 + timedelta(minutes=2)) is None


@pytest.mark.django_db
def test_a_success_does_not_clear_the_addresss_count() -> None:
    for n in range(19):
        throttle.record_login_failure(f"user{n}", HERE, T0)
    throttle.record_login_success("user0")
    lock = throttle.record_login_failure("someone", HERE, T0 + timedelta(minutes=1))
    assert lock == Lock(Scope.ADDRESS, T0 + timedelta(minutes=16))


@pytest.mark.django_db
def test_twenty_failures_from_one_address_lock_every_account_there() -> None:
    for n in range(20):
        throttle.record_login_failure(f"user{n}", HERE, T0)
    lock = throttle.login_lock("carol", HERE, T0 + timedelta(minutes=1))
    assert lock == Lock(Scope.ADDRESS, T0 + timedelta(minutes=15))
    assert lock.message(T0 + timedelta(minutes=1)) == (
        "Too many failed sign-ins from your network address. Try again in 14 minutes."
    )
    assert throttle.login_lock("carol", ELSEWHERE, T0 + timedelta(minutes=1)) is None


@pytest.mark.django_db
def test_the_username_is_counted_whatever_its_case() -> None:
    fail(3, username="Alice")
    fail(2, username=" ALICE ")
    assert throttle.login_lock("alice", ELSEWHERE, T0 + timedelta(minutes=1)) is not None


@pytest.mark.django_db
def test_rows_untouched_for_a_day_are_deleted_on_the_next_write() -> None:
    fail(5)
    fail(1, username="bob", at=T0 + timedelta(hours=12))
    throttle.record_login_failure("carol", ELSEWHERE, T0 + timedelta(days=1, minutes=1))
    assert sorted(LoginThrottle.objects.values_list("scope", "key")) == [
        (Scope.ACCOUNT, "bob"),
        (Scope.ACCOUNT, "carol"),
        (Scope.ADDRESS, ELSEWHERE),
        (Scope.ADDRESS, HERE),
    ]


# --- the client's address ------------------------------------------------------------------------


def address_of(**meta: str) -> str:
    return throttle.client_address(RequestFactory().get("/", **meta))


def test_the_address_is_remote_addr_by_default(settings) -> None:  # type: ignore[no-untyped-def]
    settings.TRUSTED_PROXIES = 0
    assert address_of(REMOTE_ADDR=HERE, HTTP_X_FORWARDED_FOR=ELSEWHERE) == HERE


def test_behind_one_proxy_the_address_is_the_last_forwarded_one(settings) -> None:  # type: ignore[no-untyped-def]
    settings.TRUSTED_PROXIES = 1
    forwarded = f"10.9.9.9, {ELSEWHERE}"  # the first entry is whatever the client claimed
    assert address_of(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded) == ELSEWHERE


def test_behind_two_proxies_the_address_is_the_second_last(settings) -> None:  # type: ignore[no-untyped-def]
    settings.TRUSTED_PROXIES = 2
    forwarded = f"10.9.9.9, {ELSEWHERE}, 10.0.0.2"
    assert address_of(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded) == ELSEWHERE


def test_behind_a_proxy_without_the_header_the_address_is_remote_addr(settings) -> None:  # type: ignore[no-untyped-def]
    settings.TRUSTED_PROXIES = 1
    assert address_of(REMOTE_ADDR=HERE) == HERE


def test_a_malformed_address_is_counted_as_unknown(settings) -> None:  # type: ignore[no-untyped-def]
    settings.TRUSTED_PROXIES = 1
    assert address_of(REMOTE_ADDR=HERE, HTTP_X_FORWARDED_FOR="<script>") == "unknown"


def test_an_ipv6_address_is_written_the_same_way_every_time(settings) -> None:  # type: ignore[no-untyped-def]
    settings.TRUSTED_PROXIES = 0
    assert address_of(REMOTE_ADDR="2001:DB8:0:0::1") == "2001:db8::1"


def test_behind_https_one_proxy_is_trusted_unless_told_otherwise(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import coffeechat.settings as production

    try:
        assert production.TRUSTED_PROXIES == 0
        monkeypatch.setenv("COFFEECHAT_HTTPS", "1")
        assert importlib.reload(production).TRUSTED_PROXIES == 1
        monkeypatch.setenv("COFFEECHAT_TRUSTED_PROXIES", "2")
        assert importlib.reload(production).TRUSTED_PROXIES == 2
    finally:
        monkeypatch.delenv("COFFEECHAT_HTTPS", raising=False)
        monkeypatch.delenv("COFFEECHAT_TRUSTED_PROXIES", raising=False)
        importlib.reload(production)


# --- the login page ------------------------------------------------------------------------------


def post_login(client: Client, password: str, username: str = "alice", address: str = HERE):  # type: ignore[no-untyped-def]
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_the_fifth_wrong_password_answers_429_with_the_lock_message(
    client: Client, owner: User
) -> None:
    for _ in range(4):
        assert post_login(client, "wrong").status_code == 200
    response = post_login(client, "wrong")
    assert response.status_code == 429
    assertContains(
        response,
        "Too many failed sign-ins for this account. Try again in 15 minutes.",
        status_code=429,
    )
    assert 899 <= int(response["Retry-After"]) <= 900


def test_a_locked_account_refuses_the_right_password(client: Client, owner: User) -> None:
    fail(5, at=timezone.now())
    response = post_login(client, PASSWORD, address=ELSEWHERE)
    assertContains(response, ACCOUNT_LOCKED, status_code=429)
    assert "_auth_user_id" not in client.session
    assert client.get("/people/").status_code == 302


def test_a_locked_account_answers_like_a_wrong_password_would_not(
    client: Client, owner: User
) -> None:
    # The same answer for the right and a wrong password: a lock shows nothing about a guess.
    fail(5, at=timezone.now())
    right = post_login(client, PASSWORD)
    wrong = post_login(client, "wrong")
    assert (right.status_code, wrong.status_code) == (429, 429)
    assert right.context["form"].non_field_errors() == wrong.context["form"].non_field_errors()


def test_after_the_lock_the_right_password_signs_in_and_clears_the_count(
    client: Client, owner: User
) -> None:
    fail(5, at=timezone.now() - timedelta(minutes=16))
    assertRedirects(post_login(client, PASSWORD), "/today/")
    assert not LoginThrottle.objects.filter(scope=Scope.ACCOUNT).exists()


def test_a_successful_sign_in_clears_the_accounts_failures(client: Client, owner: User) -> None:
    for _ in range(4):
        post_login(client, "wrong")
    assertRedirects(post_login(client, PASSWORD), "/today/")
    assert not LoginThrottle.objects.filter(scope=Scope.ACCOUNT, key="alice").exists()
    assert LoginThrottle.objects.get(scope=Scope.ADDRESS, key=HERE).failures == 4


def test_an_unknown_username_is_locked_the_same_way(client: Client, owner: User) -> None:
    # Otherwise the lock would tell who has an account.
    for _ in range(4):
        post_login(client, "wrong", username="nobody")
    response = post_login(client, "wrong", username="nobody")
    assertContains(response, ACCOUNT_LOCKED, status_code=429)


def test_an_address_lock_refuses_another_account_there_but_not_elsewhere(
    client: Client, owner: User
) -> None:
    for n in range(20):
        post_login(client, "wrong", username=f"guess{n}")
    here = post_login(client, PASSWORD)
    assertContains(here, ADDRESS_LOCKED, status_code=429)
    assertRedirects(post_login(Client(), PASSWORD, address=ELSEWHERE), "/today/")


def test_a_forged_forwarded_for_does_not_escape_the_address_count(
    client: Client, owner: User, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.TRUSTED_PROXIES = 0
    for n in range(20):
        client.post(
            LOGIN,
            {"username": f"guess{n}", "password": "wrong"},
            REMOTE_ADDR=HERE,
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        )
    assertContains(post_login(client, PASSWORD), ADDRESS_LOCKED, status_code=429)


def test_a_form_with_no_password_is_not_counted(client: Client, owner: User) -> None:
    for _ in range(6):
        response = client.post(LOGIN, {"username": "alice", "password": ""}, REMOTE_ADDR=HERE)
        assert response.status_code == 200
    assert not LoginThrottle.objects.exists()


def test_the_login_page_itself_is_not_locked(client: Client, owner: User) -> None:
    fail(5, at=timezone.now())
    assert client.get(LOGIN).status_code == 200


# --- API tokens ----------------------------------------------------------------------------------


def bad_token(client: Client, address: str = "127.0.0.1"):  # type: ignore[no-untyped-def]
    headers = {"Authorization": "Bearer cc_not-a-token-anyone-was-given"}
    return client.get("/api/v1/me", headers=headers, REMOTE_ADDR=address)


def test_twenty_wrong_tokens_from_one_address_answer_429(owner: User) -> None:
    client = Client()
    assert [bad_token(client).status_code for _ in range(19)] == [401] * 19
    response = bad_token(client)
    assert response.status_code == 429
    assert response.json() == {
        "detail": "Too many requests with an invalid API token from your network address. "
        "Try again in 15 minutes."
    }
    assert bad_token(client, address=ELSEWHERE).status_code == 401


def test_a_right_token_works_from_an_address_locked_for_wrong_ones(
    owner: User, owner_api: ApiClient
) -> None:
    for _ in range(20):
        bad_token(Client())
    assert owner_api.get("/api/v1/me").status_code == 200


def test_wrong_tokens_do_not_lock_sign_in_from_the_same_address(
    client: Client, owner: User
) -> None:
    for _ in range(25):
        bad_token(client, address=HERE)
    assertRedirects(post_login(client, PASSWORD), "/today/")


# --- several processes ---------------------------------------------------------------------------

_WORKER = textwrap.dedent(
    """
    import sys, time
    from datetime import UTC, datetime
    from pathlib import Path
    import django
    django.setup()
    from coffeechat.accounts import throttle
    worker, folder = sys.argv[1], Path(sys.argv[2])
    (folder / f"ready-{worker}").touch()
    while not (folder / "go").exists():  # start together, so the writes really overlap
        time.sleep(0.01)
    at = datetime(2030, 3, 4, 9, 0, tzinfo=UTC)
    for n in range(6):
        throttle.record_login_failure(f"user{worker}-{n}", "192.0.2.1", at)
    """
)


def test_failures_counted_by_several_processes_at_once_all_count(tmp_path: Path) -> None:
    # The zero-configuration setup: separate server processes sharing the SQLite file.
    env = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "COFFEECHAT_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "coffeechat.settings",
    }
    run = [sys.executable, "-c"]
    # Only the throttle's table: fast, and independent of every other app's migrations.
    create = (
        "import django; django.setup(); from django.db import connection;"
        " from coffeechat.accounts.models import LoginThrottle;"
        " editor = connection.schema_editor(); editor.__enter__();"
        " editor.create_model(LoginThrottle); editor.__exit__(None, None, None)"
    )
    subprocess.run([*run, create], env=env, check=True)
    workers = [subprocess.Popen([*run, _WORKER, str(w), str(tmp_path)], env=env) for w in range(3)]
    deadline = time.monotonic() + 60
    while len(list(tmp_path.glob("ready-*"))) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    (tmp_path / "go").touch()
    assert [worker.wait(timeout=60) for worker in workers] == [0, 0, 0]
    check = (
        "import django; django.setup(); from coffeechat.accounts.models import LoginThrottle as T;"
        " row = T.objects.get(scope='address'); print(row.failures, row.locks)"
    )
    out = subprocess.run([*run, check], env=env, check=True, capture_output=True, text=True)
    # 18 failures, none lost: 18 < 20, so no lock yet.
    assert out.stdout.split() == ["18", "0"]


@pytest.mark.django_db
def test_one_row_per_account_and_per_address() -> None:
    fail(3)
    assert sorted(LoginThrottle.objects.values_list("scope", "key", "failures")) == [
        (Scope.ACCOUNT, "alice", 3),
        (Scope.ADDRESS, HERE, 3),
    ]
