"""When things are due: business days, the 3B7 routine, thank-yous, keeping in touch, scheduling.

Practices implemented here (see PLAYBOOK.md):

- the 3B7 routine for unanswered requests (``three_b_seven``, ``no_response_due``);
- P11 ask well ahead and P14 stick to what they consented to (``check_schedule``);
- P23 thank them within 24 hours (``thank_you_due``);
- P24 keep them posted, with a cadence whose clock restarts with every real interaction
  (``keep_in_touch_due``, ``next_keep_in_touch``).

All datetimes must be timezone-aware; a naive one raises ``ValueError`` naming the argument.
Business days skip Saturday, Sunday and any date in ``holidays``. Business-day arithmetic runs on
the calendar date in the given time zone and keeps the local time of day, so a request sent at
10:00 in Toronto is due at 10:00 Toronto time even when daylight-saving time changed in between.
Fixed durations (24 hours, a cadence) are exact elapsed time instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

__all__ = [
    "CONTACT_ANOTHER_AFTER_BUSINESS_DAYS",
    "DEFAULT_KEEP_POSTED_CADENCE",
    "MAX_DURATION_MINUTES",
    "MAX_SLOTS",
    "MIN_DURATION_MINUTES",
    "MIN_LEAD_TIME",
    "NO_RESPONSE_AFTER_BUSINESS_DAYS",
    "NUDGE_AFTER_BUSINESS_DAYS",
    "THANK_YOU_WITHIN",
    "USUAL_MAX_MINUTES",
    "FollowUpPlan",
    "ScheduleIssue",
    "add_business_days",
    "business_days_between",
    "check_schedule",
    "is_business_day",
    "keep_in_touch_due",
    "next_keep_in_touch",
    "no_response_due",
    "parse_duration_minutes",
    "thank_you_due",
    "three_b_seven",
]

NO_HOLIDAYS: frozenset[date] = frozenset()

# The 3B7 routine (business days after the request).
CONTACT_ANOTHER_AFTER_BUSINESS_DAYS = 3
NUDGE_AFTER_BUSINESS_DAYS = 7
# After the one nudge, this many business days of silence suggests marking no_response.
NO_RESPONSE_AFTER_BUSINESS_DAYS = 7

THANK_YOU_WITHIN = timedelta(hours=24)  # P23
DEFAULT_KEEP_POSTED_CADENCE = timedelta(weeks=6)  # P24

MAX_SLOTS = 3
MIN_DURATION_MINUTES = 5
MAX_DURATION_MINUTES = 180
USUAL_MAX_MINUTES = 30  # P14: 15-20 minutes by default, 20-30 sometimes
MIN_LEAD_TIME = timedelta(days=14)  # P11: ask well ahead


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got naive {value.isoformat()}")


def _utc(moment: datetime) -> datetime:
    """The same instant in UTC. Aware datetimes sharing one tzinfo compare and subtract by wall
    clock in Python (an hour off across a clock change); in UTC they don't."""
    return moment.astimezone(UTC)


def _require_date(value: date, name: str) -> None:
    if isinstance(value, datetime):
        raise TypeError(f"{name} must be a date, not a datetime ({value.isoformat()})")


def is_business_day(day: date, holidays: frozenset[date] = NO_HOLIDAYS) -> bool:
    """True when ``day`` is Monday to Friday and not a holiday."""
    return day.weekday() < 5 and day not in holidays


def _roll_forward(day: date, holidays: frozenset[date]) -> date:
    while not is_business_day(day, holidays):
        day += timedelta(days=1)
    return day


def add_business_days(start: date, days: int, holidays: frozenset[date] = NO_HOLIDAYS) -> date:
    """The business day ``days`` business days after ``start``.

    A start on a weekend or holiday counts from the next business day, so the result is always a
    business day (``days=0`` on a Saturday gives the Monday).
    """
    _require_date(start, "start")
    if days < 0:
        raise ValueError(f"days must be 0 or more, got {days}")
    day = _roll_forward(start, holidays)
    for _ in range(days):
        day = _roll_forward(day + timedelta(days=1), holidays)
    return day


def business_days_between(start: date, end: date, holidays: frozenset[date] = NO_HOLIDAYS) -> int:
    """The number of business days from ``start`` (included) to ``end`` (excluded).

    Negative when ``end`` is before ``start``. It inverts ``add_business_days``:
    ``business_days_between(d, add_business_days(d, n)) == n``.
    """
    _require_date(start, "start")
    _require_date(end, "end")
    if end < start:
        return -business_days_between(end, start, holidays)
    total_days = (end - start).days
    full_weeks, rest = divmod(total_days, 7)
    count = full_weeks * 5
    for offset in range(rest):
        if (start + timedelta(days=full_weeks * 7 + offset)).weekday() < 5:
            count += 1
    count -= sum(1 for h in holidays if start <= h < end and h.weekday() < 5)
    return count


def _local_wall_time(local: datetime, day: date, tz: ZoneInfo) -> datetime:
    """``local``'s time of day on ``day`` in ``tz``; a time skipped by a clock change moves on."""
    naive = datetime.combine(day, local.time())
    # Round-tripping through UTC turns a non-existent wall time (inside a spring-forward gap) into
    # the real instant just after it; ambiguous times (fall back) take the first occurrence.
    return naive.replace(tzinfo=tz).astimezone(UTC).astimezone(tz)


def _after_business_days(
    moment: datetime, name: str, days: int, tz: ZoneInfo, holidays: frozenset[date]
) -> datetime:
    _require_aware(moment, name)
    local = moment.astimezone(tz)
    return _local_wall_time(local, add_business_days(local.date(), days, holidays), tz)


def call_again_at(
    called_at: datetime, tz: ZoneInfo, holidays: frozenset[date] = NO_HOLIDAYS
) -> datetime:
    """P10: no voicemail on a cold call; try again the next business day at another time of day
    (the afternoon after a morning call, the morning after an afternoon one)."""
    _require_aware(called_at, "called_at")
    local = called_at.astimezone(tz)
    hour = 15 if local.hour < 12 else 10
    day = add_business_days(local.date(), 1, holidays)
    return _local_wall_time(local.replace(hour=hour, minute=0, second=0, microsecond=0), day, tz)


@dataclass(frozen=True)
class FollowUpPlan:
    """The 3B7 routine's due dates for one unanswered request."""

    contact_another_due: datetime  # write to a second contact at the same organization
    nudge_due: datetime  # one polite nudge to the first contact


def three_b_seven(
    sent_at: datetime, tz: ZoneInfo, holidays: frozenset[date] = NO_HOLIDAYS
) -> FollowUpPlan:
    """The 3B7 routine: after 3 business days with no reply, write to a second contact at the same
    organization; after 7 business days, one polite nudge to the first. Results are in ``tz``."""
    return FollowUpPlan(
        contact_another_due=_after_business_days(
            sent_at, "sent_at", CONTACT_ANOTHER_AFTER_BUSINESS_DAYS, tz, holidays
        ),
        nudge_due=_after_business_days(sent_at, "sent_at", NUDGE_AFTER_BUSINESS_DAYS, tz, holidays),
    )


def no_response_due(
    nudge_sent_at: datetime, tz: ZoneInfo, holidays: frozenset[date] = NO_HOLIDAYS
) -> datetime:
    """When to suggest marking the request no_response: 7 business days after the nudge."""
    return _after_business_days(
        nudge_sent_at, "nudge_sent_at", NO_RESPONSE_AFTER_BUSINESS_DAYS, tz, holidays
    )


def _add_elapsed(moment: datetime, delta: timedelta) -> datetime:
    """``moment + delta`` as real elapsed time, in ``moment``'s own time zone.

    (Python adds a timedelta to an aware datetime on the wall clock, which is an hour off across a
    daylight-saving change; going through UTC avoids that.)
    """
    return (_utc(moment) + delta).astimezone(moment.tzinfo)


def thank_you_due(ended_at: datetime) -> datetime:
    """P23: thank them within 24 hours of the end of the conversation."""
    _require_aware(ended_at, "ended_at")
    return _add_elapsed(ended_at, THANK_YOU_WITHIN)


def _require_cadence(cadence: timedelta) -> None:
    if cadence <= timedelta(0):
        raise ValueError(f"cadence must be positive, got {cadence}")


def keep_in_touch_due(last_interaction: datetime, cadence: timedelta) -> datetime:
    """P24: when to send the next update, one cadence after the last real interaction."""
    _require_aware(last_interaction, "last_interaction")
    _require_cadence(cadence)
    return _add_elapsed(last_interaction, cadence)


def next_keep_in_touch(
    interactions: Iterable[datetime],
    cadence: timedelta,
    *,
    snoozed_until: datetime | None = None,
) -> datetime | None:
    """P24: the next keep-in-touch date, or None when there has been no interaction yet.

    The clock restarts with every real interaction (the latest one counts), never from the last
    reminder. A snooze postpones the date to ``snoozed_until`` but never brings it forward.
    """
    _require_cadence(cadence)
    if snoozed_until is not None:
        _require_aware(snoozed_until, "snoozed_until")
    latest: datetime | None = None
    for index, moment in enumerate(interactions):
        _require_aware(moment, f"interactions[{index}]")
        if latest is None or _utc(moment) > _utc(latest):
            latest = moment
    if latest is None:
        return None
    due = _add_elapsed(latest, cadence)
    if snoozed_until is not None and _utc(snoozed_until) > _utc(due):
        return snoozed_until
    return due


@dataclass(frozen=True)
class ScheduleIssue:
    level: Literal["error", "warning"]
    field: str
    message: str


def _show(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M %Z").strip()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def check_schedule(
    slots: Sequence[datetime],
    *,
    now: datetime,
    duration_minutes: int,
    request_sent_at: datetime | None,
    longer_agreed: bool = False,
) -> list[ScheduleIssue]:
    """Check proposed time slots and a duration (P11, P14).

    Errors block the proposal: no slot, more than 3 slots, a slot in the past, a duration outside
    5-180 minutes. Warnings don't: more than 30 minutes unless they agreed to longer (P14), and a
    first slot less than 14 days after the request was sent (P11: ask well ahead).
    """
    _require_aware(now, "now")
    for index, slot in enumerate(slots):
        _require_aware(slot, f"slots[{index}]")
    if request_sent_at is not None:
        _require_aware(request_sent_at, "request_sent_at")

    issues: list[ScheduleIssue] = []
    if not slots:
        issues.append(ScheduleIssue("error", "slots", "Slots: offer at least one time slot."))
    elif len(slots) > MAX_SLOTS:
        issues.append(
            ScheduleIssue(
                "error",
                "slots",
                f"Slots: {len(slots)} time slots were offered; offer at most {MAX_SLOTS}.",
            )
        )
    for index, slot in enumerate(slots):
        if _utc(slot) < _utc(now):
            issues.append(
                ScheduleIssue(
                    "error",
                    f"slots[{index}]",
                    f"Slot {index + 1} ({_show(slot)}) is in the past; choose a time after "
                    f"{_show(now.astimezone(slot.tzinfo))}.",
                )
            )

    if duration_minutes < MIN_DURATION_MINUTES:
        issues.append(
            ScheduleIssue(
                "error",
                "duration_minutes",
                f"Duration: {_plural(duration_minutes, 'minute')} is too short; the minimum is "
                f"{MIN_DURATION_MINUTES} minutes.",
            )
        )
    elif duration_minutes > MAX_DURATION_MINUTES:
        issues.append(
            ScheduleIssue(
                "error",
                "duration_minutes",
                f"Duration: {duration_minutes} minutes is too long; the maximum is "
                f"{MAX_DURATION_MINUTES} minutes.",
            )
        )
    elif duration_minutes > USUAL_MAX_MINUTES and not longer_agreed:
        issues.append(
            ScheduleIssue(
                "warning",
                "duration_minutes",
                f"Duration: {duration_minutes} minutes is more than the usual "
                f"{USUAL_MAX_MINUTES}; ask for that much only if they agreed to a longer "
                "conversation (P14).",
            )
        )

    if slots and request_sent_at is not None:
        first = min(slots, key=_utc)
        lead = _utc(first) - _utc(request_sent_at)
        if lead < MIN_LEAD_TIME:
            issues.append(
                ScheduleIssue(
                    "warning",
                    "slots",
                    f"Slots: the first slot ({_show(first)}) is only "
                    f"{_plural(lead.days, 'day') if lead.days >= 1 else 'less than a day'} "
                    "after the request was sent "
                    f"({_show(request_sent_at.astimezone(first.tzinfo))}); asking at least "
                    f"{MIN_LEAD_TIME.days} days ahead gives them room (P11).",
                )
            )
    return issues


_MINUTE_WORDS = r"(?:m|min|mins|minute|minutes)"
_HOUR_WORDS = r"(?:h|hr|hrs|hour|hours)"
_MINUTES_ONLY = re.compile(rf"([0-9]+)\s*{_MINUTE_WORDS}?")
_HOURS_AND_MINUTES = re.compile(rf"([0-9]+)\s*{_HOUR_WORDS}(?:\s*([0-9]+)\s*{_MINUTE_WORDS}?)?")
_CLOCK = re.compile(r"([0-9]+):([0-9]{2})")


def parse_duration_minutes(text: str) -> int:
    """Read a duration typed by a person, in whole minutes.

    Accepts "20", "20m", "20 min", "90 minutes", "1h", "1h30", "1 h 30 min", "1:30".
    Raises ``ValueError`` with a clear message for anything else, including 0 and negatives.
    """
    cleaned = text.strip().lower()
    minutes: int
    if match := _MINUTES_ONLY.fullmatch(cleaned):
        minutes = int(match.group(1))
    elif match := _HOURS_AND_MINUTES.fullmatch(cleaned):
        extra = int(match.group(2)) if match.group(2) is not None else 0
        if extra >= 60:
            raise ValueError(
                f"Duration {text.strip()!r}: the minutes after the hours must be below 60."
            )
        minutes = int(match.group(1)) * 60 + extra
    elif match := _CLOCK.fullmatch(cleaned):
        extra = int(match.group(2))
        if extra >= 60:
            raise ValueError(f"Duration {text.strip()!r}: the minutes after ':' must be below 60.")
        minutes = int(match.group(1)) * 60 + extra
    elif cleaned.startswith("-"):
        raise ValueError(
            f"Duration {text.strip()!r} is negative; give a positive number of minutes."
        )
    else:
        raise ValueError(
            f"Could not read {text.strip()!r} as a duration; write minutes like '20' or '20 min', "
            "or hours like '1h30' or '1:30'."
        )
    if minutes <= 0:
        raise ValueError(f"Duration {text.strip()!r} is zero; give a positive number of minutes.")
    return minutes
