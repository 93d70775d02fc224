"""Sending requests and follow-ups, the 3B7 routine, replies and response statistics (P6–P11)."""

from __future__ import annotations

import smtplib
import zoneinfo
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from coffeechat.accounts.services import user_zone
from coffeechat.followup.models import Task, TaskKind
from coffeechat.followup.services import keep_posted_update_sent, thank_you_sent
from coffeechat.interviews.models import Activity, ActivityKind, Interview, Stage
from coffeechat.interviews.services import move_to_stage, record_activity
from coffeechat.people.models import Channel, Person
from coffeechat.playbook.drafts import DraftKind
from coffeechat.playbook.stats import ReplyStats, reply_stats
from coffeechat.playbook.timing import call_again_at, no_response_due, three_b_seven

FIRST_REQUEST_KINDS: frozenset[str] = frozenset(
    {"warm", "alumni", "shared_group", "met_at_event", "cold", "referral"}
)
_ACTIVITY_OF_KIND: dict[str, str] = {
    "intro_request": ActivityKind.INTRO_REQUESTED,
    "nudge": ActivityKind.NUDGE_SENT,
    "confirm": ActivityKind.UPDATE_SENT,
    "reschedule": ActivityKind.UPDATE_SENT,
    "cancel": ActivityKind.UPDATE_SENT,
    "thank_you": ActivityKind.THANK_YOU_SENT,
    "keep_posted": ActivityKind.UPDATE_SENT,
}
FOLLOW_UP_KINDS = (TaskKind.CONTACT_ANOTHER, TaskKind.NUDGE)


class SendError(Exception):
    """The mail server refused or could not be reached; nothing was recorded."""


def _zone(interview: Interview) -> zoneinfo.ZoneInfo:
    return user_zone(interview.owner)


def send_email(interview: Interview, *, subject: str, body: str) -> None:
    """Send through the configured server (EMAIL_URL) to the person's first email address."""
    to = interview.person.primary_email
    if not to:
        raise SendError(f"{interview.person.name} has no email address; add one to send by email.")
    sender = interview.owner.email or settings.DEFAULT_FROM_EMAIL
    _deliver(EmailMessage(subject, body, from_email=sender, to=[to], reply_to=[sender]))


def _deliver(message: EmailMessage) -> None:
    try:
        message.send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        raise SendError(f"The mail server did not take it ({error}). Nothing was sent.") from None


@transaction.atomic
def after_sending(kind: str) -> str:
    """What recording a message of ``kind`` will do, said before the user sends it."""
    if kind in FIRST_REQUEST_KINDS:
        return (
            "Sending or recording moves the interview to “requested” and plans the follow-ups: "
            "a second contact after 3 business days, one nudge after 7 (3B7)."
        )
    if kind == "thank_you":
        return "Sending or recording ticks off the thank-you and moves the interview to “thanked”."
    if kind == "keep_posted":
        return "Sending or recording closes this reminder and plans the next update (P24)."
    return "Sending or recording adds the message to the timeline."


def record_sent(
    interview: Interview, *, kind: DraftKind, subject: str, body: str, at: datetime | None = None
) -> Activity:
    """Record a message as sent; a first request moves the interview to requested and starts 3B7."""
    at = at or timezone.now()
    text = f"{subject}\n\n{body}".strip()
    if kind in FIRST_REQUEST_KINDS:
        activity = None
        if interview.stage in (Stage.IDEA, Stage.RESEARCHING):
            activity = move_to_stage(interview, Stage.REQUESTED, at=at, text=text)
        if activity is None:
            activity = record_activity(
                interview.owner, ActivityKind.REQUEST_SENT, at=at, interview=interview, text=text
            )
        start_three_b_seven(interview, at)
        return activity
    if kind == "thank_you":  # P23: recorded, moved to thanked, the thank-you task ticked off
        return thank_you_sent(interview, at=at, text=text)
    activity = record_activity(
        interview.owner, _ACTIVITY_OF_KIND[kind], at=at, interview=interview, text=text
    )
    if kind == "nudge":
        _close_follow_ups(interview, kinds=(TaskKind.NUDGE,), at=at)
    if kind == "keep_posted":  # P24: this reminder is done, the next one is one cadence away
        keep_posted_update_sent(interview.person, at)
    return activity


def start_three_b_seven(interview: Interview, sent_at: datetime) -> list[Task]:
    """Day 0 is the request: contact another person at day 3, one nudge at day 7 (business days)."""
    _close_follow_ups(interview, kinds=FOLLOW_UP_KINDS, at=sent_at)
    plan = three_b_seven(sent_at, _zone(interview))
    person = interview.person
    where = f" at {person.organization.name}" if person.organization else ""
    return Task.objects.bulk_create(
        [
            Task(
                owner=interview.owner,
                kind=TaskKind.CONTACT_ANOTHER,
                interview=interview,
                person=person,
                due_at=plan.contact_another_due,
                title=f"No reply from {person.first_name} yet? Write to a second person{where}",
            ),
            Task(
                owner=interview.owner,
                kind=TaskKind.NUDGE,
                interview=interview,
                person=person,
                due_at=plan.nudge_due,
                title=f"Send {person.first_name} one polite nudge",
            ),
        ]
    )


def _close_follow_ups(interview: Interview, *, kinds: Iterable[str], at: datetime) -> int:
    return Task.objects.filter(interview=interview, kind__in=list(kinds), done=False).update(
        done=True, done_at=at
    )


@transaction.atomic
def record_reply(interview: Interview, *, at: datetime | None = None, text: str = "") -> Activity:
    """They answered: record it and close the pending 3B7 follow-ups for this request."""
    at = at or timezone.now()
    activity = record_activity(
        interview.owner, ActivityKind.REPLY_RECEIVED, at=at, interview=interview, text=text
    )
    _close_follow_ups(interview, kinds=FOLLOW_UP_KINDS, at=at)
    return activity


def no_response_suggestions(user_interviews: Iterable[Interview], now: datetime) -> list[Interview]:
    """Requested interviews whose nudge went unanswered for 7 business days: suggest no_response."""
    suggestions = []
    for interview in user_interviews:
        activities = list(interview.activities.all())
        nudges = [a.at for a in activities if a.kind == ActivityKind.NUDGE_SENT]
        if not nudges or interview.stage != Stage.REQUESTED:
            continue
        last_nudge = max(nudges)
        if any(a.kind == ActivityKind.REPLY_RECEIVED and a.at >= last_nudge for a in activities):
            continue
        if now >= no_response_due(last_nudge, _zone(interview)):
            suggestions.append(interview)
    return suggestions


def requested_interviews(owner_id: int) -> Iterable[Interview]:
    return (
        Interview.objects.filter(owner_id=owner_id, stage=Stage.REQUESTED)
        .select_related("person", "owner__profile")
        .prefetch_related("activities")
    )


def response_stats(owner_id: int) -> ReplyStats:
    """Reply rate and median days to reply, from each interview's first request and first reply."""
    first_request: dict[int, datetime] = {}
    replies: dict[int, list[datetime]] = {}
    rows = Activity.objects.filter(
        owner_id=owner_id,
        interview__isnull=False,
        kind__in=[ActivityKind.REQUEST_SENT, ActivityKind.REPLY_RECEIVED],
    ).values_list("interview_id", "kind", "at")
    for interview_id, kind, at in rows.order_by("at"):
        if kind == ActivityKind.REQUEST_SENT:
            first_request.setdefault(interview_id, at)
        else:
            replies.setdefault(interview_id, []).append(at)
    pairs = []
    for interview_id, sent in first_request.items():
        later = [at for at in replies.get(interview_id, []) if at >= sent]
        pairs.append((sent, later[0] if later else None))
    return reply_stats(pairs)


@transaction.atomic
def called_no_answer(person: Person, at: datetime | None = None) -> Task:
    """P10: record the call (no voicemail left) and plan a retry at another time of day."""
    at = at or timezone.now()
    zone = user_zone(person.owner)
    record_activity(
        person.owner,
        ActivityKind.NOTE,
        at=at,
        person=person,
        text="Called, no answer (no voicemail).",
    )
    return Task.objects.create(
        owner=person.owner,
        kind=TaskKind.CUSTOM,
        person=person,
        due_at=call_again_at(at, zone),
        title=f"Call {person.first_name} again, at another time of day",
        notes="Practise your pitch before calling; don't leave a voicemail (P10).",
    )


def channel_advice(person: Person) -> str:
    """One sentence on how to reach them, from their preferred channel (P9, P10)."""
    if person.preferred_channel == Channel.PHONE:
        return (
            "On a cold call, don't leave a voicemail: call again at another time of day, "
            "and practise your pitch before you dial (P10)."
        )
    if person.preferred_channel == Channel.MESSAGE:
        return (
            "Prefer formal channels: an email from their organization's site or a professional "
            "network message, unless they are a public figure who asks for messages (P9)."
        )
    if person.preferred_channel == Channel.IN_PERSON:
        return "Ask in person briefly, then confirm by email with a specific short time (P7)."
    return (
        "A formal channel is the right start (P9). If a colleague knows them, ask for an "
        "introduction, and ask the colleague to check with them first."
    )


def send_invite(interview: Interview, *, at: datetime | None = None) -> Activity:
    """Email the calendar invite (or its cancellation) as an attachment, then record it (P12)."""
    from coffeechat.interviews.calendar import (
        invite_filename,
        invite_ics,
        invite_method,
        summary_of,
    )

    person, user = interview.person, interview.owner
    if not person.primary_email:
        raise SendError(f"{person.name} has no email address; add one to send the invite.")
    method = invite_method(interview)
    ics = invite_ics(
        interview,
        organizer_email=user.email,
        organizer_name=user.get_full_name() or user.username,
        method=method,
    )
    cancelled = method == "CANCEL"
    subject = ("Cancelled: " if cancelled else "Invitation: ") + summary_of(interview)
    body = (
        "The calendar file attached takes this conversation out of your calendar."
        if cancelled
        else "The calendar invite for our conversation is attached. Thank you for your time!"
    )
    sender = user.email or settings.DEFAULT_FROM_EMAIL
    message = EmailMessage(subject, body, from_email=sender, to=[person.primary_email])
    message.attach(
        invite_filename(interview, method), ics, f"text/calendar; charset=utf-8; method={method}"
    )
    _deliver(message)
    return record_activity(
        user,
        ActivityKind.UPDATE_SENT,
        at=at,
        interview=interview,
        text=f"{subject} (calendar invite)",
    )
