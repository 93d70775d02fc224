"""The calendar invite sent by email as an attachment, through a real SMTP server (aiosmtpd)."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client
from icalendar import Calendar

from coffeechat.interviews.models import Stage
from tests.factories import InterviewFactory, PersonFactory


@pytest.fixture
def scheduled(owner: User):  # type: ignore[no-untyped-def]
    person = PersonFactory(owner=owner, name="Amara Okafor", emails=["amara@example.org"])
    return InterviewFactory(
        owner=owner,
        person=person,
        stage=Stage.SCHEDULED,
        scheduled_start=datetime(2030, 5, 6, 14, 0, tzinfo=UTC),
        time_zone="America/Toronto",
    )


def _attachment(content: bytes) -> tuple[str, Calendar]:
    message = email.message_from_bytes(content)
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    return part.get_filename() or "", Calendar.from_ical(part.get_payload(decode=True))


def test_invite_is_emailed_as_a_calendar_attachment(
    owner_client: Client, scheduled, smtp_inbox
) -> None:  # type: ignore[no-untyped-def]
    owner_client.post(f"/interviews/{scheduled.pk}/invite/send/")
    _sender, recipients, content = smtp_inbox.messages[0]
    filename, calendar = _attachment(content)
    assert recipients == ["amara@example.org"]
    assert filename.endswith(".ics")
    assert calendar["METHOD"] == "REQUEST"
    parsed = email.message_from_bytes(content, policy=email.policy.default)
    assert str(parsed["Subject"]).strip().startswith("Invitation: ")


def test_cancelled_interview_emails_the_cancellation(
    owner_client: Client, scheduled, smtp_inbox
) -> None:  # type: ignore[no-untyped-def]
    scheduled.stage = Stage.CANCELLED
    scheduled.save()
    owner_client.post(f"/interviews/{scheduled.pk}/invite/send/")
    _filename, calendar = _attachment(smtp_inbox.messages[0][2])
    assert calendar["METHOD"] == "CANCEL"


def test_sending_the_invite_is_recorded_in_the_timeline(
    owner_client: Client, scheduled, smtp_inbox
) -> None:  # type: ignore[no-untyped-def]
    owner_client.post(f"/interviews/{scheduled.pk}/invite/send/")
    assert "calendar invite" in scheduled.activities.get().text


def test_unscheduled_interview_sends_nothing(owner_client: Client, owner: User, smtp_inbox) -> None:  # type: ignore[no-untyped-def]
    interview = InterviewFactory(owner=owner)
    owner_client.post(f"/interviews/{interview.pk}/invite/send/")
    assert smtp_inbox.messages == []


def test_outsider_gets_404_and_nothing_is_sent(
    outsider_client: Client, scheduled, smtp_inbox
) -> None:  # type: ignore[no-untyped-def]
    assert outsider_client.post(f"/interviews/{scheduled.pk}/invite/send/").status_code == 404
    assert smtp_inbox.messages == []


def test_detail_page_offers_to_email_the_invite_when_smtp_is_set(
    owner_client: Client, scheduled, smtp_inbox
) -> None:  # type: ignore[no-untyped-def]
    response = owner_client.get(f"/interviews/{scheduled.pk}/")
    assert b"Email the invite to Amara" in response.content
