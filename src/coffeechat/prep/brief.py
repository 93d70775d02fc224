"""The printable brief: everything needed on the day of the conversation, on one page (two at most).

The browser's print view and the PDF are rendered from the same template, so what is printed from
the browser and what WeasyPrint writes are the same document. Practices: P1 the goal, P2/P3 the
research, P14 the agreed time, P15 the printed question plan, P18 the pitch, P19-P23 the day-of
checklist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.dateformat import format as format_date
from django.utils.text import slugify

from coffeechat.accounts.services import profile_of
from coffeechat.interviews.calendar import zone_of
from coffeechat.interviews.models import Interview, Mode
from coffeechat.network.colleagues import colleagues_of
from coffeechat.prep.models import Pitch
from coffeechat.prep.services import Plan, current_pitch, plan_on_first_use, preparation_of

TEMPLATE = "prep/brief.html"

# What to do on the day, with the practice each line comes from.
DAY_OF_CHECKLIST: tuple[tuple[str, str], ...] = (
    ("Arrive early (or join the call a few minutes early).", "P19"),
    ("Bring your résumé and portfolio — show them only if asked.", "P19"),
    ("Pay for the coffee.", "P21"),
    ("Watch the clock: end at the agreed time.", "P14, P20"),
    ("Ask for next steps: who else to talk to, what to read, may you stay in touch?", "P22"),
    ("Thank them within 24 hours.", "P23"),
)


@dataclass(frozen=True)
class WhenLine:
    label: str  # "your time", "their time", or "your time and theirs"
    zone: str
    text: str  # e.g. "Tuesday 5 March 2030, 09:00–09:20 EST"


@dataclass(frozen=True)
class Note:
    label: str
    text: str


@dataclass(frozen=True)
class PlanRow:
    number: int
    text: str
    mark: str  # "at 4 min", or "if time allows"
    fits: bool
    pinned: bool


@dataclass(frozen=True)
class Brief:
    interview: Interview
    when: list[WhenLine]
    their_zone: str
    where: list[Note]
    goal: list[Note]
    research: list[Note]
    pitch: Pitch | None
    plan: Plan
    rows: list[PlanRow]
    checklist: tuple[tuple[str, str], ...]
    prepare_url: str
    brief_pdf_url: str


def _span(start: datetime, end: datetime) -> str:
    """Start and end on that clock; the date is repeated only when the call crosses midnight."""
    end_format = "H:i T" if end.date() == start.date() else "l j F Y, H:i T"
    return f"{format_date(start, 'l j F Y, H:i')}–{format_date(end, end_format)}"


def when_lines(interview: Interview) -> list[WhenLine]:
    """The agreed time on the user's clock and on theirs (one line when the zones are the same)."""
    start = interview.scheduled_start
    if start is None:
        return []
    end = start + timedelta(minutes=interview.duration_minutes)  # elapsed time, not wall clock
    yours = profile_of(interview.owner).time_zone or "UTC"
    theirs = their_time_zone(interview)
    zones = [("your time and theirs", yours)] if theirs in ("", yours) else []
    zones = zones or [("your time", yours), ("their time", theirs)]
    return [
        WhenLine(label, name, _span(start.astimezone(zone_of(name)), end.astimezone(zone_of(name))))
        for label, name in zones
    ]


def their_time_zone(interview: Interview) -> str:
    """The zone the meeting was agreed in, else the person's own zone; blank when unknown."""
    return interview.time_zone or interview.person.time_zone


def _where(interview: Interview) -> list[Note]:
    notes = [Note("How", interview.get_mode_display())]
    if interview.location:
        notes.append(Note("Where", interview.location))
    if interview.video_url:
        notes.append(Note("Video link", interview.video_url))
    if interview.mode == Mode.PHONE and interview.person.phones:
        notes.append(Note("Their phone", interview.person.phones[0]))
    return notes


def _goal(interview: Interview) -> list[Note]:
    objectives = preparation_of(interview).objectives.strip()
    notes = [Note("Goal", interview.topic)]
    return notes + ([Note("Objectives", objectives)] if objectives else [])


def _research(interview: Interview) -> list[Note]:
    """The research notes that are filled in (P2, P3, P16); blank ones take no room on paper."""
    person = interview.person
    preparation = preparation_of(interview)
    organization = person.organization
    notes = [
        Note("What they do", person.what_they_do),
        Note("What they have done", person.what_they_have_done),
        Note("Why them", preparation.why_them),
        Note("Already public (don't ask)", preparation.already_public),
    ]
    if organization is not None:
        notes.append(Note(f"About {organization.name}", organization.research_notes))
    return [note for note in notes if note.text.strip()]


def minute_mark(minute: float) -> str:
    """ "at 4 min" on the clock of the call, to the half minute."""
    return f"at {round(minute * 2) / 2:g} min"


def _rows(plan: Plan) -> list[PlanRow]:
    return [
        PlanRow(
            number=number,
            text=question.text,
            mark=minute_mark(question.starts_at_minute) if question.fits else "if time allows",
            fits=question.fits,
            pinned=question.entry.pinned,
        )
        for number, question in enumerate(plan.questions, start=1)
    ]


def prepare_url(interview: Interview) -> str:
    # The prepare page belongs to the prep web UI; its path is the contract if it isn't routed.
    try:
        return reverse("interview_prepare", args=[interview.pk])
    except NoReverseMatch:
        return f"/interviews/{interview.pk}/prepare/"


def brief_of(interview: Interview) -> Brief:
    """Everything the brief shows; the question plan is built on first use (P15)."""
    plan = plan_on_first_use(interview)
    return Brief(
        interview=interview,
        when=when_lines(interview),
        their_zone=their_time_zone(interview),
        where=_where(interview),
        goal=_goal(interview),
        research=_research(interview),
        pitch=current_pitch(interview.owner),
        plan=plan,
        rows=_rows(plan),
        checklist=DAY_OF_CHECKLIST,
        prepare_url=prepare_url(interview),
        brief_pdf_url=reverse("interview_brief_pdf", args=[interview.pk]),
    )


def render_brief_html(interview: Interview, *, toolbar: bool = True) -> str:
    """The brief as a standalone HTML page (print CSS inline, no site navigation).

    The toolbar (Print, the PDF, back to the interview) is only shown on screen; a file saved away
    from the site leaves it out, since its links lead nowhere there.
    """
    brief = brief_of(interview)
    context = {"brief": brief, "interview": interview, "person": interview.person}
    context["colleagues"] = colleagues_of(interview.person)
    return render_to_string(TEMPLATE, {**context, "toolbar": toolbar})


def render_brief_pdf(interview: Interview) -> bytes:
    """The same page as a PDF: WeasyPrint lays out the print media of the same HTML."""
    # Imported here: WeasyPrint loads Pango and fonts, which pages that never print don't need.
    from weasyprint import HTML

    pdf: bytes = HTML(string=render_brief_html(interview, toolbar=False)).write_pdf()
    return pdf


def brief_filename(interview: Interview, extension: str) -> str:
    """A plain ASCII file name, e.g. brief-12-ada-lovelace.pdf."""
    return f"{slugify(f'brief {interview.pk} {interview.person.name}')}.{extension}"
