"""Fuzz targets shared by the test suite (a few hundred examples each) and ``scripts/fuzz.py``
(as many as asked for): a strategy of hostile input and the property every input must keep.

A property fails only with an exception that is not the code's own clear error: a parser's
``ImportProblem``, a form's ``ValidationError``, the documented ``ValueError`` of a pure rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Examples per target in the test suite: enough to find the easy crashes, fast enough for CI.
SUITE_EXAMPLES = 300


@dataclass(frozen=True)
class Target:
    name: str
    strategy: st.SearchStrategy[Any]
    check: Callable[[Any], None]
    needs_database: bool = False


def attempt(call: Callable[[], Any], *errors: type[Exception]) -> tuple[Any, Exception | None]:
    """What ``call`` answers, or the expected error it raised (anything else propagates)."""
    try:
        return call(), None
    except errors as error:
        return None, error


def run(target: Target, examples: int, *, seed: int | None = None) -> int:
    """Run ``target`` on ``examples`` generated inputs; answers how many cases ran."""
    cases = 0

    def counted(value: Any) -> None:
        nonlocal cases
        cases += 1
        target.check(value)

    test = settings(
        max_examples=examples,
        deadline=None,
        database=None,  # every run explores afresh; failures print their input
        derandomize=seed is not None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )(given(target.strategy)(counted))
    test()
    return cases


# ------------------------------------------------------------------------------ strategies

# Text as people paste it: any Unicode, plus runs of the characters parsers split on.
HOSTILE_CHARACTERS = "\r\n\t\x00\x0b\x0c\x1c\x85\u2028\u2029\ufeff\u202e\"',;:=<>{}[]\\%@+-#&"
text = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(HOSTILE_CHARACTERS) | st.characters(), max_size=200),
)


def words(vocabulary: list[str], *, max_size: int = 40) -> st.SearchStrategy[str]:
    """Sentences from a vocabulary that reaches the rules, with hostile glue between words."""
    glue = st.sampled_from([" ", " ", " ", ", ", ". ", "? ", "\n", "\r\n", "\u00a0", "-", ""])
    return st.lists(st.tuples(st.sampled_from(vocabulary), glue), max_size=max_size).map(
        lambda parts: "".join(word + sep for word, sep in parts)
    )


def encoded(texts: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """Text as a file: UTF-8 with or without a byte-order mark, UTF-16, or a legacy code page."""

    def encode(pair: tuple[str, str]) -> bytes:
        value, encoding = pair
        if encoding == "utf-8-sig":
            return b"\xef\xbb\xbf" + value.encode("utf-8", "surrogatepass")
        return value.encode(encoding, "replace")

    encodings = st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"])
    return st.one_of(st.tuples(texts, encodings).map(encode), st.binary(max_size=400))
