"""Scheduling an interview: the confirmed time, rescheduling and cancelling (P11–P14).

The rules (lead time, duration, slots in the past) are ``playbook.timing.check_schedule``; this
module applies them to an interview, saves it and records what happened in the timeline.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from coffeechat.core.timezones import validate_time_zone
from coffeechat.interviews.calendar import zone_of
from coffeechat.interviews.models import Activity, ActivityKind, Interview, Mode, Stage
from coffeechat.interviews.services import move_to_stage, record_activity, save_interview
from coffeechat.playbook.timing import ScheduleIssue, check_schedule

# Once the conversation happened, there is nothing left to schedule or cancel.
_DONE = (Stage.HELD, Stage.THANKED, Stage.CLOSED)
# The fields schedule_interview sets, restored when validation fails.
_FIELDS = ("scheduled_start", "time_zone", "duration_minutes", "mode", "location", "video_url")


def request_sent_at(interview: Interview) -> datetime | None:
    """When the request was sent: the latest ``request_sent`` activity of the interview."""
    latest: datetime | None = Activity.objects.filter(
        interview=interview, kind=ActivityKind.REQUEST_SENT
    ).aggregate(latest=Max("at"))["latest"]
    return latest


def local_datetime(wall: datetime, time_zone: str) -> datetime:
    """A wall-clock time typed in a time zone, made aware.

    Raises ``ValueError`` for a time the clocks skip (spring forward); a time that happens twice
    (fall back) is the first one.
    """
    if wall.tzinfo is not None:
        raise ValueError("Expected a wall-clock time without a time zone.")
    zone = zone_of(time_zone)
    aware = wall.replace(tzinfo=zone)
    try:
        round_trip = aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    except OverflowError:
        raise ValueError(f"{wall:%Y-%m-%d %H:%M} is too far from today.") from None
    if round_trip != wall:
        raise ValueError(
            f"{wall:%Y-%m-%d %H:%M} does not exist in {time_zone}: the clocks move forward "
            "then. Choose another time."
        )
    return aware


def describe_time(start: datetime, time_zone: str) -> str:
    local = start.astimezone(zone_of(time_zone))
    return f"{local:%a %d %b %Y, %H:%M} ({time_zone or 'UTC'})"


def _errors(time_zone: str, mode: str, issues: list[ScheduleIssue]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if time_zone:
        try:
            validate_time_zone(time_zone)
        except ValidationError as error:
            errors["time_zone"] = error.messages
    if mode not in Mode.values:
        errors["mode"] = [f"{mode!r} is not a mode; use one of {', '.join(Mode.values)}."]
    for issue in issues:
        if issue.level == "error":
            field = "start" if issue.field.startswith("slots") else issue.field
            errors.setdefault(field, []).append(issue.message)
    return errors


@transaction.atomic
def schedule_interview(
    interview: Interview,
    *,
    start: datetime,
    time_zone: str,
    duration_minutes: int,
    mode: str,
    location: str = "",
    video_url: str = "",
    longer_agreed: bool = False,
    now: datetime | None = None,
) -> list[ScheduleIssue]:
    """Confirm a time: validate it (P11, P14), save it, move the interview to ``scheduled``.

    Raises ``ValidationError`` naming the field (``start``, ``time_zone``, ``duration_minutes``,
    ``mode``, ``location``, ``video_url``, ``stage``) and saves nothing when the input is wrong.
    Returns the warnings, which don't block: a first slot less than 14 days after the request, a
    duration above 30 minutes they didn't agree to, a video call without a link.

    A new start for an interview that had one is a reschedule: the invite's SEQUENCE goes up
    (``save_interview``) and the timeline says ``rescheduled`` rather than ``scheduled``.
    """
    now = now or timezone.now()
    if interview.stage in _DONE:
        raise ValidationError(
            {"stage": f"This conversation is already {interview.get_stage_display().lower()}."}
        )
    time_zone = time_zone.strip()
    if start.tzinfo is None or start.utcoffset() is None:
        raise ValidationError({"start": "The start needs a time zone."})
    issues = check_schedule(
        [start],
        now=now,
        duration_minutes=duration_minutes,
        request_sent_at=request_sent_at(interview),
        longer_agreed=longer_agreed,
    )
    errors = _errors(time_zone, mode, issues)
    if errors:
        raise ValidationError(errors)

    previous_start = interview.scheduled_start
    saved = {name: getattr(interview, name) for name in _FIELDS}
    interview.scheduled_start = start
    interview.time_zone = time_zone
    interview.duration_minutes = duration_minutes
    interview.mode = mode
    interview.location = location.strip()
    interview.video_url = video_url.strip()
    try:
        save_interview(interview)
    except ValidationError:
        for name, value in saved.items():
            setattr(interview, name, value)
        raise

    rescheduled = previous_start is not None and previous_start != start
    when = describe_time(start, time_zone)
    if rescheduled:
        assert previous_start is not None
        text = f"Moved from {describe_time(previous_start, time_zone)} to {when}."
    else:
        text = f"{when}, {duration_minutes} minutes, {interview.get_mode_display().lower()}."
    kind = ActivityKind.RESCHEDULED if rescheduled else ActivityKind.SCHEDULED
    if interview.stage != Stage.SCHEDULED:
        move_to_stage(interview, Stage.SCHEDULED, at=now, text=text, kind=kind)
    elif rescheduled or previous_start is None:
        record_activity(interview.owner, kind, at=now, interview=interview, text=text)

    warnings = [issue for issue in issues if issue.level == "warning"]
    if interview.mode == Mode.VIDEO and not interview.video_url:
        warnings.append(
            ScheduleIssue(
                "warning",
                "video_url",
                "Video link: add it so they can join with one click; you send the link (P12).",
            )
        )
    return warnings


@transaction.atomic
def cancel_interview(
    interview: Interview, *, at: datetime | None = None, text: str = ""
) -> Activity | None:
    """Cancel: the stage becomes ``cancelled`` and the invite a cancellation (SEQUENCE + 1, see
    ``move_to_stage``), so downloading it again removes the event from their calendar.
    No-op when already cancelled."""
    if interview.stage in _DONE:
        raise ValidationError(
            {"stage": f"This conversation is already {interview.get_stage_display().lower()}."}
        )
    note = text or "Cancelled. Send them the cancellation (the invite file) and a short note."
    return move_to_stage(interview, Stage.CANCELLED, at=at, text=note)
