"""P18: a short overview of yourself and your objectives, timed as spoken.

A good pitch takes 30 to 60 seconds to say aloud: who you are, what you are exploring, and why you
asked this person. Speaking time is estimated at ``WORDS_PER_MINUTE``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "PITCH_MAX_SECONDS",
    "PITCH_MIN_SECONDS",
    "WORDS_PER_MINUTE",
    "PitchCheck",
    "check_pitch",
    "count_words",
    "spoken_seconds",
]

WORDS_PER_MINUTE = 130  # an unhurried speaking pace
PITCH_MIN_SECONDS = 30
PITCH_MAX_SECONDS = 60

_TOKEN = re.compile(r"\S+")
_HAS_WORD_CHARACTER = re.compile(r"\w")


def count_words(text: str) -> int:
    """Words as spoken: whitespace-separated tokens holding a letter or digit (a lone dash or
    bullet is not a word; "long-term" and "I'm" are one word each)."""
    return sum(1 for token in _TOKEN.findall(text) if _HAS_WORD_CHARACTER.search(token))


def _seconds_for(words: int) -> int:
    # words * 60 / WORDS_PER_MINUTE, rounded half up, in integers.
    return (words * 60 * 2 + WORDS_PER_MINUTE) // (WORDS_PER_MINUTE * 2)


def spoken_seconds(text: str) -> int:
    """About how many seconds ``text`` takes to say aloud, at ``WORDS_PER_MINUTE``."""
    return _seconds_for(count_words(text))


@dataclass(frozen=True)
class PitchCheck:
    words: int
    seconds: int
    verdict: Literal["short", "good", "long"]
    message: str


def check_pitch(text: str) -> PitchCheck:
    """Check a pitch against the 30-60 second target (P18)."""
    words = count_words(text)
    seconds = _seconds_for(words)
    about = f"About {seconds} seconds ({words} {'word' if words == 1 else 'words'})"
    target = f"aim for {PITCH_MIN_SECONDS} to {PITCH_MAX_SECONDS} seconds"
    if words == 0:
        return PitchCheck(
            words,
            seconds,
            "short",
            f"The pitch is empty; write who you are and what you are exploring, and {target} "
            "(P18).",
        )
    if seconds < PITCH_MIN_SECONDS:
        return PitchCheck(
            words,
            seconds,
            "short",
            f"{about}: a little short; {target}. Say who you are, what you are exploring and "
            "why you asked them (P18).",
        )
    if seconds > PITCH_MAX_SECONDS:
        return PitchCheck(
            words,
            seconds,
            "long",
            f"{about}: too long; {target}. Keep who you are, what you are exploring and why "
            "you asked them, and cut the rest (P18).",
        )
    return PitchCheck(
        words,
        seconds,
        "good",
        f"{about}: a good length, within {PITCH_MIN_SECONDS} to {PITCH_MAX_SECONDS} seconds (P18).",
    )
