"""The dashboard's numbers (issue #7): the pipeline funnel, weekly activity, replies (3B7),
thank-yous within 24 hours (P23) and who is due a keep-in-touch (P24).

Every function reads one user's rows only and aggregates in the database, so the page costs the
same few queries however many interviews and activities there are. Weeks start on Monday in the
user's own time zone (``Profile.time_zone``), on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import User
from django.db.models import Count
from django.db.models.functions import TruncWeek
from django.utils import timezone

from coffeechat.accounts.services import user_zone
from coffeechat.followup.models import Task, TaskKind
from coffeechat.interviews.models import EXITS, PIPELINE, Activity, ActivityKind, Interview, Stage
from coffeechat.outreach.services import response_stats
from coffeechat.playbook.stats import ReplyStats, share_within

WEEKS = 12
THANK_YOU_WINDOW = timedelta(hours=24)  # P23
KEEP_IN_TOUCH_DAYS = 7
KEEP_IN_TOUCH_LISTED = 8  # a short list on the dashboard; the Today page has them all

# An exit counts as having reached the pipeline stage it leaves from.
EXIT_FROM: Mapping[str, str] = {
    Stage.DECLINED.value: Stage.REQUESTED.value,
    Stage.NO_RESPONSE.value: Stage.REQUESTED.value,
    Stage.CANCELLED.value: Stage.SCHEDULED.value,
}


@dataclass(frozen=True)
class DashboardQuery:
    """Whose dashboard, in which time zone, as of when."""

    owner_id: int
    zone: zoneinfo.ZoneInfo
    now: datetime

    @classmethod
    def of(cls, user: User, now: datetime | None = None) -> DashboardQuery:
        return cls(owner_id=user.pk, zone=user_zone(user), now=now or timezone.now())

    def local_midnight(self, day: date) -> datetime:
        return datetime.combine(day, time.min, tzinfo=self.zone)

    @property
    def today(self) -> date:
        return timezone.localtime(self.now, self.zone).date()


# --- 1. the pipeline funnel -----------------------------------------------------------------


@dataclass(frozen=True)
class StageCount:
    stage: str
    label: str
    count: int


@dataclass(frozen=True)
class Funnel:
    reached: tuple[StageCount, ...]  # one per PIPELINE stage, in order
    exits: tuple[StageCount, ...]  # how many sit in each exit now, in EXITS order

    @property
    def total(self) -> int:
        """Every interview reached the first stage."""
        return self.reached[0].count if self.reached else 0


def reached_counts(by_stage: Mapping[str, int]) -> list[int]:
    """How many reached each PIPELINE stage, from how many sit in each stage now.

    An interview at stage S reached S and every earlier stage; an exit reached the stage it
    leaves from (declined and no response: requested; cancelled: scheduled).
    """
    order = [stage.value for stage in PIPELINE]
    furthest = [0] * len(order)
    for stage, count in by_stage.items():
        last = EXIT_FROM.get(stage, stage)
        if last in order:
            furthest[order.index(last)] += count
    reached, running = [], 0
    for count in reversed(furthest):
        running += count
        reached.append(running)
    return reached[::-1]


def pipeline_funnel(owner_id: int) -> Funnel:
    rows = (
        Interview.objects.filter(owner_id=owner_id)
        .values("stage")
        .annotate(count=Count("id"))
        .order_by()
    )
    by_stage = {row["stage"]: row["count"] for row in rows}
    reached = reached_counts(by_stage)
    return Funnel(
        reached=tuple(
            StageCount(stage.value, str(stage.label), count)
            for stage, count in zip(PIPELINE, reached, strict=True)
        ),
        exits=tuple(
            StageCount(stage.value, str(stage.label), by_stage.get(stage.value, 0))
            for stage in EXITS
        ),
    )


# --- 2. weekly activity ---------------------------------------------------------------------

# (field of WeekCounts, activity kind, label), in the order they are drawn.
SERIES: tuple[tuple[str, str, str], ...] = (
    ("requests", ActivityKind.REQUEST_SENT.value, "Requests"),
    ("replies", ActivityKind.REPLY_RECEIVED.value, "Replies"),
    ("conversations", ActivityKind.HELD.value, "Conversations"),
    ("thank_yous", ActivityKind.THANK_YOU_SENT.value, "Thank-yous"),
)


@dataclass(frozen=True)
class WeekCounts:
    start: date  # a Monday, in the user's time zone
    requests: int = 0
    replies: int = 0
    conversations: int = 0
    thank_yous: int = 0

    def count(self, field: str) -> int:
        value: int = getattr(self, field)
        return value

    @property
    def total(self) -> int:
        return self.requests + self.replies + self.conversations + self.thank_yous


@dataclass(frozen=True)
class WeeklyActivity:
    weeks: tuple[WeekCounts, ...]  # oldest first; the last one is the current week

    @property
    def total(self) -> int:
        return sum(week.total for week in self.weeks)

    def series(self, field: str) -> list[int]:
        return [week.count(field) for week in self.weeks]


def week_starts(query: DashboardQuery, weeks: int = WEEKS) -> list[date]:
    """The Mondays of the last ``weeks`` weeks, the current week last."""
    today = query.today
    this_monday = today - timedelta(days=today.weekday())
    return [this_monday - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]


def weekly_activity(query: DashboardQuery, weeks: int = WEEKS) -> WeeklyActivity:
    starts = week_starts(query, weeks)
    kinds = {kind: field for field, kind, _ in SERIES}
    # Truncated in the database, in the user's zone: SQLite and PostgreSQL both start weeks on
    # Monday, and the bounds are local midnights, so a Sunday 23:30 stays in its own week.
    rows = (
        Activity.objects.filter(
            owner_id=query.owner_id,
            kind__in=list(kinds),
            at__gte=query.local_midnight(starts[0]),
            at__lt=query.local_midnight(starts[-1] + timedelta(weeks=1)),
        )
        .annotate(week=TruncWeek("at", tzinfo=query.zone))
        .values("week", "kind")
        .annotate(count=Count("id"))
        .order_by()
    )
    counts: dict[date, dict[str, int]] = {start: {} for start in starts}
    for row in rows:
        week = timezone.localtime(row["week"], query.zone).date()
        if week in counts:
            counts[week][kinds[row["kind"]]] = row["count"]
    return WeeklyActivity(tuple(WeekCounts(start, **counts[start]) for start in starts))


# --- 3. replies -----------------------------------------------------------------------------


def replies(owner_id: int) -> ReplyStats:
    """Reply rate and median days to the first reply (the outreach app's own measure)."""
    return response_stats(owner_id)


# --- 4. thank-yous within 24 hours (P23) ----------------------------------------------------


@dataclass(frozen=True)
class ThankYouTimeliness:
    held: int  # conversations held: interviews with a held activity
    within: int  # of which thanked within 24 hours after it

    @property
    def share(self) -> float | None:
        return self.within / self.held if self.held else None


def thank_you_timeliness(owner_id: int) -> ThankYouTimeliness:
    """Of the conversations held, how many were thanked within 24 hours (inclusive).

    A conversation counts once however many times it was marked held; it was thanked in time
    when a thank-you on the same interview followed one of its held marks within 24 hours.
    """
    rows = (
        Activity.objects.filter(
            owner_id=owner_id,
            interview__isnull=False,
            kind__in=[ActivityKind.HELD, ActivityKind.THANK_YOU_SENT],
        )
        .values_list("interview_id", "kind", "at")
        .order_by("at", "id")
    )
    held: dict[int, list[datetime]] = {}
    thanks: dict[int, list[datetime]] = {}
    for interview_id, kind, at in rows:
        (held if kind == ActivityKind.HELD else thanks).setdefault(interview_id, []).append(at)
    pairs: list[tuple[datetime, datetime | None]] = []
    for interview_id, marks in held.items():
        sent = thanks.get(interview_id, [])
        candidates = [(mark, next((t for t in sent if t >= mark), None)) for mark in marks]
        answered = [pair for pair in candidates if pair[1] is not None]
        pairs.append(min(answered, key=_delay) if answered else candidates[0])
    # The playbook's rule (an inclusive window) gives a share; back to a count for "7 of 9".
    share = share_within(pairs, THANK_YOU_WINDOW)
    within = round(share * len(pairs)) if share is not None else 0
    return ThankYouTimeliness(held=len(pairs), within=within)


def _delay(pair: tuple[datetime, datetime | None]) -> timedelta:
    start, end = pair
    assert end is not None
    return end - start


# --- 5. keep in touch (P24) -----------------------------------------------------------------


@dataclass(frozen=True)
class KeepInTouch:
    count: int
    due: tuple[Task, ...]  # the soonest few, with their person
    until: datetime  # the end of the 7th day after today, in the user's zone

    @property
    def last_day(self) -> date:
        return self.until.date() - timedelta(days=1)

    @property
    def more(self) -> int:
        """How many are due but not listed."""
        return self.count - len(self.due)


def keep_in_touch_due(query: DashboardQuery) -> KeepInTouch:
    """Open keep-posted reminders due by the end of the next 7 days (overdue ones included)."""
    until = query.local_midnight(query.today + timedelta(days=KEEP_IN_TOUCH_DAYS + 1))
    tasks = Task.objects.filter(
        owner_id=query.owner_id, kind=TaskKind.KEEP_POSTED, done=False, due_at__lt=until
    )
    due = tasks.select_related("person", "interview").order_by("due_at", "id")
    return KeepInTouch(count=tasks.count(), due=tuple(due[:KEEP_IN_TOUCH_LISTED]), until=until)


# --- all of it ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dashboard:
    query: DashboardQuery
    funnel: Funnel
    weekly: WeeklyActivity
    replies: ReplyStats
    thank_yous: ThankYouTimeliness
    keep_in_touch: KeepInTouch

    @property
    def is_empty(self) -> bool:
        """Nothing to draw yet: a new account."""
        return not (
            self.funnel.total
            or self.weekly.total
            or self.replies.requests
            or self.thank_yous.held
            or self.keep_in_touch.count
        )


def dashboard_for(query: DashboardQuery) -> Dashboard:
    return Dashboard(
        query=query,
        funnel=pipeline_funnel(query.owner_id),
        weekly=weekly_activity(query),
        replies=replies(query.owner_id),
        thank_yous=thank_you_timeliness(query.owner_id),
        keep_in_touch=keep_in_touch_due(query),
    )
