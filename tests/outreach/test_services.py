"""Sending, the 3B7 routine and replies (P6–P11), on a real database and a real SMTP server."""

from __future__ import annotations

import email
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import User

from coffeechat.followup.models import Task, TaskKind
from coffeechat.interviews.models import ActivityKind, Stage
from coffeechat.outreach.services import (
    SendError,
    no_response_suggestions,
    record_reply,
    record_sent,
    requested_interviews,
    response_stats,
    send_email,
)
from tests.factories import ActivityFactory, InterviewFactory, PersonFactory

MONDAY_NOON = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)


@pytest.fixture
def interview(owner: User):  # type: ignore[no-untyped-def]
    person = PersonFactory(owner=owner, name="Amara Okafor", emails=["amara@example.org"])
    return InterviewFactory(owner=owner, person=person, stage=Stage.RESEARCHING)


def test_first_request_moves_the_interview_to_requested(interview) -> None:  # type: ignore[no-untyped-def]
    record_sent(interview, kind="cold", subject="Hello", body="Body", at=MONDAY_NOON)
    interview.refresh_from_db()
    assert interview.stage == Stage.REQUESTED


def test_first_request_records_one_request_sent_activity_with_the_text(interview) -> None:  # type: ignore[no-untyped-def]
    record_sent(interview, kind="cold", subject="Hello", body="Fifteen minutes?", at=MONDAY_NOON)
    activities = list(interview.activities.all())
    assert [a.kind for a in activities] == [ActivityKind.REQUEST_SENT]
    assert "Fifteen minutes?" in activities[0].text


def test_request_creates_contact_another_after_3_and_nudge_after_7_business_days(interview) -> None:  # type: ignore[no-untyped-def]
    record_sent(interview, kind="cold", subject="s", body="b", at=MONDAY_NOON)
    due = {t.kind: t.due_at for t in Task.objects.filter(interview=interview)}
    assert due[TaskKind.CONTACT_ANOTHER] == datetime(2026, 11, 5, 12, 0, tzinfo=UTC)  # Thursday
    assert due[TaskKind.NUDGE] == datetime(2026, 11, 11, 12, 0, tzinfo=UTC)  # next Wednesday


def test_reply_closes_the_pending_follow_ups(interview) -> None:  # type: ignore[no-untyped-def]
    record_sent(interview, kind="cold", subject="s", body="b", at=MONDAY_NOON)
    record_reply(interview, at=MONDAY_NOON + timedelta(days=1))
    assert not Task.objects.filter(interview=interview, done=False).exists()


def test_sending_the_nudge_closes_the_nudge_task_only(interview) -> None:  # type: ignore[no-untyped-def]
    record_sent(interview, kind="cold", subject="s", body="b", at=MONDAY_NOON)
    record_sent(interview, kind="nudge", subject="s", body="b", at=MONDAY_NOON + timedelta(days=9))
    open_kinds = set(
        Task.objects.filter(interview=interview, done=False).values_list("kind", flat=True)
    )
    assert open_kinds == {TaskKind.CONTACT_ANOTHER}


def test_unanswered_nudge_is_suggested_as_no_response_after_7_business_days(
    owner, interview
) -> None:  # type: ignore[no-untyped-def]
    record_sent(interview, kind="cold", subject="s", body="b", at=MONDAY_NOON)
    nudge_at = MONDAY_NOON + timedelta(days=9)  # Wednesday 11 Nov
    record_sent(interview, kind="nudge", subject="s", body="b", at=nudge_at)
    assert (
        no_response_suggestions(requested_interviews(owner.pk), nudge_at + timedelta(days=8)) == []
    )
    later = nudge_at + timedelta(days=9)  # Friday 20 Nov: 7 business days after
    assert no_response_suggestions(requested_interviews(owner.pk), later) == [interview]


def test_a_reply_after_the_nudge_removes_the_no_response_suggestion(owner, interview) -> None:  # type: ignore[no-untyped-def]
    record_sent(interview, kind="cold", subject="s", body="b", at=MONDAY_NOON)
    record_sent(interview, kind="nudge", subject="s", body="b", at=MONDAY_NOON + timedelta(days=9))
    record_reply(interview, at=MONDAY_NOON + timedelta(days=10))
    later = MONDAY_NOON + timedelta(days=30)
    assert no_response_suggestions(requested_interviews(owner.pk), later) == []


def test_response_stats_give_reply_rate_and_median_days(owner: User) -> None:
    for days_to_reply in (1, 3, None, None):
        interview = InterviewFactory(owner=owner)
        ActivityFactory(
            owner=owner, interview=interview, kind=ActivityKind.REQUEST_SENT, at=MONDAY_NOON
        )
        if days_to_reply is not None:
            ActivityFactory(
                owner=owner,
                interview=interview,
                kind=ActivityKind.REPLY_RECEIVED,
                at=MONDAY_NOON + timedelta(days=days_to_reply),
            )
    stats = response_stats(owner.pk)
    assert (stats.requests, stats.replies) == (4, 2)
    assert stats.reply_rate == 0.5
    assert stats.median_days_to_reply == 2.0


def test_response_stats_ignore_other_users(owner: User, outsider: User) -> None:
    ActivityFactory(owner=outsider, kind=ActivityKind.REQUEST_SENT, at=MONDAY_NOON)
    assert response_stats(owner.pk).requests == 0


def test_send_email_delivers_to_the_persons_first_address(interview, smtp_inbox) -> None:  # type: ignore[no-untyped-def]
    send_email(interview, subject="Fifteen minutes?", body="Hello Amara")
    _sender, recipients, content = smtp_inbox.messages[0]
    message = email.message_from_bytes(content)
    assert recipients == ["amara@example.org"]
    assert message["Subject"] == "Fifteen minutes?"
    assert message["Reply-To"] == interview.owner.email
    assert "Hello Amara" in message.get_payload()


def test_send_email_without_an_address_says_so(owner: User) -> None:
    interview = InterviewFactory(owner=owner, person=PersonFactory(owner=owner, emails=[]))
    with pytest.raises(SendError, match="no email address"):
        send_email(interview, subject="s", body="b")


def test_send_email_to_an_unreachable_server_raises_a_clear_error(interview, settings) -> None:  # type: ignore[no-untyped-def]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    with pytest.raises(SendError, match="Nothing was sent"):
        send_email(interview, subject="s", body="b")
