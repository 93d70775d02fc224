"""What the request composer needs: a draft filled from what is known, lint, highlighted spans."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from coffeechat.accounts.services import profile_of
from coffeechat.interviews.models import Interview
from coffeechat.people.models import Relationship
from coffeechat.playbook.drafts import DRAFT_KINDS, Draft, DraftContext, DraftKind, build_draft
from coffeechat.playbook.outreach import CHANNELS, RULES, Channel, Finding, OutreachReport

_KIND_OF_RELATIONSHIP: dict[str, DraftKind] = {
    Relationship.FRIEND: "warm",
    Relationship.COLLEAGUE: "warm",
    Relationship.ALUMNI: "alumni",
    Relationship.SHARED_GROUP: "shared_group",
    Relationship.MET_AT_EVENT: "met_at_event",
    Relationship.REFERRAL: "referral",
    Relationship.NEW_CONNECTION: "cold",
}


# Follow-ups written after the conversation, which can draw on its debrief.
_AFTER_TALKING: frozenset[str] = frozenset({"thank_you", "keep_posted"})


def default_kind(interview: Interview) -> DraftKind:
    return _KIND_OF_RELATIONSHIP.get(interview.person.relationship, "cold")


def parse_kind(raw: str, interview: Interview) -> DraftKind:
    return raw if raw in DRAFT_KINDS else default_kind(interview)


def parse_channel(raw: str) -> Channel:
    return raw if raw in CHANNELS else "email"


def _from_debrief(interview: Interview) -> tuple[str, str]:
    """What you learned and the next step, from the notes taken after the conversation (P23):
    the first line of the insights, else the specific thing they said."""
    try:
        debrief = interview.debrief
    except ObjectDoesNotExist:
        return "", ""
    lines = [line.strip(" -*•\t") for line in debrief.insights.splitlines()]
    learned = next((line for line in lines if line), "") or debrief.memorable
    return learned, debrief.next_step


def draft_for(interview: Interview, kind: DraftKind, channel: Channel) -> Draft:
    person = interview.person
    user = interview.owner
    start = interview.scheduled_start
    learned, next_step = _from_debrief(interview) if kind in _AFTER_TALKING else ("", "")
    context = DraftContext(
        their_name=person.name,
        their_first_name=person.first_name,
        my_name=user.get_full_name() or user.username,
        organization=person.organization.name if person.organization else "",
        their_role=person.title,
        what_they_do=person.what_they_do,
        what_they_have_done=person.what_they_have_done,
        topic=interview.topic,
        duration_minutes=interview.duration_minutes,
        my_context=profile_of(user).about_me,
        referrer_name=person.referred_by.name if person.referred_by else "",
        when=timezone.localtime(start).strftime("%A %d %B at %H:%M") if start else "",
        learned=learned,
        next_step=next_step,
    )
    return build_draft(kind, context, channel)


@dataclass(frozen=True)
class Segment:
    text: str
    finding: Finding | None = None

    @property
    def explanation(self) -> str:
        return RULES[self.finding.rule].explanation if self.finding else ""


def segments(text: str, report: OutreachReport) -> list[Segment]:
    """The text cut into plain and highlighted pieces. Where spans overlap, errors win over
    warnings and the narrower span over the wider (a long too-long span hides nothing)."""
    chosen: list[tuple[int, int, Finding]] = []
    spans = [(f.start, f.end, f) for f in report.findings if f.start is not None and f.end]
    for start, end, finding in sorted(spans, key=lambda s: (s[2].level != "error", s[1] - s[0])):
        if end > start and all(end <= a or start >= b for a, b, _ in chosen):
            chosen.append((start, end, finding))
    pieces: list[Segment] = []
    position = 0
    for start, end, finding in sorted(chosen, key=lambda s: s[0]):
        if start > position:
            pieces.append(Segment(text[position:start]))
        pieces.append(Segment(text[start:end], finding))
        position = end
    if position < len(text):
        pieces.append(Segment(text[position:]))
    return pieces


def mailto_link(to: str, subject: str, body: str) -> str:
    """A mailto: URL (RFC 6068): percent-encoded, line breaks as CRLF."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    query = f"subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    return f"mailto:{quote(to, safe='@')}?{query}"
