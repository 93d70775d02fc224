"""Calendar files (RFC 5545): the invite for one interview and a user's subscribable feed.

P12 says you send the calendar invite: ``invite_ics`` is that file, with the agreed duration
(P14), the place or the video link, and a reminder 30 minutes before. Its UID never changes for
an interview and its SEQUENCE is ``Interview.ics_sequence``, so a new time or a cancellation sent
later replaces the earlier invite in the other person's calendar instead of adding a second event.

Times keep the interview's own time zone (DTSTART;TZID=… with the VTIMEZONE included), so the
wall-clock time that was agreed is the one every calendar shows, across daylight-saving changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from icalendar import Alarm, Calendar, Event, vCalAddress

from coffeechat.accounts.services import profile_of
from coffeechat.followup.models import Task
from coffeechat.interviews.models import Interview, Mode, Stage

Method = Literal["REQUEST", "CANCEL"]

PRODID = "-//coffeechat//Informational interviews//EN"
UID_DOMAIN = "coffeechat"
INTERVIEW_REMINDER = timedelta(minutes=30)
TASK_MINUTES = 15  # a task with a due time shows as a short event
TASK_REMINDER = timedelta(minutes=15)
ALL_DAY_REMINDER = timedelta(hours=9)  # from midnight: 09:00 on the day
FEED_RECENT = timedelta(days=90)  # held and thanked conversations stay in the feed this long
FEED_REFRESH = timedelta(hours=1)


def _uid_part(owner: User) -> str:
    """A stable part per user and install (ids alone repeat from one install to the next)."""
    seed = f"{owner.pk}:{owner.date_joined.isoformat()}"
    return hashlib.sha256(seed.encode()).hexdigest()[:12]


def interview_uid(interview: Interview, *, owner: User | None = None) -> str:
    """The invite's UID: the same for every download of this interview, forever."""
    return f"interview-{interview.pk}-{_uid_part(owner or interview.owner)}@{UID_DOMAIN}"


def task_uid(task: Task, *, owner: User) -> str:
    return f"task-{task.pk}-{_uid_part(owner)}@{UID_DOMAIN}"


def zone_of(name: str) -> tzinfo:
    """The named zone, or UTC for a blank or unknown name."""
    if not name:
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long (fuzzing)
        return UTC


def interview_window(interview: Interview) -> tuple[datetime, datetime]:
    """Start and end in the interview's time zone; the end is the agreed duration later in
    elapsed time (adding on the wall clock would be an hour off across a clock change)."""
    start = interview.scheduled_start
    if start is None:
        raise ValueError(f"Interview {interview.pk} has no scheduled start.")
    zone = zone_of(interview.time_zone)
    end = start.astimezone(UTC) + timedelta(minutes=interview.duration_minutes)
    return start.astimezone(zone), end.astimezone(zone)


def invite_method(interview: Interview) -> Method:
    return "CANCEL" if interview.stage == Stage.CANCELLED else "REQUEST"


def _calendar(method: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    return calendar


def _add_time_zones(calendar: Calendar, days: Iterable[date]) -> None:
    """Add a VTIMEZONE for every zone used, covering the years of the events (and a margin)."""
    years = [day.year for day in days]
    if years:
        calendar.add_missing_timezones(
            first_date=date(min(years) - 1, 1, 1), last_date=date(max(years) + 2, 1, 1)
        )


def _alarm(before: timedelta, text: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", before)
    alarm.add("description", _text(text))
    return alarm


def _text(text: str) -> str:
    """Line breaks as LF only. icalendar releases before mid-2026 left a lone CR raw, and a
    calendar that reads it as a line break would see an injected property ("\\rATTENDEE:…")."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _one_line(text: str) -> str:
    """Line breaks and runs of spaces as one space (icalendar escapes them anyway)."""
    return " ".join(text.split())


def _address(email: str, name: str) -> vCalAddress | None:
    """A mailto: address, or None when the email is missing or not an address."""
    email = email.strip()
    try:
        validate_email(email)
    except ValidationError:
        return None
    address = vCalAddress(f"mailto:{email}")
    if name := _one_line(name):
        address.params["CN"] = name
    return address


def _location(interview: Interview) -> str:
    if interview.mode == Mode.VIDEO:
        return interview.video_url or interview.location
    if interview.mode == Mode.PHONE:
        return interview.location or "Phone call"
    if interview.location:
        return interview.location
    organization = interview.person.organization
    if interview.mode == Mode.WORKPLACE and organization is not None:
        return organization.name
    return ""


def _description(interview: Interview) -> str:
    lines = [
        f"Topic: {interview.topic}",
        f"Agreed duration: {interview.duration_minutes} minutes",
        f"How: {interview.get_mode_display()}",
    ]
    if interview.mode == Mode.VIDEO and interview.video_url:
        lines.append(f"Video link: {interview.video_url}")
    elif interview.location:
        lines.append(f"Place: {interview.location}")
    if interview.mode == Mode.CAFE:
        lines.append("I'll pay for the coffee.")  # P21
    if interview.mode == Mode.PHONE:
        phones = interview.person.phones
        lines.append(f"I'll call you at {phones[0]}." if phones else "I'll call you.")
    return _text("\n".join(lines))


def summary_of(interview: Interview) -> str:
    return _one_line(f"Informational interview: {interview.person.name} — {interview.topic}")


def _interview_event(
    interview: Interview, *, uid: str, now: datetime, cancelled: bool = False
) -> Event:
    start, end = interview_window(interview)
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", summary_of(interview))
    event.add("description", _description(interview))
    if location := _location(interview):
        event.add("location", _text(location))
    if interview.mode == Mode.VIDEO and interview.video_url:
        event.add("url", interview.video_url)
    event.add("sequence", interview.ics_sequence)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("last-modified", interview.updated_at.astimezone(UTC))
    return event


def invite_ics(
    interview: Interview,
    *,
    organizer_email: str,
    organizer_name: str = "",
    method: Method = "REQUEST",
    now: datetime | None = None,
) -> bytes:
    """The invite (METHOD:REQUEST) or its cancellation (METHOD:CANCEL) for a scheduled interview.

    ORGANIZER and ATTENDEE are included only when the email address is known. Raises
    ``ValueError`` when the interview has no scheduled start.
    """
    cancelled = method == "CANCEL"
    calendar = _calendar(method)
    event = _interview_event(
        interview,
        uid=interview_uid(interview),
        now=now or timezone.now(),
        cancelled=cancelled,
    )
    if organizer := _address(organizer_email, organizer_name):
        event.add("organizer", organizer)
    person = interview.person
    if attendee := _address(person.primary_email, person.name):
        attendee.params["ROLE"] = "REQ-PARTICIPANT"
        attendee.params["PARTSTAT"] = "NEEDS-ACTION"
        attendee.params["RSVP"] = "TRUE"
        event.add("attendee", attendee)
    if not cancelled:
        event.add_component(
            _alarm(-INTERVIEW_REMINDER, f"In 30 minutes: coffee chat with {person.name}")
        )
    calendar.add_component(event)
    start, _ = interview_window(interview)
    _add_time_zones(calendar, [start.date()])
    return bytes(calendar.to_ical())


def invite_filename(interview: Interview, method: Method) -> str:
    start, _ = interview_window(interview)
    name = slugify(interview.person.name) or "interview"
    suffix = "-cancelled" if method == "CANCEL" else ""
    return f"coffee-chat-{name}-{start:%Y-%m-%d}{suffix}.ics"


def invite_http_response(interview: Interview, user: User) -> HttpResponse:
    """The invite as a download, for the web page and the API alike (``user`` is the owner)."""
    interview.owner = user  # the caller checked ownership; saves a query
    method = invite_method(interview)
    body = invite_ics(
        interview,
        organizer_email=user.email,
        organizer_name=user.get_full_name() or user.username,
        method=method,
    )
    response = HttpResponse(body, content_type=f"text/calendar; charset=utf-8; method={method}")
    response.headers["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=invite_filename(interview, method)
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response


def feed_interviews(user: User, now: datetime) -> list[Interview]:
    """Scheduled interviews, and those held or thanked in the past 90 days."""
    recent = Q(stage__in=[Stage.HELD, Stage.THANKED], scheduled_start__gte=now - FEED_RECENT)
    return list(
        Interview.objects.filter(owner=user, scheduled_start__isnull=False)
        .filter(Q(stage=Stage.SCHEDULED) | recent)
        .select_related("person", "person__organization")
        .order_by("scheduled_start", "pk")
    )


def feed_tasks(user: User) -> list[Task]:
    """Open tasks with a due date."""
    return list(
        Task.objects.filter(owner=user, done=False, due_at__isnull=False)
        .select_related("person", "interview__person")
        .order_by("due_at", "pk")
    )


def _task_event(task: Task, *, owner: User, zone: tzinfo, now: datetime, link: str) -> Event:
    assert task.due_at is not None
    due = task.due_at.astimezone(zone)
    person = task.person or (task.interview.person if task.interview else None)
    event = Event()
    event.add("uid", task_uid(task, owner=owner))
    event.add("dtstamp", now.astimezone(UTC))
    if due.time() == time(0, 0):
        event.add("dtstart", due.date())
        event.add("dtend", due.date() + timedelta(days=1))
        reminder = _alarm(ALL_DAY_REMINDER, f"Due today: {task.title}")
    else:
        end = due.astimezone(UTC) + timedelta(minutes=TASK_MINUTES)
        event.add("dtstart", due)
        event.add("dtend", end.astimezone(zone))
        reminder = _alarm(-TASK_REMINDER, f"Due soon: {task.title}")
    event.add("summary", _text(f"{task.title} — {person.name}" if person else task.title))
    lines = [f"Task: {task.get_kind_display()}"]
    if task.notes:
        lines.append(task.notes)
    event.add("description", _text("\n".join(lines)))
    event.add("transp", "TRANSPARENT")  # a reminder, not busy time
    if link:
        event.add("url", link)
    event.add_component(reminder)
    return event


def _task_page(task: Task) -> str:
    if task.interview is not None:
        return task.interview.get_absolute_url()
    if task.person is not None:
        return task.person.get_absolute_url()
    return reverse("today")


def feed_ics(user: User, *, base_url: str = "", now: datetime | None = None) -> bytes:
    """The user's subscribable calendar: interviews and open tasks with a due date.

    Three queries whatever the size (profile, interviews, tasks). ``base_url`` (e.g.
    ``https://host/``) adds a link back to each interview or task's page.
    """
    now = now or timezone.now()
    zone = zone_of(profile_of(user).time_zone)
    base = base_url.rstrip("/")
    calendar = _calendar("PUBLISH")
    calendar.add("x-wr-calname", "coffeechat")
    calendar.add("x-wr-caldesc", "Informational interviews and follow-up tasks")
    calendar.add("x-wr-timezone", str(zone))
    calendar.add("refresh-interval", FEED_REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    days: list[date] = []
    for interview in feed_interviews(user, now):
        event = _interview_event(interview, uid=interview_uid(interview, owner=user), now=now)
        if base and not (interview.mode == Mode.VIDEO and interview.video_url):
            event.add("url", base + interview.get_absolute_url())
        event.add_component(
            _alarm(-INTERVIEW_REMINDER, f"In 30 minutes: coffee chat with {interview.person.name}")
        )
        calendar.add_component(event)
        days.append(interview_window(interview)[0].date())
    for task in feed_tasks(user):
        link = base + _task_page(task) if base else ""
        calendar.add_component(_task_event(task, owner=user, zone=zone, now=now, link=link))
        assert task.due_at is not None
        days.append(task.due_at.astimezone(zone).date())
    _add_time_zones(calendar, days)
    return bytes(calendar.to_ical())
