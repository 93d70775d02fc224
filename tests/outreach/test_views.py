"""The request composer: templates filled from what is known, live lint, sending and recording."""

from __future__ import annotations

import email
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import User
from django.test import Client

from coffeechat.followup.models import Task
from coffeechat.interviews.models import ActivityKind, Stage
from coffeechat.outreach.composer import mailto_link
from tests.factories import InterviewFactory, PersonFactory


@pytest.fixture
def interview(owner: User):  # type: ignore[no-untyped-def]
    person = PersonFactory(
        owner=owner,
        name="Amara Okafor",
        title="UX Researcher",
        emails=["amara@example.org"],
        what_they_have_done="gave a talk on research with hard-to-reach users",
    )
    return InterviewFactory(
        owner=owner, person=person, topic="UX research", stage=Stage.RESEARCHING
    )


def test_composer_prefills_a_draft_addressed_to_the_person(owner_client: Client, interview) -> None:  # type: ignore[no-untyped-def]
    response = owner_client.get(f"/interviews/{interview.pk}/compose/")
    assert response.status_code == 200
    assert "Hi Amara" in response.context["form"].initial["body"]


def test_composer_warns_when_research_is_missing(owner_client: Client, owner: User) -> None:
    bare = InterviewFactory(owner=owner, person=PersonFactory(owner=owner, what_they_do=""))
    response = owner_client.get(f"/interviews/{bare.pk}/compose/")
    assert b"Research first" in response.content


def test_lint_panel_highlights_a_job_request(owner_client: Client, interview) -> None:  # type: ignore[no-untyped-def]
    body = "Hi Amara, are there any openings on your team? Do you have 15 minutes?"
    response = owner_client.post(
        f"/interviews/{interview.pk}/compose/lint/",
        {"subject": "Hello", "body": body, "channel": "email"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert b"asks-for-job" in response.content
    assert b'<mark class="error"' in response.content


def test_recording_a_sent_request_moves_to_requested_and_plans_3b7(
    owner_client: Client, interview
) -> None:  # type: ignore[no-untyped-def]
    owner_client.post(
        f"/interviews/{interview.pk}/compose/",
        {"kind": "cold", "channel": "email", "subject": "Hi", "body": "Text", "action": "record"},
    )
    interview.refresh_from_db()
    assert interview.stage == Stage.REQUESTED
    assert Task.objects.filter(interview=interview).count() == 2


def test_send_by_email_delivers_through_smtp_and_records(
    owner_client: Client, interview, smtp_inbox
) -> None:  # type: ignore[no-untyped-def]
    owner_client.post(
        f"/interviews/{interview.pk}/compose/",
        {
            "kind": "cold",
            "channel": "email",
            "subject": "20 minutes?",
            "body": "Hi",
            "action": "send",
        },
    )
    message = email.message_from_bytes(smtp_inbox.messages[0][2])
    assert message["To"] == "amara@example.org"
    assert interview.activities.filter(kind=ActivityKind.REQUEST_SENT).count() == 1


def test_failed_send_records_nothing(owner_client: Client, interview, settings) -> None:  # type: ignore[no-untyped-def]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9
    response = owner_client.post(
        f"/interviews/{interview.pk}/compose/",
        {"kind": "cold", "channel": "email", "subject": "s", "body": "b", "action": "send"},
    )
    assert response.status_code == 200
    assert b"Nothing was sent" in response.content
    assert not interview.activities.exists()


def test_recording_a_reply_closes_follow_ups(owner_client: Client, interview) -> None:  # type: ignore[no-untyped-def]
    owner_client.post(
        f"/interviews/{interview.pk}/compose/",
        {"kind": "cold", "channel": "email", "subject": "s", "body": "b", "action": "record"},
    )
    owner_client.post(f"/interviews/{interview.pk}/reply/", {"text": "Happy to!"})
    assert not Task.objects.filter(interview=interview, done=False).exists()
    assert interview.activities.filter(kind=ActivityKind.REPLY_RECEIVED).exists()


@pytest.mark.parametrize("suffix", ["compose/", "compose/lint/", "reply/"])
def test_outsider_gets_404_on_composer_routes(
    outsider_client: Client, interview, suffix: str
) -> None:  # type: ignore[no-untyped-def]
    url = f"/interviews/{interview.pk}/{suffix}"
    data = {"kind": "cold", "channel": "email", "subject": "s", "body": "b", "action": "record"}
    response = outsider_client.post(url, data) if suffix != "compose/" else outsider_client.get(url)
    assert response.status_code == 404
    assert not interview.activities.exists()


def test_mailto_link_encodes_subject_and_body_with_crlf() -> None:
    link = mailto_link("amara@example.org", "A question & a half", "Line one\nLine two?")
    parts = urlsplit(link)
    query = parse_qs(parts.query)
    assert parts.scheme == "mailto"
    assert parts.path == "amara@example.org"
    assert query["subject"] == ["A question & a half"]
    assert query["body"] == ["Line one\r\nLine two?"]


def test_called_no_answer_records_the_call_and_plans_a_retry(
    owner_client: Client, owner: User
) -> None:
    person = PersonFactory(owner=owner, phones=["+1 416 555 0100"])
    response = owner_client.post(f"/people/{person.pk}/called/")
    assert response.status_code == 302
    assert person.activities.get().text.startswith("Called, no answer")
    assert Task.objects.get(person=person).title.startswith(f"Call {person.first_name} again")


def test_outsider_gets_404_on_called_no_answer(outsider_client: Client, owner: User) -> None:
    person = PersonFactory(owner=owner)
    assert outsider_client.post(f"/people/{person.pk}/called/").status_code == 404
    assert not Task.objects.filter(person=person).exists()


def test_person_page_advises_no_voicemail_for_phone_contacts(
    owner_client: Client, owner: User
) -> None:
    person = PersonFactory(owner=owner, preferred_channel="phone")
    response = owner_client.get(f"/people/{person.pk}/")
    assert b"don&#x27;t leave a voicemail" in response.content


def test_highlighting_prefers_errors_to_an_overlapping_warning() -> None:
    from coffeechat.outreach.composer import segments
    from coffeechat.playbook.outreach import Finding, OutreachReport

    text = "one two three any openings here"
    report = OutreachReport(
        words=6,
        characters=len(text),
        findings=(
            Finding("too-long", "warning", "long", 4, len(text)),
            Finding("asks-for-job", "error", "job", 14, 26),
        ),
    )
    marked = [(s.text, s.finding.rule) for s in segments(text, report) if s.finding]
    assert marked == [("any openings", "asks-for-job")]


def test_person_page_links_each_interview_to_the_composer(owner_client: Client, interview) -> None:  # type: ignore[no-untyped-def]
    response = owner_client.get(f"/people/{interview.person.pk}/")
    assert f'href="/interviews/{interview.pk}/compose/"'.encode() in response.content


def test_the_composer_says_a_thank_you_moves_the_interview_to_thanked(
    owner: User, owner_client: Client
) -> None:
    interview = InterviewFactory(owner=owner, stage="held")
    page = owner_client.get(f"/interviews/{interview.pk}/compose/", {"kind": "thank_you"})
    assert "moves the interview to “thanked”" in page.content.decode()
