"""Every reminder can be snoozed (1 day, 3 days, 1 week) or dismissed, from any task list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coffeechat.followup.models import Task
from coffeechat.followup.services import dismiss, snooze
from tests.factories import TaskFactory

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


@pytest.fixture
def overdue(owner: User) -> Task:
    return TaskFactory(owner=owner, title="Send Grace the article", due_at=NOW - timedelta(days=2))


# --- services ----------------------------------------------------------------------------------


@pytest.mark.parametrize("days", [1, 3, 7])
def test_snooze_moves_an_overdue_task_that_many_days_from_now(overdue: Task, days: int) -> None:
    snooze(overdue, days, now=NOW)
    overdue.refresh_from_db()
    assert overdue.due_at == NOW + timedelta(days=days)


def test_snooze_never_brings_a_later_task_forward(owner: User) -> None:
    later = TaskFactory(owner=owner, due_at=NOW + timedelta(days=10))
    snooze(later, 1, now=NOW)
    later.refresh_from_db()
    assert later.due_at == NOW + timedelta(days=10)


def test_snooze_gives_a_date_to_a_task_without_one(owner: User) -> None:
    undated = TaskFactory(owner=owner, due_at=None)
    snooze(undated, 3, now=NOW)
    assert undated.due_at == NOW + timedelta(days=3)


def test_snooze_refuses_other_lengths(overdue: Task) -> None:
    with pytest.raises(ValidationError):
        snooze(overdue, 2, now=NOW)


def test_dismiss_closes_the_task_as_dismissed(overdue: Task) -> None:
    dismiss(overdue, at=NOW)
    overdue.refresh_from_db()
    assert (overdue.done, overdue.dismissed, overdue.done_at) == (True, True, NOW)


def test_reopening_a_dismissed_task_clears_dismissed(overdue: Task, owner_client: Client) -> None:
    dismiss(overdue, at=NOW)
    owner_client.post(f"/tasks/{overdue.pk}/toggle/", {})
    overdue.refresh_from_db()
    assert (overdue.done, overdue.dismissed) == (False, False)


# --- routes ------------------------------------------------------------------------------------


def test_the_snooze_route_moves_the_task_and_goes_back(owner_client: Client, overdue: Task) -> None:
    before = timezone.now()
    response = owner_client.post(f"/tasks/{overdue.pk}/snooze/", {"days": "3", "next": "/people/"})
    assertRedirects(response, "/people/", fetch_redirect_response=False)
    overdue.refresh_from_db()
    assert before + timedelta(days=3) <= overdue.due_at <= timezone.now() + timedelta(days=3)


def test_the_snooze_route_with_htmx_answers_the_task_item(
    owner_client: Client, overdue: Task
) -> None:
    response = owner_client.post(
        f"/tasks/{overdue.pk}/snooze/", {"days": "7"}, headers={"HX-Request": "true"}
    )
    content = response.content.decode()
    assert content.lstrip().startswith(f'<li id="task-{overdue.pk}">')
    assert 'role="status"' in content
    assert "Snoozed" in content


def test_the_snooze_route_refuses_an_unknown_length(owner_client: Client, overdue: Task) -> None:
    response = owner_client.post(f"/tasks/{overdue.pk}/snooze/", {"days": "30"})
    assert response.status_code == 400
    overdue.refresh_from_db()
    assert overdue.due_at == NOW - timedelta(days=2)


def test_the_dismiss_route_closes_the_task(owner_client: Client, overdue: Task) -> None:
    response = owner_client.post(f"/tasks/{overdue.pk}/dismiss/")
    assertRedirects(response, "/today/", fetch_redirect_response=False)
    overdue.refresh_from_db()
    assert (overdue.done, overdue.dismissed) == (True, True)


def test_the_dismiss_route_with_htmx_answers_the_dismissed_item(
    owner_client: Client, overdue: Task
) -> None:
    response = owner_client.post(f"/tasks/{overdue.pk}/dismiss/", headers={"HX-Request": "true"})
    assertContains(response, "Dismissed")
    assertNotContains(response, "<html")


def test_a_dismissed_task_leaves_the_today_page(owner_client: Client, overdue: Task) -> None:
    owner_client.post(f"/tasks/{overdue.pk}/dismiss/")
    assert owner_client.get("/today/").context["agenda"].is_empty


@pytest.mark.parametrize("action", ["snooze", "dismiss"])
def test_outsider_gets_404_and_changes_nothing(
    outsider_client: Client, overdue: Task, action: str
) -> None:
    response = outsider_client.post(f"/tasks/{overdue.pk}/{action}/", {"days": "1"})
    htmx = outsider_client.post(
        f"/tasks/{overdue.pk}/{action}/", {"days": "1"}, headers={"HX-Request": "true"}
    )
    assert (response.status_code, htmx.status_code) == (404, 404)
    overdue.refresh_from_db()
    assert (overdue.due_at, overdue.done) == (NOW - timedelta(days=2), False)


@pytest.mark.parametrize("action", ["snooze", "dismiss"])
def test_get_is_not_allowed(owner_client: Client, overdue: Task, action: str) -> None:
    assert owner_client.get(f"/tasks/{overdue.pk}/{action}/").status_code == 405


def test_today_offers_snooze_and_dismiss_on_each_open_task(
    owner_client: Client, overdue: Task
) -> None:
    response = owner_client.get("/today/")
    assertContains(response, f'action="/tasks/{overdue.pk}/snooze/"')
    assertContains(response, f'action="/tasks/{overdue.pk}/dismiss/"')
    assertContains(response, '<option value="7">1 week</option>')
