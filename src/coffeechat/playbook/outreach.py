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

from coffeechat.playbook.outreach_checks import (
    _check_context,
    _check_length,
    _check_question,
    _check_why_them,
)
from coffeechat.playbook.outreach_job import _check_job
from coffeechat.playbook.outreach_text import (
    CHANNELS,
    LONGEST_TIME_ASK,
    NOTE_CHARACTERS,
    RULES,
    WORDS_ERROR,
    WORDS_WARNING,
    Channel,
    Finding,
    OutreachReport,
    Rule,
    _fold,
    _Sentences,
    _word_starts,
    count_words,
)
from coffeechat.playbook.outreach_time import _check_time, _durations

__all__ = [
    "CHANNELS",
    "LONGEST_TIME_ASK",
    "NOTE_CHARACTERS",
    "RULES",
    "WORDS_ERROR",
    "WORDS_WARNING",
    "Channel",
    "Finding",
    "OutreachReport",
    "Rule",
    "count_words",
    "lint_outreach",
]


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
