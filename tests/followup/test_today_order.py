"""The Today page's order: interviews today, overdue thank-yous, other overdue tasks, due today,
the next 7 days; with a query count that does not grow with the agenda."""

from __future__ import annotations

import zoneinfo
from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains

from coffeechat.followup import services as followup_services
from coffeechat.followup import views as followup_views
from coffeechat.followup.models import TaskKind
from coffeechat.followup.services import agenda
from coffeechat.interviews.models import Stage
from tests.factories import InterviewFactory, PersonFactory, TaskFactory, UserFactory

VANCOUVER = zoneinfo.ZoneInfo("America/Vancouver")


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=VANCOUVER)  # type: ignore[misc]


NOW = local(2026, 1, 15, 12, 0)


@pytest.fixture
def carol(db: None) -> User:
    return UserFactory(username="carol", profile__time_zone="America/Vancouver")


@pytest.fixture
def carol_client(carol: User) -> Client:
    client = Client()
    client.force_login(carol)
    return client


@pytest.fixture(autouse=True)
def frozen_agenda(monkeypatch: pytest.MonkeyPatch) -> None:
    def agenda_at_now(user: User, now: datetime | None = None) -> followup_services.Agenda:
        return followup_services.agenda(user, now=NOW)

    monkeypatch.setattr(followup_views, "agenda", agenda_at_now)


def fill(user: User) -> None:
    InterviewFactory(
        owner=user,
        stage=Stage.SCHEDULED,
        scheduled_start=local(2026, 1, 15, 16, 0),
        topic="interview-today",
    )
    InterviewFactory(
        owner=user,
        stage=Stage.SCHEDULED,
        scheduled_start=local(2026, 1, 19, 10, 0),
        topic="interview-monday",
    )
    TaskFactory(owner=user, title="other-overdue", due_at=local(2026, 1, 13, 9, 0))
    TaskFactory(
        owner=user,
        title="thank-you-overdue",
        kind=TaskKind.THANK_YOU,
        due_at=local(2026, 1, 14, 9, 0),
    )
    TaskFactory(owner=user, title="due-tonight", due_at=local(2026, 1, 15, 20, 0))
    TaskFactory(owner=user, title="due-tomorrow", due_at=local(2026, 1, 16, 9, 0))


def test_agenda_puts_overdue_thank_yous_apart_from_other_overdue_tasks(carol: User) -> None:
    fill(carol)
    plan = agenda(carol, now=NOW)
    assert [t.title for t in plan.overdue_thank_yous] == ["thank-you-overdue"]
    assert [t.title for t in plan.overdue] == ["other-overdue"]


def test_a_thank_you_not_yet_overdue_is_due_today_like_any_task(carol: User) -> None:
    TaskFactory(owner=carol, kind=TaskKind.THANK_YOU, due_at=local(2026, 1, 15, 18, 0))
    plan = agenda(carol, now=NOW)
    assert (len(plan.overdue_thank_yous), len(plan.due_today)) == (0, 1)


def test_today_shows_the_sections_in_order(carol_client: Client, carol: User) -> None:
    fill(carol)
    content = carol_client.get("/today/").content.decode()
    order = [
        "Interviews today",
        "interview-today",
        "Overdue thank-yous",
        "thank-you-overdue",
        "Other overdue tasks",
        "other-overdue",
        ">Due today<",
        "due-tonight",
        "Next 7 days",
        "interview-monday",
        "due-tomorrow",
    ]
    positions = [content.index(text) for text in order]
    assert positions == sorted(positions)


def test_todays_interviews_link_to_the_brief_and_live_mode(
    carol_client: Client, carol: User
) -> None:
    interview = InterviewFactory(
        owner=carol, stage=Stage.SCHEDULED, scheduled_start=local(2026, 1, 15, 16, 0)
    )
    response = carol_client.get("/today/")
    assertContains(response, f'href="/interviews/{interview.pk}/brief/"')
    assertContains(response, f'href="/interviews/{interview.pk}/live/"')


def test_today_queries_stay_few_whatever_the_size_of_the_agenda(
    carol_client: Client, carol: User, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    def add(count: int) -> None:
        for i in range(count):
            person = PersonFactory(owner=carol, postal_address="1 Main St" if i % 2 else "")
            interview = InterviewFactory(
                owner=carol,
                person=person,
                stage=Stage.SCHEDULED,
                scheduled_start=local(2026, 1, 15, 13, 0) + timedelta(hours=i % 100),
            )
            for kind in (TaskKind.THANK_YOU, TaskKind.KEEP_POSTED, TaskKind.THANK_REFERRER):
                TaskFactory(
                    owner=carol,
                    kind=kind,
                    interview=interview,
                    person=person,
                    due_at=local(2026, 1, 13, 9, 0) + timedelta(hours=i % 200),
                )

    add(2)
    carol_client.get("/today/")
    with CaptureQueriesContext(connection) as queries:
        carol_client.get("/today/")
    add(60)
    with django_assert_max_num_queries(len(queries.captured_queries)):
        response = carol_client.get("/today/")
    plan = response.context["agenda"]
    assert all((plan.overdue_thank_yous, plan.overdue, plan.interviews_today))
