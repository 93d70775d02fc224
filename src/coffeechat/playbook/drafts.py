"""Drafts for every message of an informational interview, in this product's own words.

Requests (``warm`` … ``nudge``) follow the playbook: context for someone who doesn't know you
(P6), why this person (P3), one polite question with a specific short time (P7), flexibility
around their schedule (P12), and nothing about a job search or a résumé (P8). ``intro_request``
goes to the mutual colleague and asks them to check with the other person first (P9).
``thank_you`` (P23) and ``keep_posted`` (P24, P25) are follow-ups; only ``keep_posted`` may say
you would welcome leads.

Each draft is built from the richest wording that fits: an email or message stays within 75
words, a ``linkedin-note`` within 300 characters. Blank fields simply drop the sentence that
needs them, so a draft never shows an empty slot.

Field conventions (all optional except the names), with the phrase each one completes::

    organization         "Shopify"
    their_role           "product manager"                       a job title
    what_they_do         "fraud detection for payments"          "your work on …"
    what_they_have_done  "moved from teaching into UX"           "you …"
    topic                "product management in fintech"         "talk about …"
    my_context           "I'm a nurse exploring health tech."    a sentence about you
    learned              "how your team runs research sprints"   "what you shared about …"
    next_step            "talk with Priya on the research team"  "your suggestion to …"
    when                 "Tuesday 12 March at 10:00"             "our call for …"
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, get_args

from coffeechat.playbook.outreach import NOTE_CHARACTERS, WORDS_WARNING, Channel, count_words

DraftKind = Literal[
    "warm",
    "alumni",
    "shared_group",
    "met_at_event",
    "cold",
    "referral",
    "intro_request",
    "nudge",
    "confirm",
    "reschedule",
    "cancel",
    "thank_you",
    "keep_posted",
]
DRAFT_KINDS: tuple[DraftKind, ...] = get_args(DraftKind)
REQUEST_KINDS: tuple[DraftKind, ...] = DRAFT_KINDS[:8]
DRAFT_LABELS: dict[DraftKind, str] = {
    "warm": "Someone you already know",
    "alumni": "A fellow alum",
    "shared_group": "Someone from a group you share",
    "met_at_event": "Someone you met at an event",
    "cold": "Someone you haven't met",
    "referral": "Someone you were referred to",
    "intro_request": "Ask a colleague for an introduction",
    "nudge": "Polite follow-up (no reply yet)",
    "confirm": "Confirm the time",
    "reschedule": "Ask to reschedule",
    "cancel": "Cancel",
    "thank_you": "Thank-you note",
    "keep_posted": "Progress update",
}
DEFAULT_MINUTES = 20


@dataclass(frozen=True)
class DraftContext:
    their_name: str
    their_first_name: str
    my_name: str
    organization: str = ""
    their_role: str = ""
    what_they_do: str = ""
    what_they_have_done: str = ""
    topic: str = ""
    duration_minutes: int = DEFAULT_MINUTES
    my_context: str = ""  # the user's own one-line context
    referrer_name: str = ""
    introducer_name: str = ""
    when: str = ""
    learned: str = ""
    next_step: str = ""


@dataclass(frozen=True)
class Draft:
    kind: DraftKind
    subject: str
    body: str


# --------------------------------------------------------------------------------- helpers


def _phrase(value: str) -> str:
    """One line, single spaces, no trailing punctuation: ready to sit inside a sentence."""
    return " ".join(str(value or "").split()).rstrip(".,;:!? ")


def _inline(value: str) -> str:
    """A phrase to sit mid-sentence: "Wrote an article" becomes "wrote an article", while names
    and acronyms ("PyCon", "UX research", "Toronto") keep their capitals."""
    text = _phrase(value)
    first = text.split(" ", 1)[0] if text else ""
    if len(first) > 1 and first[0].isupper() and first[1:].islower() and first not in _KEEP_CAPS:
        return text[0].lower() + text[1:]
    return text


# Capitalised words that are names, not sentence starts, when they open a phrase.
_KEEP_CAPS = frozenset({"I", "English", "French", "Spanish", "Canadian", "American", "European"})


def _about_me(value: str) -> str:
    """The user's one-line context as a sentence about them: "a teacher …" -> "I'm a teacher …"."""
    text = _phrase(value)
    if text.lower().startswith(("a ", "an ", "the ")):
        return _sentence("I'm " + text[0].lower() + text[1:])
    return _sentence(text)


def _sentence(value: str) -> str:
    text = " ".join(str(value or "").split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "professor", "sir", "dame"})


def _first_word(name: str) -> str:
    """The given name from a full name, skipping a leading title ("Dr. Ana Silva" -> "Ana")."""
    words = _phrase(name).split()
    while len(words) > 1 and words[0].rstrip(".").lower() in _TITLES:
        words = words[1:]
    return words[0] if words else ""


def _with_article(title: str) -> str:
    words = title.split()
    if not words or words[0].lower() in {"a", "an", "the"}:
        return title
    first = words[0]
    if first.isupper() and len(first) > 1:  # an acronym, read letter by letter
        article = "an" if first[0] in "AEFHILMNORSX" else "a"
    elif first.lower().startswith(("eu", "uni", "use", "usa", "uti", "one")):
        article = "a"
    else:
        article = "an" if first[0].lower() in "aeiou" else "a"
    return f"{article} {title}"


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class _Fields:
    their_name: str
    first: str
    me: str
    org: str
    role: str
    does: str
    done: str
    topic: str
    minutes: int
    about_me: str
    referrer: str
    introducer: str
    when: str
    learned: str
    next_step: str

    @classmethod
    def of(cls, ctx: DraftContext) -> _Fields:
        minutes = ctx.duration_minutes if isinstance(ctx.duration_minutes, int) else 0
        return cls(
            their_name=_phrase(ctx.their_name),
            first=_phrase(ctx.their_first_name) or _first_word(ctx.their_name),
            me=_phrase(ctx.my_name),
            org=_phrase(ctx.organization),
            role=_phrase(ctx.their_role),
            does=_inline(ctx.what_they_do),
            done=_inline(ctx.what_they_have_done),
            topic=_inline(ctx.topic),
            minutes=minutes if 5 <= minutes <= 240 else DEFAULT_MINUTES,
            about_me=_about_me(ctx.my_context),
            referrer=_phrase(ctx.referrer_name),
            introducer=_phrase(ctx.introducer_name),
            when=_phrase(ctx.when),
            learned=_phrase(ctx.learned),
            next_step=_phrase(ctx.next_step),
        )

    @property
    def role_at(self) -> str:
        """ "as a designer at Acme", "as a designer", "at Acme", or "" when neither is known."""
        role = f"as {_with_article(self.role)}" if self.role else ""
        return _join(role, f"at {self.org}" if self.org else "")

    def greeting(self, name: str | None = None) -> str:
        who = self.first if name is None else name
        return f"Hi {who}," if who else "Hello,"

    def sign_off(self, words: str, note: bool) -> str:
        if note:
            return f"{words}, {self.me}" if self.me else f"{words}!"
        return f"{words},\n{self.me}" if self.me else f"{words}!"

    def short_topic(self) -> str:
        return self.topic if self.topic and len(self.topic.split()) <= 6 else ""


# Template openings that read better in lower case straight after "Hi Maria," in a note.
_LOWER_AFTER_GREETING = ("It ", "We're ", "Fellow ", "A ", "Thank ", "Before ", "What ")


def _body(greeting: str, paragraph: str, sign_off: str, note: bool) -> str:
    if note:
        if greeting.endswith(",") and paragraph.startswith(_LOWER_AFTER_GREETING):
            paragraph = paragraph[0].lower() + paragraph[1:]
        return _join(greeting, paragraph, sign_off)
    return f"{greeting}\n\n{paragraph}\n\n{sign_off}"


def _fits(body: str, note: bool) -> bool:
    if note:
        return len(body) <= NOTE_CHARACTERS
    return count_words(body) <= WORDS_WARNING


def _first_fitting(bodies: Iterable[str], note: bool) -> str:
    last = ""
    for body in bodies:
        if _fits(body, note):
            return body
        last = body
    return last


def _shrink(
    f: _Fields, note: bool, parts: list[tuple[str, int]], sign_words: str, greeting: str
) -> str:
    """The paragraph with every part, then without the least important (highest number)."""
    levels = sorted({level for _, level in parts if level}, reverse=True)

    def bodies() -> Iterable[str]:
        for cut in (None, *levels):
            kept = [text for text, level in parts if not (cut and level >= cut)]
            yield _body(greeting, _join(*kept), f.sign_off(sign_words, note), note)

    return _first_fitting(bodies(), note)


# -------------------------------------------------------------------------------- requests


def _why_variants(f: _Fields, note: bool) -> list[str]:
    """Why this person (P3), richest first, ending with nothing."""
    work = f"your work {f.role_at}" if f.role_at else ""
    focus = f"your work on {f.does}" if f.does else ""
    done = f"I saw that you {f.done}." if f.done else ""
    variants: list[str] = []
    if note:
        lead = "I'd value your view given"
        if work and focus:
            variants.append(f"{lead} {work}, especially on {f.does}.")
        for piece in (work, focus):
            if piece:
                variants.append(f"{lead} {piece}.")
        if done:
            variants.append(done)
    else:
        lead = "I'm writing because of"
        if work and focus:
            variants.append(_join(f"{lead} {work}, especially on {f.does}.", done))
            variants.append(f"{lead} {work}, especially on {f.does}.")
        for piece in (work, focus):
            if piece:
                variants.append(_join(f"{lead} {piece}.", done))
                variants.append(f"{lead} {piece}.")
        if done:
            variants.append(done)
    variants.append("")
    return list(dict.fromkeys(variants))


def _connection(kind: DraftKind, f: _Fields, note: bool) -> str:
    """How the writer knows or found the person (P6)."""
    if kind == "warm":
        return "I hope all is well since we last spoke."
    if kind == "alumni":
        if note:
            return "Fellow alum here: I found you through our alumni network."
        return "I'm a fellow alum and found you through our alumni network."
    if kind == "shared_group":
        if note:
            return "We're both members of the same professional group."
        return "We're both members of the same professional group, which is where I found you."
    if kind == "met_at_event":
        return "It was good to meet you at the recent event."
    if kind == "cold":
        where = f.org if f.org and len(f.org.split()) <= 5 else "your field"
        return f"I came across your profile while learning about {where}."
    if kind == "referral":
        who = f.referrer or "A colleague"
        return f"{who} suggested I get in touch with you."
    # nudge
    if note:
        return "I'm following up on my earlier note."
    return "I'm following up on my earlier note, in case it got buried."


_SUBJECTS: dict[DraftKind, Callable[[_Fields, str], str]] = {
    "warm": lambda f, t: f"Could I ask you about {t}?" if t else "A quick question for you",
    "alumni": lambda f, t: (
        f"Fellow alum: {f.minutes} minutes on {t}?"
        if t
        else f"Fellow alum: a {f.minutes}-minute question"
    ),
    "shared_group": lambda f, t: (
        f"A fellow member's question about {t}" if t else "A question from a fellow member"
    ),
    "met_at_event": lambda f, t: (
        f"Good to meet you: {f.minutes} minutes on {t}?" if t else "Good to meet you at the event"
    ),
    "cold": lambda f, t: (
        f"A {f.minutes}-minute question about {t}"
        if t
        else f"A {f.minutes}-minute question about your work"
    ),
    "referral": lambda f, t: (
        f"{f.referrer} suggested I reach out" if f.referrer else "A colleague suggested I reach out"
    ),
    "nudge": lambda f, t: (
        f"Following up: {f.minutes} minutes on {t}?"
        if t
        else f"Following up: {f.minutes} minutes of your time?"
    ),
}


def _request(kind: DraftKind, f: _Fields, note: bool) -> tuple[str, str]:
    connection = _connection(kind, f, note)
    topics = [f.topic, "your work" if note else "your work and how you got there"]
    if not f.topic:
        topics = topics[1:]
    abouts = [f.about_me, ""] if f.about_me and not note else [""]
    eases = [""] if note else ["I'm happy to work around your schedule and send the invite.", ""]
    closing = "If now isn't a good time, no problem at all." if kind == "nudge" else ""

    def bodies() -> Iterable[str]:
        for topic in topics:
            if note:
                ask = f"Would you have {f.minutes} minutes for a call about {topic}?"
            else:
                ask = (
                    f"Would you have {f.minutes} minutes in the coming weeks to talk about {topic}?"
                )
            for why in _why_variants(f, note):
                for about in abouts:
                    for ease in eases:
                        paragraph = _join(connection, about, why, ask, closing or ease)
                        yield _body(f.greeting(), paragraph, f.sign_off("Thank you", note), note)

    subject = "" if note else _SUBJECTS[kind](f, f.short_topic())
    return subject, _first_fitting(bodies(), note)


def _intro_request(f: _Fields, note: bool) -> tuple[str, str]:
    """To the mutual colleague: please ask them first, then introduce us (P9, double opt-in)."""
    them = f.their_name or f.first or "your contact"
    first = f.first or them
    if f.role_at:
        who = f"{them}, who works {f.role_at}"
    elif f.does:
        who = f"{them}, who works on {f.does}"
    else:
        who = them
    topics = [f.topic, "their work"] if f.topic else ["their work"]
    check = (
        f"Before any introduction, would you mind checking with {first} whether they'd be open "
        f"to a {f.minutes}-minute call with me"
    )
    answer = "If so, I'd be grateful for an introduction; if not, no problem at all."
    opening = "I hope all is well since we last spoke."

    def bodies() -> Iterable[str]:
        for topic in topics:
            if note:
                for person in (who, them) if who != them else (them,):
                    comma = "," if person != them else ""
                    ask = (
                        f"Would you mind checking with {person}{comma} whether they'd be open to "
                        f"a {f.minutes}-minute call with me about {topic}?"
                    )
                    yield _body(
                        f.greeting(_first_word(f.introducer)),
                        _join(opening, ask, "If so, I'd love an introduction."),
                        f.sign_off("Thanks", note),
                        note,
                    )
                continue
            for person in (who, them):
                for about in [f.about_me, ""] if f.about_me else [""]:
                    paragraph = _join(
                        opening,
                        about,
                        f"I noticed you know {person}, and I'd love to learn about {topic}.",
                        f"{check}?",
                        answer,
                    )
                    yield _body(
                        f.greeting(_first_word(f.introducer)),
                        paragraph,
                        f.sign_off("Thank you", note),
                        note,
                    )

    subject = "" if note else f"Would {first} be open to a short call?"
    return subject, _first_fitting(bodies(), note)


# ------------------------------------------------------------------------------ follow-ups


def _confirm(f: _Fields, note: bool) -> tuple[str, str]:
    slot = f" for {f.when}" if f.when else ""
    details = "the details" if f.when else "the time and details"
    parts = [
        ("Thank you for agreeing to talk with me.", 2),
        (f"I'm confirming our {f.minutes}-minute call{slot}.", 0),
        (f"I'll send a calendar invite with {details} and will keep to the time we agreed.", 0),
        ("If anything changes on your side, just let me know.", 1),
    ]
    body = _shrink(f, note, parts, "Looking forward to it", f.greeting())
    return f"Confirming our {f.minutes}-minute call{slot}", body


def _reschedule(f: _Fields, note: bool) -> tuple[str, str]:
    if f.when:
        proposal = [
            (f"Would {f.when} work for you instead?", 0),
            ("If not, please suggest a time that suits you and I'll send a new invite.", 0),
        ]
    else:
        proposal = [
            ("Could you suggest a time in the next couple of weeks that suits you?", 0),
            ("I'll send a new invite.", 0),
        ]
    parts = [
        ("I'm sorry, but something has come up and I need to move our conversation.", 0),
        *proposal,
        (f"It will still take only {f.minutes} minutes.", 1),
    ]
    body = _shrink(f, note, parts, "Thank you for your flexibility", f.greeting())
    return "Could we move our call?", body


def _cancel(f: _Fields, note: bool) -> tuple[str, str]:
    slot = f" for {f.when}" if f.when else ""
    parts = [
        (f"I'm sorry to say that I need to cancel our call{slot}.", 0),
        ("Thank you for making time for me, and apologies for the change.", 0),
        ("I'll remove the invite, and I hope we can find another time.", 1),
    ]
    body = _shrink(f, note, parts, "Best wishes", f.greeting())
    return f"Cancelling our call{slot}", body


def _thank_you(f: _Fields, note: bool) -> tuple[str, str]:
    parts = [
        ("Thank you for taking the time to talk with me.", 0),
        (f"I especially valued what you shared about {f.learned}." if f.learned else "", 2),
        (f"I'll act on your suggestion to {f.next_step}." if f.next_step else "", 1),
        ("I'll let you know how things go.", 3),
    ]
    return "Thank you for your time", _shrink(f, note, parts, "With thanks", f.greeting())


def _keep_posted(f: _Fields, note: bool) -> tuple[str, str]:
    field = f.topic if f.topic and not f.topic.lower().startswith(("your ", "their ")) else ""
    in_field = f" in {field}" if field and len(field.split()) <= 6 else ""
    followed = f"I followed your suggestion to {f.next_step}, and it helped a lot."
    parts = [
        ("I wanted to give you a quick update since we spoke.", 0),
        (followed if f.next_step else "", 2),
        (f"What you said about {f.learned} has stayed with me." if f.learned else "", 3),
        # A follow-up, never the request, may say you would welcome leads (P25).
        (
            f"I'm now looking for my next move{in_field}, so if you hear of anything that "
            "might fit, I'd be glad to know.",
            1,
        ),
        ("Mostly, though, thank you again for your help.", 4),
    ]
    return "A quick update", _shrink(f, note, parts, "Best wishes", f.greeting())


_FOLLOW_UPS: dict[DraftKind, Callable[[_Fields, bool], tuple[str, str]]] = {
    "confirm": _confirm,
    "reschedule": _reschedule,
    "cancel": _cancel,
    "thank_you": _thank_you,
    "keep_posted": _keep_posted,
}


def build_draft(kind: DraftKind, ctx: DraftContext, channel: Channel = "email") -> Draft:
    """A ready-to-edit draft of ``kind`` for ``channel``; a connection note has no subject."""
    if kind not in DRAFT_KINDS:
        raise ValueError(f"unknown draft kind {kind!r}")
    f = _Fields.of(ctx)
    note = channel == "linkedin-note"
    if kind == "intro_request":
        subject, body = _intro_request(f, note)
    elif kind in _FOLLOW_UPS:
        subject, body = _FOLLOW_UPS[kind](f, note)
    else:
        subject, body = _request(kind, f, note)
    return Draft(kind=kind, subject="" if note else subject, body=body)
