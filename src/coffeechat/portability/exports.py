"""Exports of one user's data: JSON (everything), CSV (people), vCard 4.0 (people), ICS (calendar).

``export_file(user, format)`` answers the bytes, the media type and a file name; the download page
and ``coffeechat export`` both use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

from django.contrib.auth.models import User
from django.utils import timezone

from coffeechat.accounts.services import profile_of
from coffeechat.core.spreadsheet import csv_text
from coffeechat.interviews import calendar
from coffeechat.interviews.models import Interview, Stage
from coffeechat.people.models import Person
from coffeechat.people.services import people_of
from coffeechat.portability.json_format import dumps, export_document
from coffeechat.portability.vcard import write_vcards

Format = Literal["json", "csv", "vcard", "ics"]
FORMATS: tuple[Format, ...] = get_args(Format)
FORMAT_LABELS: dict[Format, str] = {
    "json": "Everything (JSON): people, organizations, interviews, notes, tasks, questions, "
    "plans, pitches, debriefs, resources. Import it into another coffeechat account.",
    "csv": "People (CSV): a spreadsheet of your people, their organization and latest stage.",
    "vcard": "Contacts (vCard 4.0): every person, for your address book.",
    "ics": "Calendar (ICS): scheduled interviews and tasks with a due date.",
}
CSV_HEADER = [
    "Name",
    "Organization",
    "Title",
    "Emails",
    "Phones",
    "Profile URL",
    "Location",
    "Time zone",
    "Relationship",
    "Relationship since",
    "Tags",
    "Referred by",
    "Latest interview stage",
]


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    content_type: str
    filename: str


def people_csv(user: User) -> str:
    """People with their organization and the stage of their latest interview."""
    stages = dict(Stage.choices)
    people = people_of(user).select_related("referred_by").order_by("name", "id")
    rows = []
    for person in people:
        stage: str = getattr(person, "latest_stage", None) or ""
        rows.append(
            [
                person.name,
                person.organization.name if person.organization else "",
                person.title,
                "; ".join(person.emails),
                "; ".join(person.phones),
                person.profile_url,
                person.location,
                person.time_zone,
                person.get_relationship_display(),
                person.relationship_since.isoformat() if person.relationship_since else "",
                "; ".join(tag.name for tag in person.tags.all()),
                person.referred_by.name if person.referred_by else "",
                stages.get(stage, ""),
            ]
        )
    return csv_text(CSV_HEADER, rows)


def people_vcards(user: User) -> str:
    people = Person.objects.filter(owner=user).select_related("organization").order_by("name", "id")
    return write_vcards(people)


def calendar_ics(user: User) -> bytes:
    """Every interview with a time (cancelled ones marked so), every open task with a due date."""
    now = timezone.now()
    zone = calendar.zone_of(profile_of(user).time_zone)
    cal = calendar._calendar("PUBLISH")
    cal.add("x-wr-calname", "coffeechat")
    days: list[date] = []
    interviews = (
        Interview.objects.filter(owner=user, scheduled_start__isnull=False)
        .select_related("person", "person__organization")
        .order_by("scheduled_start", "pk")
    )
    for interview in interviews:
        event = calendar._interview_event(
            interview,
            uid=calendar.interview_uid(interview, owner=user),
            now=now,
            cancelled=interview.stage == Stage.CANCELLED,
        )
        cal.add_component(event)
        days.append(calendar.interview_window(interview)[0].date())
    for task in calendar.feed_tasks(user):
        cal.add_component(calendar._task_event(task, owner=user, zone=zone, now=now, link=""))
        assert task.due_at is not None
        days.append(task.due_at.astimezone(zone).date())
    calendar._add_time_zones(cal, days)
    return bytes(cal.to_ical())


def export_file(user: User, fmt: Format) -> ExportFile:
    stamp = timezone.localdate().isoformat()
    base = f"coffeechat-{user.username}-{stamp}"
    if fmt == "json":
        body = dumps(export_document(user)).encode()
        return ExportFile(body, "application/json", f"{base}.json")
    if fmt == "csv":
        return ExportFile(
            people_csv(user).encode(), "text/csv; charset=utf-8", f"{base}-people.csv"
        )
    if fmt == "vcard":
        body = people_vcards(user).encode()
        return ExportFile(body, "text/vcard; charset=utf-8", f"{base}-contacts.vcf")
    if fmt == "ics":
        return ExportFile(calendar_ics(user), "text/calendar; charset=utf-8", f"{base}.ics")
    raise ValueError(f"Unknown export format {fmt!r}.")
