"""The agenda, judged by the calendar day of the user's own time zone, and the task services."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from coffeechat.followup.models import Task
from coffeechat.followup.services import agenda, get_task, save_task, set_done
from coffeechat.interviews.models import Stage
from tests.factories import InterviewFactory, PersonFactory, TaskFactory, UserFactory

VANCOUVER = zoneinfo.ZoneInfo("America/Vancouver")


def local(*args: int) -> datetime:
    """A wall-clock time in Vancouver (UTC−8 in January)."""
    return datetime(*args, tzinfo=VANCOUVER)  # type: ignore[misc]


# Thursday 15 January 2026, noon in Vancouver; 20:00 UTC.
NOW = local(2026, 1, 15, 12, 0)


@pytest.fixture
def vancouverite(db: None) -> User:
    return UserFactory(username="carol", profile__time_zone="America/Vancouver")


def titles(tasks: list[Task]) -> list[str]:
    return [task.title for task in tasks]


def test_agenda_sorts_tasks_into_overdue_due_today_and_next_7_days(vancouverite: User) -> None:
    for title, due in [
        ("last week", local(2026, 1, 8, 9, 0)),
        ("this morning", local(2026, 1, 15, 8, 0)),
        ("this afternoon", local(2026, 1, 15, 15, 0)),
        ("tomorrow", local(2026, 1, 16, 9, 0)),
        ("in a week", local(2026, 1, 22, 23, 59)),
        ("in eight days", local(2026, 1, 23, 0, 0)),
    ]:
        TaskFactory(owner=vancouverite, title=title, due_at=due)
    plan = agenda(vancouverite, now=NOW)
    assert titles(plan.overdue) == ["last week", "this morning"]
    assert titles(plan.due_today) == ["this afternoon"]
    assert titles(plan.upcoming_tasks) == ["tomorrow", "in a week"]


def test_agenda_a_task_due_late_tonight_is_due_today_although_utc_says_tomorrow(
    vancouverite: User,
) -> None:
    # 23:30 in Vancouver on the 15th is 07:30 UTC on the 16th.
    TaskFactory(owner=vancouverite, title="late tonight", due_at=local(2026, 1, 15, 23, 30))
    plan = agenda(vancouverite, now=datetime(2026, 1, 15, 20, 0, tzinfo=UTC))
    assert titles(plan.due_today) == ["late tonight"]
    assert plan.upcoming_tasks == []


def test_agenda_a_task_due_just_after_local_midnight_is_not_due_today(
    vancouverite: User,
) -> None:
    # 00:30 on the 16th in Vancouver is still the 16th in UTC, but it is tomorrow for the user.
    TaskFactory(owner=vancouverite, title="after midnight", due_at=local(2026, 1, 16, 0, 30))
    plan = agenda(vancouverite, now=NOW)
    assert plan.due_today == []
    assert titles(plan.upcoming_tasks) == ["after midnight"]


def test_agenda_late_in_the_local_evening_today_is_still_the_local_day(
    vancouverite: User,
) -> None:
    # 22:00 in Vancouver on the 15th is already 06:00 UTC on the 16th.
    TaskFactory(owner=vancouverite, title="before bed", due_at=local(2026, 1, 15, 23, 0))
    TaskFactory(owner=vancouverite, title="tomorrow morning", due_at=local(2026, 1, 16, 8, 0))
    plan = agenda(vancouverite, now=local(2026, 1, 15, 22, 0))
    assert titles(plan.due_today) == ["before bed"]
    assert titles(plan.upcoming_tasks) == ["tomorrow morning"]


def test_agenda_is_judged_in_the_users_time_zone_whatever_zone_is_active(
    vancouverite: User,
) -> None:
    TaskFactory(owner=vancouverite, title="late tonight", due_at=local(2026, 1, 15, 23, 30))
    with timezone.override(zoneinfo.ZoneInfo("Asia/Tokyo")):
        plan = agenda(vancouverite, now=NOW)
    assert titles(plan.due_today) == ["late tonight"]


def test_agenda_leaves_out_done_tasks(vancouverite: User) -> None:
    TaskFactory(
        owner=vancouverite, title="done overdue", due_at=local(2026, 1, 14, 9, 0), done=True
    )
    TaskFactory(owner=vancouverite, title="done today", due_at=local(2026, 1, 15, 15, 0), done=True)
    TaskFactory(owner=vancouverite, title="done soon", due_at=local(2026, 1, 17, 9, 0), done=True)
    assert agenda(vancouverite, now=NOW).is_empty


def test_agenda_leaves_out_tasks_without_a_due_date(vancouverite: User) -> None:
    TaskFactory(owner=vancouverite, due_at=None)
    assert agenda(vancouverite, now=NOW).is_empty


def test_agenda_leaves_out_another_users_tasks_and_interviews(
    vancouverite: User, outsider: User
) -> None:
    TaskFactory(owner=outsider, due_at=local(2026, 1, 15, 15, 0))
    InterviewFactory(
        owner=outsider, stage=Stage.SCHEDULED, scheduled_start=local(2026, 1, 15, 15, 0)
    )
    assert agenda(vancouverite, now=NOW).is_empty


def test_agenda_lists_todays_scheduled_interviews_in_order(vancouverite: User) -> None:
    evening = InterviewFactory(
        owner=vancouverite, stage=Stage.SCHEDULED, scheduled_start=local(2026, 1, 15, 18, 0)
    )
    morning = InterviewFactory(
        owner=vancouverite, stage=Stage.SCHEDULED, scheduled_start=local(2026, 1, 15, 9, 0)
    )
    plan = agenda(vancouverite, now=NOW)
    # The evening interview is on the 16th in UTC; both are today for the user.
    assert plan.interviews_today == [morning, evening]
    assert plan.upcoming_interviews == []


def test_agenda_lists_interviews_of_the_next_7_days_apart_from_today(vancouverite: User) -> None:
    soon = InterviewFactory(
        owner=vancouverite, stage=Stage.SCHEDULED, scheduled_start=local(2026, 1, 16, 0, 30)
    )
    InterviewFactory(
        owner=vancouverite, stage=Stage.SCHEDULED, scheduled_start=local(2026, 1, 23, 9, 0)
    )
    InterviewFactory(
        owner=vancouverite, stage=Stage.SCHEDULED, scheduled_start=local(2026, 1, 14, 9, 0)
    )
    plan = agenda(vancouverite, now=NOW)
    assert plan.interviews_today == []
    assert plan.upcoming_interviews == [soon]


def test_agenda_lists_only_interviews_in_the_scheduled_stage(vancouverite: User) -> None:
    for stage in (Stage.REQUESTED, Stage.HELD, Stage.CANCELLED):
        InterviewFactory(owner=vancouverite, stage=stage, scheduled_start=local(2026, 1, 15, 15, 0))
    assert agenda(vancouverite, now=NOW).interviews_today == []


def test_agenda_with_nothing_is_empty(vancouverite: User) -> None:
    assert agenda(vancouverite, now=NOW).is_empty


# --- task services -----------------------------------------------------------------------------


def test_get_task_of_another_owner_is_404(owner: User, outsider: User) -> None:
    task = TaskFactory(owner=owner)
    assert get_task(owner, task.pk) == task
    with pytest.raises(Http404):
        get_task(outsider, task.pk)


def test_save_task_rejects_another_owners_person_and_interview(owner: User, outsider: User) -> None:
    task = Task(
        owner=outsider,
        title="Sneaky",
        person=PersonFactory(owner=owner),
        interview=InterviewFactory(owner=owner),
    )
    with pytest.raises(ValidationError) as error:
        save_task(task)
    assert error.value.message_dict == {
        "person": ["No such person."],
        "interview": ["No such interview."],
    }
    assert not Task.objects.exists()


def test_save_task_stamps_and_clears_done_at(owner: User) -> None:
    task = save_task(Task(owner=owner, title="Thank Grace", done=True))
    assert task.done_at is not None
    task.done = False
    save_task(task)
    assert task.done_at is None


def test_set_done_stamps_the_time_and_undoing_clears_it(owner: User) -> None:
    task = TaskFactory(owner=owner)
    set_done(task, True, at=NOW)
    task.refresh_from_db()
    assert (task.done, task.done_at) == (True, NOW)
    set_done(task, False)
    task.refresh_from_db()
    assert (task.done, task.done_at) == (False, None)
