"""The ``no-context``, ``no-why-them``, ``no-question`` and ``too-long`` rules (P3, P6, P7)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from coffeechat.playbook.outreach_text import (
    NOTE_CHARACTERS,
    WORDS_ERROR,
    WORDS_WARNING,
    Channel,
    Finding,
    _Sentences,
)
from coffeechat.playbook.outreach_time import _Duration

# -------------------------------------------------------------------------------- no-context

_CONTEXT_RE = re.compile(
    "|".join(
        (
            r"\bwe\s++(?:\w+\s++)?(?:met|spoke|chatted|talked|connected|worked|studied|sat"
            r"|volunteered|served|overlapped|both)\b",
            r"\bwe(?:'re|\s++are|\s++were)\s++both\b",
            r"\bi\s++(?:\w+\s++)?(?:met|spoke\s++with|spoke\s++to|chatted\s++with|talked\s++with"
            r"|talked\s++to)\s++you\b",
            r"\b(?:met|meeting|meet|seeing|saw|see)\s++you\s++(?:at|during|in|on|last|after"
            r"|through|briefly)\b",
            r"\b(?:fellow|alumn(?:us|a|i|ae)|alums?|alma\s++mater|classmates?|graduated\s++from"
            r"|graduate\s++of|grad\s++of)\b",
            r"\bsame\s++(?:school|university|college|program|programme|cohort|class|bootcamp"
            r"|course|company|team|firm|group|club|association|chapter|department|lab|community"
            r"|meetup|conference|network|hometown|neighbou?rhood|building|event|panel)\b",
            r"\b(?:both|also)\s++(?:members?|part\s++of|belong|volunteer|attend(?:ed)?|spoke)\b",
            r"\bmembers?\s++of\b",
            r"\b(?:found|came\s++across|come\s++across|discovered|stumbled\s++(?:on|upon|across)"
            r"|noticed|saw|seen|read|watched|heard|listened\s++to|enjoyed|loved|followed"
            r"|following|attended|caught)\s++(?:you|your|ur)\b",
            r"\b(?:thought|thinks|said|says)\s++(?:that\s++)?you(?:'d|\s++would|\s++might"
            r"|\s++may|\s++could)\b",
            r"\bmy\s++(?:former\s++|old\s++)?(?:manager|colleague|mentor|professor|teacher"
            r"|classmate|boss|supervisor|advisor|adviser|coworker|co-worker)\b",
            r"\byour\s++name\b",
            r"\b(?:suggested|recommended|referred\s++me|pointed\s++me|encouraged\s++me"
            r"|introduced|put\s++me\s++in\s++touch|connected\s++me|passed\s++(?:along|on)\s++"
            r"your|mentioned\s++(?:you|your)|told\s++me\s++(?:about\s++)?(?:you|your)|said\s++you"
            r"|gave\s++me\s++your|shared\s++your|recommended\s++(?:you|your))\b",
            r"\b(?:at\s++the\s++suggestion\s++of|on\s++the\s++(?:recommendation|advice)\s++of"
            r"|recommendation\s++from)\b",
            r"\b(?:friend|colleague|coworker|co-worker|classmate|neighbou?r|teammate|student"
            r"|mentee)\s++of\b",
            r"\b(?:mutual|in\s++common|our\s++(?:friend|colleague|manager|mentor)"
            r"|your\s++(?:former\s++|old\s++)?(?:friend|colleague|student|intern|mentee"
            r"|teammate|classmate|neighbou?r))\b",
            r"\btook\s++your\b|\byou\s++(?:taught|mentored|interviewed|hired|supervised|coached)"
            r"\s++me\b",
            r"\b(?:since\s++we\s++last|last\s++time\s++we|when\s++we\s++last|it's\s++been\s++"
            r"(?:a\s++while|ages|too\s++long)|long\s++time\s++no|catch(?:ing)?\s++up"
            r"|(?:good|great|nice|lovely)\s++(?:to\s++see|seeing|to\s++meet|meeting)\s++you"
            r"|remember\s++me|(?:may|might)\s++remember|thanks\s++again|thank\s++you\s++again"
            r"|as\s++we\s++discussed|as\s++promised|following\s++up|my\s++(?:earlier|last"
            r"|previous)\s++(?:note|message|email))\b",
            r"\b(?:through|via|in|on)\s++(?:the|our)\s++"
            r"(?:[\w'&-]++\s++){0,3}?(?:network|community|slack|discord|forum|meetup"
            r"|association|society|chapter|club|directory|mailing\s++list)\b",
            r"\bconnected\s++(?:with|to)\b|\bknow\s++each\s++other\b",
        )
    )
)


def _check_context(low: str) -> Iterator[Finding]:
    if not _CONTEXT_RE.search(low):
        yield Finding(
            "no-context",
            "warning",
            "No context: if they don't know you, say how you found them or how you are "
            "connected — where you met, a shared school or group, or who suggested you "
            "write (P6).",
            None,
            None,
        )


# ------------------------------------------------------------------------------- no-why-them

_ARTIFACTS = (
    r"(?:talks?|keynotes?|presentations?|panels?|webinars?|workshops?|articles?|posts?|blogs?"
    r"|essays?|pieces?|papers?|books?|newsletters?|podcasts?|episodes?|interviews?|threads?"
    r"|videos?|courses?|lectures?|research|projects?|launch(?:es)?|releases?|products?|apps?"
    r"|library|libraries|portfolio|startup|lab|studio|case\s++stud(?:y|ies)|reports?|thesis"
    r"|dissertation|redesign|campaigns?|contributions?|writing|tweets?"
    r"|findings|study|designs?|tools?|framework|promotion|awards?|patents?|exhibit(?:ion)?s?"
    r"|albums?|films?|documentary|repo(?:sitory)?|packages?|plugins?|open-source)"
)
_WHY_GAP = (
    r"(?:(?!(?:my|our|me|us|on|of|about|for|to|with|and|or|the|a|an|in|at|from|time|schedule)"
    r"\b)[\w'&-]++\s++)"
)
_WHY_RE = re.compile(
    "|".join(
        (
            rf"\b(?:your|whose|ur)\s++{_WHY_GAP}{{0,3}}?{_ARTIFACTS}\b",
            rf"\b(?:your|whose|ur)\s++{_WHY_GAP}{{0,2}}?"
            r"(?:work|role|job|experience|background|career|path|transition|move|journey|switch"
            r"|pivot|team|teams|company|organi[sz]ation|firm|group|department|story"
            r"|expertise|focus|specialty)\s++(?:on|at|in|with|as|into|from|building|leading"
            r"|running|designing|managing|developing|across|inside|within|helping)\b",
            r"\byour\s++(?:time|years?|decade|tenure)\s++(?:at|in|on)\s++"
            r"(?!(?:advance|this|that|it|these|those|my|me)\b)",
            r"\byour\s++(?:transition|move|switch|pivot|path|journey|jump|shift|route)\s++"
            r"(?:to|from|into|out\s++of)\b",
            r"\byour\s++(?:team|company|organi[sz]ation|organisation|firm|employer|lab|startup"
            r"|agency|group|department|studio|org)'s\s++[\w-]",
            r"\byou(?:'ve|\s++have|\s++recently|\s++also|\s++once)?\s++(?:moved|switched"
            r"|transitioned|pivoted|went|changed\s++careers|built|founded|co-founded|cofounded"
            r"|launched|shipped|led|lead|run|ran|manage|managed|wrote|write|published|spoke"
            r"|presented|gave|designed|developed|created|grew|scaled|joined|teach|taught"
            r"|research|researched|head|headed|oversee|oversaw|organi[sz]ed|hosted|mentor"
            r"|mentored|coach|coached|contributed\s++to|won|earned|started\s++(?:a|an|the|your)"
            r"|made\s++(?:a|the|that|this)\s++(?:[\w-]++\s++)?(?:switch|move|jump|leap|transition"
            r"|shift|change)"
            r"|set\s++up|became|work\s++(?:at|on|in|with|as)|worked)\b",
            r"\b(?:saw|read|noticed|heard|learned|learnt|understand)\s++(?:that\s++)?you"
            r"(?:'ve|'re|\s++have"
            r"|\s++are|\s++had|\s++were)?\s++(?!(?:may|might|could|would|will|can|should|must"
            r"|get|got|receive|received|probably|are|were|busy|very|know|knew)\b)[a-z]",
            r"\b(?:who|she|he|they)\s++(?:now\s++|currently\s++)?(?:works?|worked|leads?|led"
            r"|runs?|ran|manages?|managed|heads?|headed|built|founded|moved|switched)\s++"
            r"(?:as|at|on|in|for|the|a|an|from|into)\b",
            r"\byou(?:'re|\s++are)\s++(?:now\s++|currently\s++)?(?:a|an|the)\s++"
            r"(?:[\w'&-]++\s++){0,4}?(?:at|with|for)\s++(?P<org1>[^\W_])",
            r"\bas\s++(?:a|an|the|head\s++of|lead\s++of)\s++(?:[\w'&-]++\s++){0,4}?"
            r"(?:at|with|for)\s++(?P<org2>[^\W_])",
        )
    )
)
_ABOUT_ME_AFTER_RE = re.compile(r"[^,.;!?\n]{0,60},\s*+(?:i|i'm|i've|i'd|i'll|i\s++am|my|me)\b")


def _names_them(text: str, low: str) -> bool:
    for m in _WHY_RE.finditer(low):
        org = m.group("org1") or m.group("org2")
        if org is None:
            return True
        pos = m.start("org1") if m.group("org1") else m.start("org2")
        # "as a designer at Figma" names a workplace only if the org is a proper name, and
        # "As a student at McGill, I ..." is about the writer, not the reader.
        if not (text[pos].isupper() or text[pos].isdigit()):
            continue
        if m.group("org2") and _ABOUT_ME_AFTER_RE.match(low, pos):
            continue
        return True
    return False


def _check_why_them(text: str, low: str) -> Iterator[Finding]:
    if not _names_them(text, low):
        yield Finding(
            "no-why-them",
            "warning",
            "Nothing specific about them: mention where they work, what they do or something "
            "they have done, so they can see why you chose them (P3).",
            None,
            None,
        )


# ------------------------------------------------------------------------------- no-question

_ASK_CUE_RE = re.compile(
    r"\b(?:chat|call|talk|speak|meet|meeting|connect|coffee|conversation|zoom|video|phone"
    r"|questions?|ask|learn|hear|share|tell\s++me|walk\s++me|pick\s++your\s++brain|minutes?"
    r"|mins?|hours?|time|spare|available|free|open\s++to|willing|work\s++for\s++you)\b"
)
_QUESTION_MARK_RE = re.compile(r"\?")


def _check_question(
    text: str, low: str, sentences: _Sentences, durations: list[_Duration]
) -> Iterator[Finding]:
    cues = [m.start() for m in _ASK_CUE_RE.finditer(low)]
    cues.extend(d.start for d in durations)
    cues.sort()
    for m in _QUESTION_MARK_RE.finditer(low):
        start, _ = sentences.bounds(m.start())
        i = bisect_left(cues, start)
        if i < len(cues) and cues[i] < m.start():
            return
    span_start: int | None = None
    span_end: int | None = None
    if durations:
        s, e = sentences.bounds(durations[0].start)
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        span_start, span_end = s + lead, s + len(piece.rstrip())
    yield Finding(
        "no-question",
        "warning",
        "The request is not a question: ask it directly, for example “Would you have 20 "
        "minutes to talk about …?”, so it is easy to answer (P7).",
        span_start,
        span_end,
    )


# -------------------------------------------------------------------------------- too-long


def _check_length(text: str, channel: Channel, starts: list[int]) -> Iterator[Finding]:
    stripped = text.strip()
    end = len(text.rstrip())
    if channel == "linkedin-note" and len(stripped) > NOTE_CHARACTERS:
        lead = len(text) - len(text.lstrip())
        yield Finding(
            "too-long",
            "error",
            f"{len(stripped)} characters: a connection note holds at most {NOTE_CHARACTERS}; "
            "keep the context, why them and the question, and cut the rest (P7).",
            lead + NOTE_CHARACTERS,
            end,
        )
        return
    words = len(starts)
    if words > WORDS_ERROR:
        yield Finding(
            "too-long",
            "error",
            f"{words} words, over the {WORDS_ERROR}-word limit: a request should read on a phone "
            f"without scrolling; aim for {WORDS_WARNING} or fewer (P7).",
            starts[WORDS_ERROR],
            end,
        )
    elif words > WORDS_WARNING:
        yield Finding(
            "too-long",
            "warning",
            f"{words} words: brevity shows you value their time; aim for {WORDS_WARNING} or "
            "fewer (P7).",
            starts[WORDS_WARNING],
            end,
        )
