"""Reading calendar files back in tests: parse with icalendar, then check field by field."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Component, Event


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
