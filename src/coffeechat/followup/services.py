"""Tasks, the reminders that follow a conversation, and the agenda of the Today page.

Practices: P23 thank them within 24 hours (``interview_held``, ``thank_you_sent``), P24 keep them
posted on a cadence whose clock restarts with every real interaction (``sync_keep_posted``,
``activity_recorded``), P28 tell the referrer how it went (``interview_held``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from coffeechat.accounts.services import user_zone
from coffeechat.followup.models import Task, TaskKind
from coffeechat.interviews.models import Activity, ActivityKind, Interview, Stage
from coffeechat.interviews.services import check_owner, move_to_stage, record_activity
from coffeechat.people.models import Person
from coffeechat.playbook.timing import next_keep_in_touch, thank_you_due

UPCOMING_DAYS = 7
# P28: tell the referrer how it went within a few days of the conversation.
TELL_REFERRER_WITHIN = timedelta(days=3)
# Snooze choices offered on every reminder: days -> label.
SNOOZE_DAYS: dict[int, str] = {1: "1 day", 3: "3 days", 7: "1 week"}
KEEP_POSTED_WEEKS_MIN, KEEP_POSTED_WEEKS_MAX = 1, 52


def get_task(user: User, pk: int) -> Task:
    return get_object_or_404(Task, pk=pk, owner=user)


@transaction.atomic
def save_task(task: Task) -> Task:
    check_owner(task.owner, task.person, task.interview)
    closing = task.done and (
        task.pk is None or Task.objects.filter(pk=task.pk, done=False).exists()
    )
    if task.done and task.done_at is None:
        task.done_at = timezone.now()
    if not task.done:
        task.done_at = None
    task.full_clean()
    task.save()
    if closing and task.person is not None and _kept_posted(task):
        sync_keep_posted(task.person, now=task.done_at)  # P24: the next reminder
    return task


@transaction.atomic
def set_done(task: Task, done: bool, at: datetime | None = None) -> Task:
    """Tick or untick a task. A keep-posted reminder ticked off brings the next one (P24);
    unticked, it is the open one again."""
    at = at or timezone.now()
    task.done = done
    task.done_at = at if done else None
    if not done:
        task.dismissed = False
    task.save(update_fields=["done", "done_at", "dismissed"])
    if _kept_posted(task):
        assert task.person is not None
        if not done:
            _open_keep_posted(task.person).exclude(pk=task.pk).delete()
        sync_keep_posted(task.person, now=at)
    return task


def _kept_posted(task: Task) -> bool:
    """A keep-posted reminder of a person whose cadence is on (P24)."""
    return task.kind == TaskKind.KEEP_POSTED and task.person is not None and task.person.keep_posted


@transaction.atomic
def dismiss(task: Task, at: datetime | None = None) -> Task:
    """Close a reminder without acting on it (kept apart from done for the record)."""
    task.dismissed = True
    set_done(task, True, at)
    return task


def snooze(task: Task, days: int, now: datetime | None = None) -> Task:
    """Put a reminder off by ``days`` from now; a snooze postpones, never brings forward.

    A keep-posted reminder follows ``next_keep_in_touch``: the snooze holds unless the cadence
    from the latest interaction falls even later.
    """
    if days not in SNOOZE_DAYS:
        raise ValidationError({"days": f"Snooze for {', '.join(SNOOZE_DAYS.values())}."})
    until = (now or timezone.now()) + timedelta(days=days)
    if task.due_at is not None and task.due_at > until:
        until = task.due_at
    if _kept_posted(task):
        assert task.person is not None
        task.due_at = keep_posted_due(task.person, not_before=until, now=now)
    else:
        task.due_at = until
    task.save(update_fields=["due_at"])
    return task


# --- P23 thank-you and P28 the referrer --------------------------------------------------------


def _kept(interview: Interview, kind: str) -> bool:
    """A task of this kind exists for the interview, open or done (dismissed ones don't count)."""
    return Task.objects.filter(interview=interview, kind=kind, dismissed=False).exists()


@transaction.atomic
def interview_held(interview: Interview, ended_at: datetime) -> Task | None:
    """The conversation happened: thank them within 24 hours of its end (P23), and tell the
    person who referred them how it went (P28). Never a second task while one is open or done.

    Returns the thank-you task, or None when there already was one.
    """
    person = interview.person
    thank_you = None
    if not _kept(interview, TaskKind.THANK_YOU):
        thank_you = Task.objects.create(
            owner=interview.owner,
            kind=TaskKind.THANK_YOU,
            interview=interview,
            person=person,
            due_at=thank_you_due(ended_at),
            title=f"Thank {person.name} (within 24 hours)",
            notes="Mention something specific they said and the next step you will take (P23).",
        )
    referrer = person.referred_by
    if referrer is not None and not _kept(interview, TaskKind.THANK_REFERRER):
        Task.objects.create(
            owner=interview.owner,
            kind=TaskKind.THANK_REFERRER,
            interview=interview,
            person=referrer,
            due_at=ended_at + TELL_REFERRER_WITHIN,
            title=(
                f"Tell {referrer.first_name} how the conversation with {person.first_name} went"
            ),
            notes="A referral that led somewhere deserves a thank-you to the referrer (P28).",
        )
    return thank_you


def stage_changed(interview: Interview, stage: str, at: datetime) -> None:
    """Called by ``interviews.services.move_to_stage`` after every change of stage.

    A move to thanked needs nothing here: it records ``thank_you_sent``, and that activity ticks
    off the thank-you task (``activity_recorded``).
    """
    if stage == Stage.HELD:
        interview_held(interview, at)


@transaction.atomic
def thank_you_sent(interview: Interview, *, at: datetime | None = None, text: str = "") -> Activity:
    """The thank-you went out (email or a posted card): record ``thank_you_sent`` and move a held
    interview to thanked; the recorded activity ticks off the thank-you task."""
    at = at or timezone.now()
    text = text or f"Thank-you sent to {interview.person.name}."
    activity = None
    if interview.stage == Stage.HELD:
        activity = move_to_stage(interview, Stage.THANKED, at=at, text=text)
    if activity is None:
        activity = record_activity(
            interview.owner, ActivityKind.THANK_YOU_SENT, at=at, interview=interview, text=text
        )
    return activity


# --- P24 keep them posted ----------------------------------------------------------------------


def _open_keep_posted(person: Person) -> QuerySet[Task]:
    return Task.objects.filter(
        owner_id=person.owner_id, person=person, kind=TaskKind.KEEP_POSTED, done=False
    )


def keep_posted_due(
    person: Person, *, not_before: datetime | None = None, now: datetime | None = None
) -> datetime:
    """One cadence after the latest real interaction with them (any activity of any kind).

    Ticking off or dismissing a reminder counts as keeping them posted: the next one is not due
    before a full cadence after that. With no interaction at all yet, the clock starts now.
    """
    cadence = timedelta(weeks=person.keep_posted_weeks)
    now = now or timezone.now()
    latest = Activity.objects.filter(owner_id=person.owner_id, person=person).aggregate(
        latest=Max("at")
    )["latest"]
    last_closed = Task.objects.filter(
        owner_id=person.owner_id, person=person, kind=TaskKind.KEEP_POSTED, done=True
    ).aggregate(latest=Max("done_at"))["latest"]
    floors = [moment for moment in (not_before, last_closed and last_closed + cadence) if moment]
    due = next_keep_in_touch(
        [latest or now], cadence, snoozed_until=max(floors) if floors else None
    )
    assert due is not None  # one interaction was given
    return due


def _latest_interview(person: Person) -> Interview | None:
    return Interview.objects.filter(person=person).order_by("-created_at", "-id").first()


@transaction.atomic
def sync_keep_posted(
    person: Person, *, not_before: datetime | None = None, now: datetime | None = None
) -> Task | None:
    """Exactly one open keep-posted reminder while ``person.keep_posted`` is on, due one cadence
    after the latest interaction; none while it is off (the open one is dismissed)."""
    open_tasks = _open_keep_posted(person).order_by("id")
    if not person.keep_posted:
        open_tasks.update(done=True, dismissed=True, done_at=now or timezone.now())
        return None
    due = keep_posted_due(person, not_before=not_before, now=now)
    task = open_tasks.first()
    if task is None:
        return Task.objects.create(
            owner_id=person.owner_id,
            kind=TaskKind.KEEP_POSTED,
            person=person,
            interview=_latest_interview(person),
            due_at=due,
            title=f"Keep {person.name} posted on your progress",
            notes="A short update on what you did with their advice (P24).",
        )
    open_tasks.exclude(pk=task.pk).delete()
    if task.due_at != due:
        task.due_at = due
        task.save(update_fields=["due_at"])
    return task


@transaction.atomic
def set_keep_posted(person: Person, *, on: bool, weeks: int | None = None) -> Task | None:
    """Turn the keep-posted cadence on or off for this person only, and set it in weeks."""
    weeks = person.keep_posted_weeks if weeks is None else weeks
    if not KEEP_POSTED_WEEKS_MIN <= weeks <= KEEP_POSTED_WEEKS_MAX:
        raise ValidationError(
            {
                "keep_posted_weeks": f"Choose every {KEEP_POSTED_WEEKS_MIN} to "
                f"{KEEP_POSTED_WEEKS_MAX} weeks."
            }
        )
    person.keep_posted, person.keep_posted_weeks = on, weeks
    person.save(update_fields=["keep_posted", "keep_posted_weeks", "updated_at"])
    return sync_keep_posted(person)


@transaction.atomic
def keep_posted_update_sent(person: Person, at: datetime | None = None) -> Task | None:
    """An update went out (its activity is recorded): tick off the reminder, plan the next."""
    at = at or timezone.now()
    _open_keep_posted(person).update(done=True, done_at=at)
    return sync_keep_posted(person, now=at) if person.keep_posted else None


def activity_recorded(activity: Activity) -> None:
    """Called by ``interviews.services.record_activity`` after every new activity.

    A thank-you recorded in the timeline ticks off the thank-you task; any activity with a
    kept-posted person restarts their clock (a snoozed date is kept when it is later).
    """
    if activity.kind == ActivityKind.THANK_YOU_SENT and activity.interview_id:
        Task.objects.filter(
            interview_id=activity.interview_id, kind=TaskKind.THANK_YOU, done=False
        ).update(done=True, done_at=activity.at)
    person = activity.person
    if person is None or not person.keep_posted:
        return
    current = _open_keep_posted(person).values_list("due_at", flat=True).first()
    sync_keep_posted(person, not_before=current)


# The Today page shows this many tasks per section; the rest are one "show all" link away.
# Each task renders its own forms (done, snooze, dismiss): more than ~40 on a page is slow to
# render and to read.
AGENDA_SHOWN = 10


@dataclass(frozen=True)
class Agenda:
    """The Today page, in its order: interviews today, overdue thank-yous, other overdue tasks,
    due today, then the next 7 days (interviews and tasks)."""

    interviews_today: list[Interview]
    overdue: list[Task]  # overdue tasks other than thank-yous
    due_today: list[Task]
    upcoming_tasks: list[Task]
    upcoming_interviews: list[Interview]
    overdue_thank_yous: list[Task] = field(default_factory=list)
    # Per task section, how many are not in its list (only when the agenda is capped).
    hidden: dict[str, int] = field(default_factory=dict)

    @property
    def has_something_due(self) -> bool:
        """Something to act on today: what the digest emails about."""
        return bool(
            self.interviews_today or self.overdue_thank_yous or self.overdue or self.due_today
        )

    @property
    def is_empty(self) -> bool:
        return not (
            self.interviews_today
            or self.overdue_thank_yous
            or self.overdue
            or self.due_today
            or self.upcoming_tasks
            or self.upcoming_interviews
        )


@dataclass(frozen=True)
class Day:
    """The bounds of the user's calendar day, in their own time zone."""

    now: datetime
    end_of_day: datetime
    horizon: datetime

    @property
    def start_of_day(self) -> datetime:
        return self.end_of_day - timedelta(days=1)


def day_of(user: User, now: datetime | None = None) -> Day:
    """Not the active time zone: the digest and other callers may run for many users in one
    process."""
    zone = user_zone(user)
    now = timezone.localtime(now or timezone.now(), zone)
    end_of_day = now.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    return Day(now, end_of_day, end_of_day + timedelta(days=UPCOMING_DAYS))


# Task sections of the agenda: slug in the address -> (attribute of Agenda, heading).
TASK_SECTIONS: dict[str, tuple[str, str]] = {
    "thank-yous": ("overdue_thank_yous", "Overdue thank-yous"),
    "overdue": ("overdue", "Overdue"),
    "due-today": ("due_today", "Due today"),
    "next-7-days": ("upcoming_tasks", "Next 7 days"),
}


def _section_filters(day: Day) -> dict[str, Q]:
    overdue = Q(due_at__lt=day.now)
    return {
        "overdue_thank_yous": overdue & Q(kind=TaskKind.THANK_YOU),
        "overdue": overdue & ~Q(kind=TaskKind.THANK_YOU),
        "due_today": Q(due_at__gte=day.now, due_at__lt=day.end_of_day),
        "upcoming_tasks": Q(due_at__gte=day.end_of_day, due_at__lt=day.horizon),
    }


def _open_tasks(user: User, day: Day) -> QuerySet[Task]:
    # ``done__in=[False]`` rather than ``done=False``: SQLite compares it as an equality and so
    # walks the (owner, done, due_at) index in due order, where ``NOT done`` reads every task.
    return Task.objects.filter(owner=user, done__in=[False], due_at__lt=day.horizon)


def section_tasks(user: User, slug: str, now: datetime | None = None) -> QuerySet[Task]:
    """Every open task of one agenda section (its "show all" page), oldest due first."""
    attribute = TASK_SECTIONS[slug][0]
    day = day_of(user, now)
    return (
        _open_tasks(user, day)
        .filter(_section_filters(day)[attribute])
        .select_related("person", "interview", "interview__person")
        .order_by("due_at", "id")
    )


def agenda(user: User, now: datetime | None = None, limit: int | None = AGENDA_SHOWN) -> Agenda:
    """What needs doing, judged by the calendar day of the user's own time zone.

    With ``limit``, each task section holds its first ``limit`` tasks and ``hidden`` says how
    many more there are (counted in the database), so a long
    overdue backlog never comes back as thousands of rows.
    """
    day = day_of(user, now)
    filters = _section_filters(day)
    open_tasks = _open_tasks(user, day).select_related("person", "interview", "interview__person")
    sections: dict[str, list[Task]] = {}
    for name, condition in filters.items():
        rows = open_tasks.filter(condition).order_by("due_at", "id")
        sections[name] = list(rows if limit is None else rows[:limit])
    hidden = dict.fromkeys(filters, 0)
    if limit is not None:
        totals = _open_tasks(user, day).aggregate(
            **{name: Count("id", filter=condition) for name, condition in filters.items()}
        )
        hidden = {name: totals[name] - len(sections[name]) for name in filters}
    interviews = list(
        Interview.objects.filter(
            owner=user,
            stage=Stage.SCHEDULED,
            scheduled_start__gte=day.start_of_day,
            scheduled_start__lt=day.horizon,
        )
        .select_related("person", "person__organization")
        .order_by("scheduled_start")
    )
    return Agenda(
        interviews_today=[
            i for i in interviews if i.scheduled_start and i.scheduled_start < day.end_of_day
        ],
        overdue_thank_yous=sections["overdue_thank_yous"],
        overdue=sections["overdue"],
        due_today=sections["due_today"],
        upcoming_tasks=sections["upcoming_tasks"],
        upcoming_interviews=[
            i for i in interviews if i.scheduled_start and i.scheduled_start >= day.end_of_day
        ],
        hidden=hidden,
    )
