"""The agenda for the terminal and the digest: a readable table, or JSON.

Sections in the order of the Today page: interviews today, overdue thank-yous, other overdue
tasks, due today, then the next 7 days (interviews, tasks).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from coffeechat.followup.models import Task
from coffeechat.followup.services import Agenda
from coffeechat.interviews.models import Interview


def _when(value: Any) -> str:
    return timezone.localtime(value).strftime("%a %d %b %H:%M") if value else ""


def _task_row(task: Task) -> tuple[str, str, str]:
    about = (
        task.interview.person.name if task.interview else (task.person.name if task.person else "")
    )
    return (_when(task.due_at), task.title, about)


def _interview_row(interview: Interview) -> tuple[str, str, str]:
    return (_when(interview.scheduled_start), interview.topic, interview.person.name)


def _table(title: str, rows: list[tuple[str, str, str]]) -> list[str]:
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    lines = [title, "-" * len(title)]
    lines += [f"{a:<{widths[0]}}  {b:<{widths[1]}}  {c}".rstrip() for a, b, c in rows]
    return [*lines, ""]


def agenda_as_text(agenda: Agenda) -> str:
    if agenda.is_empty:
        return "Nothing due. A good moment to pick the next person to learn from."
    lines: list[str] = []
    lines += _table("Interviews today", [_interview_row(i) for i in agenda.interviews_today])
    lines += _table("Overdue thank-yous", [_task_row(t) for t in agenda.overdue_thank_yous])
    others = "Other overdue tasks" if agenda.overdue_thank_yous else "Overdue"
    lines += _table(others, [_task_row(t) for t in agenda.overdue])
    lines += _table("Due today", [_task_row(t) for t in agenda.due_today])
    lines += _table("Upcoming interviews", [_interview_row(i) for i in agenda.upcoming_interviews])
    lines += _table("Next 7 days", [_task_row(t) for t in agenda.upcoming_tasks])
    return "\n".join(lines).rstrip()


def _task_dict(task: Task) -> dict[str, Any]:
    return {
        "id": task.pk,
        "title": task.title,
        "kind": task.kind,
        "due_at": task.due_at.isoformat() if task.due_at else None,
        "interview_id": task.interview_id,
        "person_id": task.person_id,
    }


def _interview_dict(interview: Interview) -> dict[str, Any]:
    start = interview.scheduled_start
    return {
        "id": interview.pk,
        "topic": interview.topic,
        "person": interview.person.name,
        "scheduled_start": timezone.localtime(start).isoformat() if start else None,
        "duration_minutes": interview.duration_minutes,
    }


def agenda_as_dict(agenda: Agenda) -> dict[str, Any]:
    return {
        "interviews_today": [_interview_dict(i) for i in agenda.interviews_today],
        "overdue_thank_yous": [_task_dict(t) for t in agenda.overdue_thank_yous],
        "overdue": [_task_dict(t) for t in agenda.overdue],  # other than thank-yous
        "due_today": [_task_dict(t) for t in agenda.due_today],
        "upcoming_interviews": [_interview_dict(i) for i in agenda.upcoming_interviews],
        "upcoming_tasks": [_task_dict(t) for t in agenda.upcoming_tasks],
    }
