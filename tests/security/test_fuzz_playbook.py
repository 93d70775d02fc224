"""Fuzzing the pure rules that read what people type: the outreach lint, the googleable check,
the pitch timer and the question placeholders. Any text: a report, never an exception."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import strategies as st

from coffeechat.playbook.googleable import GoogleableVerdict, check_question, check_questions
from coffeechat.playbook.outreach import CHANNELS, lint_outreach
from coffeechat.playbook.pitch import check_pitch
from coffeechat.playbook.placeholders import fill_placeholders
from tests.security.fuzzing import SUITE_EXAMPLES, Target, run, text, words

OUTREACH_WORDS = [
    "Hi", "I", "I'm", "not", "asking", "for", "a", "job", "opening", "openings", "position",
    "referral", "résumé", "resume", "CV", "attached", "hiring", "15", "20", "30", "45", "minutes",
    "min", "mins", "an", "hour", "1h", "half", "quarter", "coffee", "call", "chat", "talk", "?",
    "would", "you", "have", "could", "we", "met", "at", "alumni", "your", "talk", "on", "work",
    "team", "role", "learn", "about", "–", "—", "(", ")", "'", '"', "!", ":", "…", "½", "٣٠",
]  # fmt: skip
QUESTION_WORDS = [
    "What", "When", "Who", "How", "many", "much", "was", "is", "founded", "founder", "CEO",
    "headquarters", "revenue", "acquired", "public", "stock", "board", "funding", "Series", "A",
    "your", "you", "day", "like", "did", "get", "{organization}", "{topic}", "?", "Inc.", "Ltd",
    "'s", "’s", "Google", "Acme", "2019", "in", "the", "of",
]  # fmt: skip


def lint(case: tuple[str, str]) -> None:
    message, channel = case
    report = lint_outreach(message, channel)  # type: ignore[arg-type]
    assert report.words >= 0
    for finding in report.findings:
        if finding.start is not None and finding.end is not None:
            assert 0 <= finding.start <= finding.end <= len(message)


def lint_unknown_channel(channel: str) -> None:
    if channel in CHANNELS:
        return
    with pytest.raises(ValueError, match="unknown channel"):
        lint_outreach("Hello", channel)  # type: ignore[arg-type]


def googleable(question: str) -> None:
    verdict = check_question(question)
    assert isinstance(verdict, GoogleableVerdict)
    assert verdict.reason or not verdict.googleable


def googleable_lines(lines: list[str]) -> None:
    assert len(check_questions(lines)) <= len(lines)


def pitch(value: str) -> None:
    check = check_pitch(value)
    assert check.verdict in ("short", "good", "long")


def placeholders(case: tuple[str, dict[str, Any]]) -> None:
    value, values = case
    assert isinstance(fill_placeholders(value, values), str)


TARGETS = [
    Target(
        "outreach lint",
        st.tuples(st.one_of(text, words(OUTREACH_WORDS)), st.sampled_from(CHANNELS)),
        lint,
    ),
    Target("outreach lint, unknown channel", text, lint_unknown_channel),
    Target("googleable check", st.one_of(text, words(QUESTION_WORDS, max_size=25)), googleable),
    Target("googleable check, many lines", st.lists(text, max_size=10), googleable_lines),
    Target("pitch timer", st.one_of(text, words(OUTREACH_WORDS, max_size=200)), pitch),
    Target(
        "question placeholders",
        st.tuples(
            st.one_of(text, words([*QUESTION_WORDS, "{", "}", "{their_role}", "{x}", "{0}"])),
            st.dictionaries(
                st.sampled_from(["organization", "their_role", "topic", "their_work", "x"]),
                st.one_of(text, st.none(), st.integers()),
            ),
        ),
        placeholders,
    ),
]


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_any_text_gets_an_answer_not_an_exception(target: Target) -> None:
    assert run(target, SUITE_EXAMPLES) >= SUITE_EXAMPLES
