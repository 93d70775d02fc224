"""Tasks and the agenda of the Today page."""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone

from coffeechat.accounts.services import profile_of
from coffeechat.followup.models import Task
from coffeechat.interviews.models import Interview, Stage
from coffeechat.interviews.services import check_owner

UPCOMING_DAYS = 7


def get_task(user: User, pk: int) -> Task:
    return get_object_or_404(Task, pk=pk, owner=user)


@transaction.atomic
def save_task(task: Task) -> Task:
    check_owner(task.owner, task.person, task.interview)
    if task.done and task.done_at is None:
        task.done_at = timezone.now()
    if not task.done:
        task.done_at = None
    task.full_clean()
    task.save()
    return task


def set_done(task: Task, done: bool, at: datetime | None = None) -> Task:
    task.done = done
    task.done_at = (at or timezone.now()) if done else None
    task.save(update_fields=["done", "done_at"])
    return task


@dataclass(frozen=True)
class Agenda:
    interviews_today: list[Interview]
    overdue: list[Task]
    due_today: list[Task]
    upcoming_tasks: list[Task]
    upcoming_interviews: list[Interview]

    @property
    def is_empty(self) -> bool:
        return not (
            self.interviews_today
            or self.overdue
            or self.due_today
            or self.upcoming_tasks
            or self.upcoming_interviews
        )


def agenda(user: User, now: datetime | None = None) -> Agenda:
    """What needs doing, judged by the calendar day of the user's own time zone.

    Not the active time zone: the digest and other callers may run for many users in one process.
    """
    zone = zoneinfo.ZoneInfo(profile_of(user).time_zone or "UTC")
    now = timezone.localtime(now or timezone.now(), zone)
    start_of_day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    end_of_day = start_of_day + timedelta(days=1)
    horizon = start_of_day + timedelta(days=UPCOMING_DAYS + 1)
    open_tasks = list(
        Task.objects.filter(owner=user, done=False, due_at__lt=horizon)
        .select_related("person", "interview", "interview__person")
        .order_by("due_at", "id")
    )
    interviews = list(
        Interview.objects.filter(
            owner=user,
            stage=Stage.SCHEDULED,
            scheduled_start__gte=start_of_day,
            scheduled_start__lt=horizon,
        )
        .select_related("person", "person__organization")
        .order_by("scheduled_start")
    )
    return Agenda(
        interviews_today=[
            i for i in interviews if i.scheduled_start and i.scheduled_start < end_of_day
        ],
        overdue=[t for t in open_tasks if t.due_at and t.due_at < now],
        due_today=[t for t in open_tasks if t.due_at and now <= t.due_at < end_of_day],
        upcoming_tasks=[t for t in open_tasks if t.due_at and t.due_at >= end_of_day],
        upcoming_interviews=[
            i for i in interviews if i.scheduled_start and i.scheduled_start >= end_of_day
        ],
    )
