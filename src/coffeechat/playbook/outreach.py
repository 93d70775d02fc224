"""Lint an informational-interview request before it is sent (P3, P6, P7, P8, P14, P25).

``lint_outreach(text, channel)`` reads a draft the way a busy professional would and reports:

- ``too-long``     warning above 75 words, error above 100; a connection note (``linkedin-note``)
                   is an error above 300 characters.
- ``asks-for-job`` error: the request asks for a job, an opening or a referral for a position,
                   mentions the job search, or attaches or offers a résumé (P8).
- ``no-time-ask``  error: no specific duration is asked for; warning when the ask is over 30
                   minutes, judged by the upper bound of a range (P7, P14).
- ``no-context``   warning: nothing says how the writer knows or found the person (P6).
- ``no-why-them``  warning: nothing specific about the person's work (P3).
- ``no-question``  warning: the request is not phrased as a question (P7).

The rules are phrase patterns rather than single keywords, so "learn about your role" is left
alone while "any openings on your team" is caught, and a negated phrase ("I'm not asking for a
job") does not count. Every pattern is anchored on a literal word and uses bounded or possessive
repetition, so the work stays linear in the length of the text. Spans are character offsets into
the text exactly as given.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

Channel = Literal["email", "linkedin-note", "message"]
CHANNELS: tuple[Channel, ...] = ("email", "linkedin-note", "message")
Level = Literal["error", "warning"]

WORDS_WARNING = 75
WORDS_ERROR = 100
NOTE_CHARACTERS = 300
LONGEST_TIME_ASK = 30  # minutes (P7: 15–20 by default, up to 30)
_MAX_FINDINGS_PER_RULE = 10


@dataclass(frozen=True)
class Rule:
    id: str
    practice: str
    explanation: str


RULES: dict[str, Rule] = {
    "too-long": Rule(
        "too-long",
        "P7",
        "A short request shows you value their time: aim for 75 words or fewer so it reads on a "
        "phone without scrolling, and keep a connection note within 300 characters.",
    ),
    "asks-for-job": Rule(
        "asks-for-job",
        "P8",
        "An informational interview is for learning, so the request never asks for a job, an "
        "opening or a referral, never brings up your job search and never attaches a résumé.",
    ),
    "no-time-ask": Rule(
        "no-time-ask",
        "P7",
        "Ask for a specific, short amount of time (15–20 minutes, 30 at most) so the person "
        "knows exactly what they are agreeing to, and keep to it (P14).",
    ),
    "no-context": Rule(
        "no-context",
        "P6",
        "When the person does not know you, say how you are connected or how you found them: "
        "where you met, a shared school or group, or who suggested you write.",
    ),
    "no-why-them": Rule(
        "no-why-them",
        "P3",
        "Say why you chose this person in particular: where they work, what they do, or "
        "something they have done.",
    ),
    "no-question": Rule(
        "no-question",
        "P7",
        "Make the ask a polite question, such as “Would you have 15–20 minutes to talk about "
        "…?”, so it is easy to answer yes.",
    ),
}


@dataclass(frozen=True)
class Finding:
    rule: str
    level: Level
    message: str
    start: int | None
    end: int | None


@dataclass(frozen=True)
class OutreachReport:
    words: int
    characters: int
    findings: tuple[Finding, ...]

    @property
    def has_errors(self) -> bool:
        return any(finding.level == "error" for finding in self.findings)

    def to_dict(self) -> dict[str, object]:
        return {
            "words": self.words,
            "characters": self.characters,
            "findings": [
                {
                    "rule": f.rule,
                    "level": f.level,
                    "message": f.message,
                    "start": f.start,
                    "end": f.end,
                }
                for f in self.findings
            ],
        }


# --------------------------------------------------------------------------- text helpers

# One character in, one character out, so offsets in the normalised text match the original.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\uff1f": "?",
        "\uff01": "!",
        "\uff0e": ".",
        "\u3002": ".",
    }
)


def _fold(text: str) -> str:
    """Lower-case and fold punctuation variants without changing the length of the text."""
    folded = text.translate(_FOLD)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    # A few characters lower-case to two (e.g. "İ"); keep those as they are.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


# A run of non-space holding a letter or digit; the look-behind anchors each try at the start of
# a run and the possessive repeats never give back, so a long run of dashes costs linear time.
_WORD_TOKEN_RE = re.compile(r"(?<!\S)(?:[^\w\s]|_)*+[^\W_]\S*+")


def _word_starts(text: str) -> list[int]:
    return [m.start() for m in _WORD_TOKEN_RE.finditer(text)]


def count_words(text: str) -> int:
    """Words as a reader counts them: runs of non-space holding at least one letter or digit."""
    return len(_word_starts(text))


_BOUNDARY_RE = re.compile(r"[.!?]++(?=\s|$)|\n")


class _Sentences:
    """Sentence bounds by bisection over boundary offsets (one pass over the text)."""

    def __init__(self, low: str) -> None:
        self._low = low
        self._ends = [m.end() for m in _BOUNDARY_RE.finditer(low)]

    def bounds(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self._ends, pos)
        start = self._ends[i - 1] if i > 0 else 0
        end = self._ends[i] if i < len(self._ends) else len(self._low)
        return start, end

    def text(self, pos: int) -> str:
        start, end = self.bounds(pos)
        return self._low[start:end]


def _quote(text: str, start: int, end: int) -> str:
    phrase = " ".join(text[start:end].split())
    if len(phrase) > 60:
        phrase = phrase[:57].rstrip() + "…"
    return phrase


_CLAUSE_BREAK_RE = re.compile(r"[,;:.!?\n()\"]|\s-\s")
_NEGATION_RE = re.compile(r"\b(?:not|never|without)\b|n't\b|\bno\b(?!\s+(?:idea|doubt))")


def _negated(low: str, start: int) -> bool:
    """A negation earlier in the same clause: "I'm not looking for a job" is fine."""
    window = low[max(0, start - 50) : start]
    last = 0
    for m in _CLAUSE_BREAK_RE.finditer(window):
        last = m.end()
    return bool(_NEGATION_RE.search(window[last:]))


# ------------------------------------------------------------------------------ asks-for-job

_GAP = r"(?:[\w'&-]++\s++)"  # one word and the space after it
_JOBN = r"(?:jobs?|positions?|openings?|vacanc(?:y|ies)|internships?|postings?)"
_JOBR = r"(?:jobs?|positions?|roles?|openings?|vacanc(?:y|ies)|internships?|postings?)"
_DET = r"(?:the|a|an|this|that|your|any|one\s++of\s++(?:the|your))"
_RES = r"(?:r[eé]\u0301?sum[eé]\u0301?s?|cvs?|c\.v\.|curriculum\s++vitae)(?!\w)"
_TEAM = r"(?:team|company|firm|organi[sz]ation|department|group|lab|office|startup|agency)"

# (kind, keywords, pattern): a pattern runs only when one of its keywords is in the text,
# which keeps long texts fast; every keyword is a substring any match must contain.
_JOB_PATTERNS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    # Openings, vacancies and hiring.
    ("job", ("opening",), r"\b(?:(?:any|job|open|current|upcoming|available|new)\s++)?openings\b"),
    (
        "job",
        ("opening",),
        r"\b(?:an|any|job|the)\s++opening\b(?!\s++(?:keynote|talk|remarks?|session|night|act"
        r"|ceremony|address|panel|statement|line|day|week|of\b))",
    ),
    ("job", ("vacanc",), r"\bvacanc(?:y|ies)\b"),
    (
        "job",
        ("job", "position", "role", "internship"),
        r"\b(?:any|open|available|vacant)\s++(?:jobs|positions|roles|internships|job|position)\b",
    ),
    (
        "job",
        ("available", "open"),
        r"\b(?:jobs?|positions?|roles|internships?)\s++(?:available|open)\b(?!\s++to\b)",
    ),
    (
        "job",
        ("job", "position", "role", "opening", "vacanc", "internship", "posting"),
        rf"\b(?:a|an|any)\s++{_JOBR}\s++(?:on|in|at|with)\s++(?:your|the)\s++{_TEAM}\b",
    ),
    ("job", ("job",), r"\bjob\s++(?:postings?|posts?|ads?|adverts?|listings?)\b"),
    (
        "job",
        ("posted", "advertised", "listed"),
        rf"\b{_JOBR}\s++(?:you|your\s++team)(?:'ve|\s++have)?\s++(?:posted|advertised|listed)\b",
    ),
    (
        "job",
        ("hiring",),
        r"\b(?:are|is)\s++(?:(?!(?:on|about|of|for|in|with|to|like|around|the)\b)[\w'&-]++\s++)"
        r"{1,3}?hiring\b(?!\s++(?:process|practices?|trends?|landscape|market|like|managers?"
        r"|bar|freeze|season|works?))",
    ),
    (
        "job",
        ("hiring",),
        rf"\b(?:you|they|{_TEAM})(?:'re|'s|\s++are|\s++is)\s++"
        r"(?:currently\s++|still\s++|actively\s++)?hiring\b(?!\s++(?:process|practices?))",
    ),
    ("job", ("hiring",), r"\b(?:currently|actively|still)\s++hiring\b"),
    ("job", ("hiring",), r"\bhiring\s++(?:right\s++now|at\s++the\s++moment)\b"),
    ("job", ("hire",), r"\bhire\s++me\b"),
    (
        "job",
        ("hiring", "recruiter"),
        r"\b(?:connect|introduce|put|pass)\s++(?:me|my\s++\w+)\s++(?:\w+\s++){0,2}?(?:with|to)"
        r"\s++(?:the|a|your)\s++(?:hiring\s++managers?|recruiters?)\b",
    ),
    # Being considered, applying, interviewing for a role.
    ("job", ("considered",), r"\b(?:be|being|get|getting)\s++considered\s++for\b"),
    ("job", ("consider",), r"\bconsider(?:ing)?\s++me\s++for\b"),
    ("job", ("application", "candidacy"), r"\bmy\s++(?:application|candidacy)\b"),
    ("job", ("apply",), rf"\bapply(?:ing)?\s++(?:for|to)\s++{_DET}\s++{_GAP}{{0,3}}?{_JOBR}\b"),
    ("job", ("apply",), rf"\bapply(?:ing)?\s++(?:to|at|with)\s++your\s++{_TEAM}\b"),
    (
        "job",
        ("applied", "applying"),
        r"\bi(?:'ve|\s++have|'m|\s++am)?\s++(?:just\s++|recently\s++|already\s++)?"
        r"(?:applied|applying)\s++(?:for|to)\s++(?!(?:grad|graduate|school|university|college"
        r"|programs?|masters?|phd|a\s++master's|a\s++phd|the\s++master's)\b)",
    ),
    (
        "job",
        ("interview",),
        rf"\binterview(?:ed|ing)?\s++(?:me\s++)?for\s++{_DET}\s++{_GAP}{{0,3}}?{_JOBR}\b",
    ),
    (
        "job",
        ("interview",),
        r"\b(?:get|land|secure|arrange)\s++(?:me\s++)?an?\s++(?:job\s++)?interview\b",
    ),
    # Asking outright.
    (
        "job",
        ("ask", "hoping"),
        rf"\b(?:ask(?:ing)?|hoping)\s++(?:you\s++)?for\s++(?:a\s++|an\s++|any\s++)?"
        rf"(?:new\s++|full-time\s++|part-time\s++|paid\s++)?{_JOBR}\b",
    ),
    (
        "job",
        ("find", "get", "land", "secure", "obtain"),
        rf"\b(?:help\s++me|i(?:'m|\s++am)?\s++(?:hoping|trying|want|wanting|need|needing)\s++to"
        rf"|i(?:'d|\s++would)\s++like\s++to|hoping\s++to|trying\s++to)\s++"
        rf"(?:find|get|land|secure|obtain)\s++(?:a|an|any|my\s++next|a\s++new)\s++"
        rf"{_GAP}{{0,2}}?{_JOBR}\b",
    ),
    (
        "job",
        ("give", "offer"),
        rf"\b(?:give|offer)\s++me\s++(?:a|an|the)\s++{_GAP}{{0,2}}?{_JOBR}\b",
    ),
    ("job", ("join",), rf"\bjoin(?:ing)?\s++your\s++{_TEAM}\b(?!')"),
    ("job", ("interested",), rf"\binterested\s++in\s++{_DET}\s++{_GAP}{{0,3}}?{_JOBN}\b"),
    # Referrals for a position.
    (
        "referral",
        ("refer",),
        r"\b(?:(?:could|would|can|will|might)\s++you\s++(?:please\s++|possibly\s++|kindly\s++)?"
        r"|(?:willing|able|happy|open|kind\s++enough)\s++to\s++)refer\s++me\b"
        r"(?!\s++to\s++(?:anyone|someone|somebody|others?|people|colleagues?|a\s++colleague"
        r"|other\s++people|resources?|books?|a\s++book))",
    ),
    (
        "referral",
        ("refer",),
        rf"\brefer(?:ring)?\s++me\s++(?:for|to)\s++{_DET}\s++{_GAP}{{0,3}}?"
        rf"(?:{_JOBR}|hiring\s++managers?|recruiters?)\b",
    ),
    ("referral", ("put", "recommend"), r"\b(?:put|recommend)\s++me\s++(?:forward|for)\b"),
    (
        "referral",
        ("referral",),
        r"(?<!via\s)(?<!through\s)(?<!from\s)(?<!thanks\sto\s)"
        r"\b(?:a|an|your|employee|internal|job)\s++referral\b"
        r"(?!\s++(?:from|by|through|via|to\s++you))",
    ),
    ("referral", ("word",), r"\bput\s++in\s++a\s++(?:good\s++)?word\b"),
    # Résumés and CVs.
    (
        "resume",
        ("sum", "cv", "c.v", "curriculum"),
        r"\b(?:attach(?:ed|ing)?|enclos(?:ed|ing|e)|send(?:ing)?|sent|shar(?:e|ed|ing)"
        r"|forward(?:ed|ing)?|pass(?:ed|ing)?\s++(?:along|on)|includ(?:ed|ing|e)|find|see)\s++"
        r"(?:you\s++)?(?:is\s++|are\s++|here\s++)?(?:a\s++copy\s++of\s++)?"
        rf"(?:my|a|the|attached)\s++(?:updated\s++|current\s++|latest\s++|full\s++|attached\s++)?"
        rf"{_RES}",
    ),
    (
        "resume",
        ("sum", "cv", "c.v", "curriculum"),
        rf"\bmy\s++(?:updated\s++|current\s++|latest\s++|full\s++)?{_RES}",
    ),
    (
        "resume",
        ("sum", "cv", "c.v", "curriculum"),
        rf"\b{_RES}\s++(?:is\s++|are\s++)?(?:attached|enclosed|included|below)\b",
    ),
    # The job search itself.
    ("search", ("job",), r"\bmy\s++(?:current\s++)?job[- ]?(?:search|hunt)\b"),
    (
        "search",
        ("job",),
        r"\bi(?:'m|\s++am)\s++(?:currently\s++|actively\s++|now\s++)?"
        r"(?:job[- ]?(?:hunting|searching|seeking)|on\s++the\s++job\s++market|between\s++jobs)\b",
    ),
    (
        "search",
        ("looking", "searching", "hunting"),
        r"\b(?:looking|searching|hunting)\s++for\s++(?:a\s++|an\s++|my\s++next\s++|a\s++new\s++"
        r"|new\s++)?(?:jobs?|work|employment|positions?|roles?|opportunit(?:y|ies))(?![\w-])"
        r"(?!\s++(?:models?|to\s++(?:learn|grow|connect|talk|hear|meet|speak)))",
    ),
    (
        "search",
        ("next",),
        r"\blooking\s++for\s++(?:my|a|the)\s++next\s++(?:move|opportunity|challenge|step)\b",
    ),
    (
        "search",
        ("seeking",),
        r"\bseeking\s++(?:a\s++|new\s++)?(?:employment|jobs?|positions?|work)(?![\w-])",
    ),
    ("search", ("market",), r"\bin\s++the\s++(?:job\s++)?market\s++for\b"),
)
_JOB_RES = tuple((kind, keys, re.compile(pattern)) for kind, keys, pattern in _JOB_PATTERNS)

_JOB_MESSAGES = {
    "job": "Asks for a job (“{p}”): keep the request about learning; your search can come up "
    "in a later follow-up once there is a relationship (P8, P25).",
    "referral": "Asks for a referral (“{p}”): ask to learn from them, not to be put forward; "
    "introductions and leads grow out of the conversation (P8).",
    "resume": "Offers a résumé (“{p}”): leave it out of the request; bring it to the "
    "conversation and show it only if they ask (P8, P19).",
    "search": "Mentions your job search (“{p}”): keep it out of the request; a later "
    "follow-up may say you would welcome leads (P8, P25).",
}


def _spans(
    low: str, patterns: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...]
) -> list[tuple[int, int, str]]:
    """Non-overlapping, non-negated matches of the patterns, earliest first, longest on a tie."""
    hits: list[tuple[int, int, str]] = []
    for kind, keywords, regex in patterns:
        if not any(keyword in low for keyword in keywords):
            continue
        for m in regex.finditer(low):
            if not _negated(low, m.start()):
                hits.append((m.start(), m.end(), kind))
    hits.sort(key=lambda h: (h[0], -h[1]))
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in hits:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, kind))
    return kept


def _check_job(text: str, low: str) -> Iterator[Finding]:
    for start, end, kind in _spans(low, _JOB_RES)[:_MAX_FINDINGS_PER_RULE]:
        message = _JOB_MESSAGES[kind].format(p=_quote(text, start, end))
        yield Finding("asks-for-job", "error", message, start, end)


# ------------------------------------------------------------------------------- no-time-ask


def _word_list(text: str) -> list[str]:
    return text.split()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SMALL = _word_list(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
)
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_NUMBER_WORDS = {word: float(i) for i, word in enumerate(_SMALL)}
_NUMBER_WORDS.update(
    {"a": 1.0, "an": 1.0, "a full": 1.0, "a couple": 2.0, "a couple of": 2.0, "a few": 3.0}
)
_NUMBER_WORDS.update({"few": 3.0, "several": 4.0})
_NUM = (
    r"(?:\d{1,4}(?:\.\d{1,2})?|(?:"
    + "|".join(_TENS)
    + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?\b|(?:"
    + "|".join(sorted(_SMALL[1:], key=len, reverse=True))
    + r")\b)"
)
_HALF = r"(?:\s++and\s++a\s++half|\s*+½)"
_DURATION_RE = re.compile(
    r"(?<![\w.:,/])(?:"
    r"(?P<quarter>(?:(?P<three>three)[- ])?quarters?\s*+(?:of\s++an\s++|-\s*+)?hours?\b)"
    r"|(?P<half>half\s*+(?:an\s++|-\s*+)?hours?\b)"
    rf"|(?P<ha>{_NUM}{_HALF}?|a\s++couple(?:\s++of)?|a\s++few|several|few|an?(?:\s++full)?)"
    rf"(?:\s*+(?:-|to|or)\s*+(?P<hb>{_NUM}){_HALF}?)?"
    r"\s*+-?\s*+(?P<hunit>hours?|hrs?|h)(?![a-z])"
    rf"(?P<hhalf>{_HALF})?"
    r"(?:\s++or\s++(?P<hc>two|three|2|3)\b)?"
    rf"|(?P<ma>{_NUM})(?:\s*+(?:-|to|or|and|/)\s*+(?P<mb>{_NUM}))?\s*+-?\s*+(?:minutes?|mins?)"
    r"(?![a-z])"
    r")"
)
_VAGUE_TIME_RE = re.compile(
    r"\b(?:a\s++(?:few|couple(?:\s++of)?)\s++(?:minutes|moments)|a\s++(?:moment|minute)\b"
    r"|a\s++(?:bit|little)\s++of\s++your\s++time|(?:have|spare|find|for|take)\s++some\s++"
    r"(?:of\s++your\s++)?time|a\s++little\s++(?:of\s++your\s++)?time|a\s++(?:quick|short"
    r"|brief|casual)\s++(?:chat|call|conversation|meeting|coffee|talk|word|catch-up|zoom)"
    r"|(?:grab|get)\s++(?:a\s++)?coffee|briefly)\b"
)
_WORD_RE = re.compile(r"[a-z']+")
_POSSESSIVES = frozenset({"your", "his", "her", "their", "its"})
_DEMONSTRATIVES = frozenset({"the", "this", "that"})
_EVENTS = _words(
    "talk keynote panel workshop presentation webinar podcast episode lecture video class "
    "course tutorial demo read guide session segment speech"
)
_NOT_AN_ASK_BEFORE = _words(
    "within after before every each per spent spend spending spends lasted worked working "
    "drove walked flew commute"
)
_NOT_AN_ASK_AFTER = _words(
    "ago later earlier away drive commute flight walk ride train shift shifts from per "
    "each every behind ahead late early"
)
_REQUEST_CUE_RE = re.compile(
    r"\b(?:you|your|we|us|chat|call|talk|speak|conversation|coffee|meet|meeting|zoom|video"
    r"|phone|grateful|appreciate|love|like|possible|available|spare|free|time|would|could|can"
    r"|may|might|happy|ask|learn|hear|need)\b"
)


@dataclass(frozen=True)
class _Duration:
    start: int
    end: int
    minutes: float  # upper bound


def _number(word: str) -> float:
    word = " ".join(word.split())
    half = 0.0
    if word.endswith("½"):
        word, half = word[:-1].strip(), 0.5
    if word.endswith(" and a half"):
        word, half = word[: -len(" and a half")], 0.5
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word] + half
    try:
        return float(word) + half
    except ValueError:
        pass
    parts = word.replace("-", " ").split()
    total = sum(_TENS.get(p, _NUMBER_WORDS.get(p, 0.0)) for p in parts)
    return total + half


def _duration_value(m: re.Match[str]) -> float:
    if m.group("quarter"):
        return 45.0 if m.group("three") else 15.0
    if m.group("half"):
        return 30.0
    if m.group("hunit"):
        values = [_number(m.group("ha"))]
        if m.group("hb"):
            values.append(_number(m.group("hb")))
        if m.group("hc"):
            values.append(_number(m.group("hc")))
        extra = 0.5 if m.group("hhalf") else 0.0
        return (max(values) + extra) * 60
    values = [_number(m.group("ma"))]
    if m.group("mb"):
        values.append(_number(m.group("mb")))
    return max(values)


def _durations(low: str, sentences: _Sentences) -> list[_Duration]:
    """Durations the writer is asking for (not their 45-minute talk or a 2-hour commute)."""
    found: list[_Duration] = []
    for m in _DURATION_RE.finditer(low):
        if m.group("hunit") == "h" and not m.group("ha")[:1].isdigit():
            continue
        before = _WORD_RE.findall(low[max(0, m.start() - 40) : m.start()])[-2:]
        after = _WORD_RE.findall(low[m.end() : m.end() + 40])[:1]
        if before and before[-1] in _POSSESSIVES:
            continue
        if before and before[-1] in _DEMONSTRATIVES and after and after[0] in _EVENTS:
            continue
        if any(w in _NOT_AN_ASK_BEFORE for w in before):
            continue
        if after and after[0] in _NOT_AN_ASK_AFTER:
            continue
        if not _REQUEST_CUE_RE.search(sentences.text(m.start())):
            continue
        found.append(_Duration(m.start(), m.end(), _duration_value(m)))
    return found


def _check_time(text: str, low: str, durations: list[_Duration]) -> Iterator[Finding]:
    if not durations:
        vague = _VAGUE_TIME_RE.search(low)
        if vague:
            phrase = _quote(text, vague.start(), vague.end())
            yield Finding(
                "no-time-ask",
                "error",
                f"The time ask (“{phrase}”) is not specific: name a short duration, for "
                "example “Would you have 15–20 minutes …?” (P7).",
                vague.start(),
                vague.end(),
            )
        else:
            yield Finding(
                "no-time-ask",
                "error",
                "No specific time asked: say how long you need, for example “Would you have "
                "15–20 minutes …?” — a small, clear ask is easy to say yes to (P7).",
                None,
                None,
            )
        return
    long_asks = [d for d in durations if d.minutes > LONGEST_TIME_ASK]
    for d in long_asks[:_MAX_FINDINGS_PER_RULE]:
        phrase = _quote(text, d.start, d.end)
        yield Finding(
            "no-time-ask",
            "warning",
            f"Asks for “{phrase}”, more than 30 minutes: ask for 15–20 minutes and go longer "
            "only if they offer; then keep to what they agreed (P7, P14).",
            d.start,
            d.end,
        )


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


# ----------------------------------------------------------------------------------- entry


def lint_outreach(text: str, channel: Channel = "email") -> OutreachReport:
    """Check a request message against the playbook; findings are ordered by rule."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}; expected one of {', '.join(CHANNELS)}")
    low = _fold(text)
    sentences = _Sentences(low)
    starts = _word_starts(text)
    durations = _durations(low, sentences)
    findings = [
        *_check_length(text, channel, starts),
        *_check_job(text, low),
        *_check_time(text, low, durations),
        *_check_context(low),
        *_check_why_them(text, low),
        *_check_question(text, low, sentences, durations),
    ]
    return OutreachReport(words=len(starts), characters=len(text.strip()), findings=tuple(findings))
