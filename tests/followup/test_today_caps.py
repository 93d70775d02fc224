"""Today at scale (issue #9): each task section shows its first few with "show all", counts come
from the database, and the no-reply section is decided by one query."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from coffeechat.followup.models import Task, TaskKind
from coffeechat.followup.no_response import no_response
from coffeechat.followup.services import AGENDA_SHOWN, agenda
from coffeechat.interviews.models import ActivityKind, Stage
from tests.factories import ActivityFactory, InterviewFactory, TaskFactory


def overdue_tasks(user: User, count: int, kind: str = TaskKind.CUSTOM) -> list[Task]:
    start = timezone.now() - timedelta(days=count + 1)
    return [
        TaskFactory(owner=user, kind=kind, title=f"late-{i:03d}", due_at=start + timedelta(days=i))
        for i in range(count)
    ]


def test_a_capped_agenda_holds_the_oldest_overdue_and_counts_the_rest(owner: User) -> None:
    tasks = overdue_tasks(owner, AGENDA_SHOWN + 5)
    plan = agenda(owner)
    assert [t.pk for t in plan.overdue] == [t.pk for t in tasks[:AGENDA_SHOWN]]
    assert plan.hidden["overdue"] == 5


def test_an_uncapped_agenda_holds_every_overdue_task(owner: User) -> None:
    overdue_tasks(owner, 30)
    plan = agenda(owner, limit=None)
    assert len(plan.overdue) == 30
    assert sum(plan.hidden.values()) == 0


def test_today_says_how_many_more_and_links_to_the_whole_section(
    owner_client: Client, owner: User
) -> None:
    overdue_tasks(owner, AGENDA_SHOWN + 2, kind=TaskKind.THANK_YOU)
    response = owner_client.get("/today/")
    assertContains(response, 'href="/today/thank-yous/"')
    assertContains(response, f"Show all {AGENDA_SHOWN + 2}")
    assertContains(response, "(2 more not shown here)")
    assertNotContains(response, f"late-{AGENDA_SHOWN:03d}")


def test_today_has_no_show_all_link_when_everything_fits(owner_client: Client, owner: User) -> None:
    overdue_tasks(owner, 3)
    response = owner_client.get("/today/")
    assertContains(response, "late-002")
    assertNotContains(response, "Show all")


def test_the_section_page_lists_every_task_a_page_at_a_time(
    owner_client: Client, owner: User
) -> None:
    overdue_tasks(owner, 60)
    first = owner_client.get("/today/overdue/")
    assertContains(first, "late-049")
    assertNotContains(first, "late-050")
    assertContains(first, "(60)")
    second = owner_client.get("/today/overdue/?page=2")
    assertContains(second, "late-059")


def test_the_section_page_never_shows_another_users_tasks(
    owner_client: Client, outsider: User
) -> None:
    overdue_tasks(outsider, 2)
    response = owner_client.get("/today/overdue/")
    assertNotContains(response, "late-000")
    assertContains(response, "(0)")


def test_an_unknown_section_is_not_found(owner_client: Client) -> None:
    assert owner_client.get("/today/someday/").status_code == 404


def test_today_queries_do_not_grow_with_a_long_backlog(
    owner_client: Client, owner: User, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    user = owner
    overdue_tasks(user, 120)
    overdue_tasks(user, 40, kind=TaskKind.THANK_YOU)
    for _ in range(30):
        nudged(user, days_ago=20)
    with django_assert_max_num_queries(14):
        response = owner_client.get("/today/")
    assert response.status_code == 200


def nudged(user: User, days_ago: int, replied_days_ago: int | None = None):  # type: ignore[no-untyped-def]
    interview = InterviewFactory(owner=user, stage=Stage.REQUESTED)
    at = timezone.now() - timedelta(days=days_ago)
    ActivityFactory(owner=user, interview=interview, kind=ActivityKind.NUDGE_SENT, at=at)
    if replied_days_ago is not None:
        ActivityFactory(
            owner=user,
            interview=interview,
            kind=ActivityKind.REPLY_RECEIVED,
            at=timezone.now() - timedelta(days=replied_days_ago),
        )
    return interview


def test_no_response_suggests_a_nudge_unanswered_for_weeks(owner: User) -> None:
    interview = nudged(owner, days_ago=20)
    assert list(no_response(owner, timezone.now()).shown) == [interview]


def test_no_response_skips_a_nudge_answered_since(owner: User) -> None:
    nudged(owner, days_ago=20, replied_days_ago=10)
    assert no_response(owner, timezone.now()).total == 0


def test_no_response_counts_a_reply_that_came_before_the_latest_nudge_as_none(
    owner: User,
) -> None:
    interview = nudged(owner, days_ago=20, replied_days_ago=30)
    assert list(no_response(owner, timezone.now()).shown) == [interview]


def test_no_response_waits_seven_business_days_after_the_nudge(owner: User) -> None:
    nudged(owner, days_ago=2)
    assert no_response(owner, timezone.now()).total == 0


def test_no_response_ignores_interviews_no_longer_requested(owner: User) -> None:
    interview = nudged(owner, days_ago=20)
    interview.stage = Stage.SCHEDULED
    interview.save()
    assert no_response(owner, timezone.now()).total == 0


def test_no_response_shows_the_oldest_25_and_counts_the_rest(owner: User) -> None:
    oldest = [nudged(owner, days_ago=60 - i) for i in range(27)]
    found = no_response(owner, timezone.now())
    assert list(found.shown) == oldest[:25]
    assert found.hidden == 2


def test_no_response_never_lists_another_users_interview(owner: User, outsider: User) -> None:
    nudged(outsider, days_ago=20)
    assert no_response(owner, timezone.now()).total == 0
