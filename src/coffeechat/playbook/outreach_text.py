"""The shared parts of the outreach lint: channels, rules, findings and text helpers."""

from __future__ import annotations

import re
from bisect import bisect_right
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
