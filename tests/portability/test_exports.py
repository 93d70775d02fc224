"""CSV, vCard 4.0 and ICS exports of one user's data."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from icalendar import Calendar

from coffeechat.interviews.models import Stage
from coffeechat.people.models import Person
from coffeechat.portability.exports import calendar_ics, export_file, people_csv, people_vcards
from coffeechat.portability.importer import run_import
from coffeechat.portability.vcard import parse_vcard
from tests.factories import InterviewFactory, PersonFactory, TaskFactory

pytestmark = pytest.mark.django_db


def csv_rows(user: User) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(people_csv(user))))


def test_csv_lists_people_with_their_organization(owner: User) -> None:
    PersonFactory(owner=owner, name="Amara Okafor", organization__name="Northwind Health")
    (row,) = csv_rows(owner)
    assert (row["Name"], row["Organization"]) == ("Amara Okafor", "Northwind Health")


def test_csv_shows_the_stage_of_the_latest_interview(owner: User) -> None:
    amara = PersonFactory(owner=owner, name="Amara Okafor")
    InterviewFactory(owner=owner, person=amara, stage=Stage.CLOSED)
    InterviewFactory(owner=owner, person=amara, stage=Stage.SCHEDULED)
    (row,) = csv_rows(owner)
    assert row["Latest interview stage"] == "Scheduled"


def test_csv_joins_several_emails_in_one_cell(owner: User) -> None:
    PersonFactory(owner=owner, emails=["a@x.example", "b@y.example"])
    assert csv_rows(owner)[0]["Emails"] == "a@x.example; b@y.example"


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(owner: User) -> None:
    PersonFactory(owner=owner, name="=HYPERLINK(1)", title="@SUM(A1)", phones=["+1 555 0100"])
    row = csv_rows(owner)[0]
    assert row["Name"] == "'=HYPERLINK(1)"
    assert row["Title"] == "'@SUM(A1)"
    assert row["Phones"] == "'+1 555 0100"


def test_csv_never_lists_another_users_people(owner: User, outsider: User) -> None:
    PersonFactory(owner=outsider, name="Bob's contact")
    assert csv_rows(owner) == []


def test_vcard_export_is_version_4_with_a_card_per_person(owner: User) -> None:
    PersonFactory(owner=owner, name="Amara Okafor")
    PersonFactory(owner=owner, name="Daniel Chen")
    text = people_vcards(owner)
    assert text.count("BEGIN:VCARD\r\nVERSION:4.0\r\n") == 2
    assert text.count("END:VCARD\r\n") == 2


def test_vcard_lines_are_folded_at_75_octets(owner: User) -> None:
    PersonFactory(owner=owner, name="渡辺 美咲", title="研究" * 60)
    for line in people_vcards(owner).split("\r\n"):
        assert len(line.encode()) <= 75


def test_exported_vcards_read_back_as_the_same_people(owner: User) -> None:
    PersonFactory(
        owner=owner,
        name="Sofia Rossi",
        title="Designer; research, ops",
        organization__name="Fieldnote Studio, Inc.",
        emails=["sofia@fieldnote.example", "s.rossi@mail.example"],
        phones=["+1 604 555 0100", "+1 604 555 0111"],
        profile_url="https://www.linkedin.com/in/sofia",
        postal_address="1 Main St\nVancouver",
    )
    (record,) = parse_vcard(people_vcards(owner).encode(), "out.vcf").records
    assert (record.name, record.title, record.organization) == (
        "Sofia Rossi",
        "Designer; research, ops",
        "Fieldnote Studio, Inc.",
    )
    assert record.emails == ["sofia@fieldnote.example", "s.rossi@mail.example"]
    assert record.phones == ["+1 604 555 0100", "+1 604 555 0111"]
    assert record.postal_address == "1 Main St\nVancouver"


def test_a_vcard_export_imported_into_an_empty_account_loses_no_contact_detail(
    owner: User, outsider: User
) -> None:
    PersonFactory(
        owner=owner,
        name="Amara Okafor",
        relationship_since=timezone.localdate(),
        time_zone="America/Toronto",
        phones=["+1 416 555 0101"],
        profile_url="https://www.linkedin.com/in/amara",
    )
    run_import(outsider, "vcard", people_vcards(owner).encode(), "out.vcf")
    fields = ("name", "title", "emails", "phones", "profile_url", "relationship_since", "time_zone")
    mine = Person.objects.filter(owner=owner).values(*fields, "organization__name")
    theirs = Person.objects.filter(owner=outsider).values(*fields, "organization__name")
    assert list(theirs) == list(mine)


def test_ics_holds_scheduled_interviews_and_due_tasks(owner: User) -> None:
    InterviewFactory(
        owner=owner,
        topic="Research operations",
        stage=Stage.SCHEDULED,
        scheduled_start=timezone.now() + timedelta(days=2),
    )
    TaskFactory(owner=owner, title="Send the thank-you")
    events = Calendar.from_ical(calendar_ics(owner)).walk("VEVENT")
    summaries = sorted(str(event["SUMMARY"]) for event in events)
    assert len(summaries) == 2
    assert "Research operations" in summaries[0]
    assert summaries[1] == "Send the thank-you"


def test_ics_marks_cancelled_interviews_cancelled(owner: User) -> None:
    InterviewFactory(
        owner=owner, stage=Stage.CANCELLED, scheduled_start=timezone.now() + timedelta(days=1)
    )
    (event,) = Calendar.from_ical(calendar_ics(owner)).walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"


def test_ics_leaves_out_done_tasks_and_other_users(owner: User, outsider: User) -> None:
    TaskFactory(owner=owner, done=True, done_at=timezone.now())
    TaskFactory(owner=outsider, title="Bob's task")
    assert Calendar.from_ical(calendar_ics(owner)).walk("VEVENT") == []


@pytest.mark.parametrize(
    ("fmt", "media_type", "suffix"),
    [
        ("json", "application/json", ".json"),
        ("csv", "text/csv; charset=utf-8", "-people.csv"),
        ("vcard", "text/vcard; charset=utf-8", "-contacts.vcf"),
        ("ics", "text/calendar; charset=utf-8", ".ics"),
    ],
)
def test_each_export_names_its_file_and_media_type(
    owner: User, fmt: str, media_type: str, suffix: str
) -> None:
    file = export_file(owner, fmt)  # type: ignore[arg-type]
    assert file.content_type == media_type
    assert file.filename.startswith("coffeechat-alice-")
    assert file.filename.endswith(suffix)
