"""The ``no-time-ask`` rule: a request names a specific, short duration (P7, P14)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from coffeechat.playbook.outreach_text import (
    _MAX_FINDINGS_PER_RULE,
    LONGEST_TIME_ASK,
    Finding,
    _quote,
    _Sentences,
)

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
