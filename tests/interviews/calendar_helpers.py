"""Helpers for the calendar tests: interviews to schedule, and calendar files read back with
icalendar to check field by field."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from icalendar import Calendar, Component, Event

from coffeechat.interviews.models import Activity, Interview, Mode, Stage
from coffeechat.interviews.scheduling import schedule_interview
from coffeechat.playbook.timing import ScheduleIssue
from tests.factories import InterviewFactory, PersonFactory


def parse(body: bytes) -> Calendar:
    calendar = Calendar.from_ical(body)
    assert isinstance(calendar, Calendar)
    return calendar


def only_event(calendar: Calendar) -> Event:
    events = calendar.events
    assert len(events) == 1, f"expected one VEVENT, got {len(events)}"
    return events[0]


def events_by_uid(calendar: Calendar) -> dict[str, Event]:
    return {str(event["UID"]): event for event in calendar.events}


def start_of(event: Component) -> datetime:
    value = event.decoded("DTSTART")
    assert isinstance(value, datetime)
    return value


def end_of(event: Component) -> datetime:
    value = event.decoded("DTEND")
    assert isinstance(value, datetime)
    return value


def elapsed(event: Component) -> timedelta:
    """DTEND − DTSTART as real time (Python subtracts same-zone datetimes on the wall clock)."""
    return end_of(event).astimezone(UTC) - start_of(event).astimezone(UTC)


def time_zone_ids(calendar: Calendar) -> set[str]:
    return {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}


def alarms(event: Component) -> list[Component]:
    return [component for component in event.subcomponents if component.name == "VALARM"]


# --- scheduling ---------------------------------------------------------------------------------

TORONTO = ZoneInfo("America/Toronto")
NOW = datetime(2027, 2, 1, 15, 0, tzinfo=UTC)
START = datetime(2027, 3, 2, 10, 0, tzinfo=TORONTO)  # four weeks after NOW


def interview_of(owner: User, **fields: Any) -> Interview:
    person = PersonFactory(owner=owner, name="Dana Reyes", time_zone="America/Toronto")
    values: dict[str, Any] = {"stage": Stage.REQUESTED, "topic": "Product research"}
    values.update(fields)
    return InterviewFactory(owner=owner, person=person, **values)


def schedule(interview: Interview, **overrides: Any) -> list[ScheduleIssue]:
    arguments: dict[str, Any] = {
        "start": START,
        "time_zone": "America/Toronto",
        "duration_minutes": 20,
        "mode": Mode.VIDEO,
        "location": "",
        "video_url": "https://meet.example/abc",
        "longer_agreed": False,
        "now": NOW,
    }
    arguments.update(overrides)
    return schedule_interview(interview, **arguments)


def kinds(interview: Interview) -> list[str]:
    return list(Activity.objects.filter(interview=interview).values_list("kind", flat=True))
