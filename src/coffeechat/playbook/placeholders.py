"""Placeholders that make a prepared question read as written for this person (P16).

A bank question may hold ``{organization}``, ``{their_role}``, ``{topic}`` and ``{their_work}``.
Values read best as noun phrases that fit after a preposition, for example::

    organization  "Northwind Health"
    their_role    "the product manager role"
    topic         "urban planning"
    their_work    "the talk on transit data"

A missing or blank value falls back to a natural phrase ("your organization", "your role",
"this field", "your recent work"), so a plan still reads well before the research is done.
Unknown names such as ``{x}`` and stray braces are left exactly as they are. Nothing here raises.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDERS: tuple[str, ...] = ("organization", "their_role", "topic", "their_work")

FALLBACKS: Mapping[str, str] = {
    "organization": "your organization",
    "their_role": "your role",
    "topic": "this field",
    "their_work": "your recent work",
}

# One identifier between braces; no nested quantifiers, so matching is linear in the text.
_PLACEHOLDER_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
# Where a fallback starts a sentence it gets a capital letter: "Your organization ...".
_SENTENCE_END_RE = re.compile(r"(?:^|[.!?]\s+)$")


def placeholders_in(text: str) -> set[str]:
    """Every ``{name}`` in the text, known or not (compare with PLACEHOLDERS to spot typos)."""
    given: object = text  # callers outside the type checker may pass anything
    if not isinstance(given, str):
        return set()
    return {match.group(1) for match in _PLACEHOLDER_RE.finditer(given)}


def _clean_value(values: Mapping[str, str], name: str) -> str:
    try:
        value = values.get(name)
    except Exception:  # a hostile mapping must not break a plan
        return ""
    if not isinstance(value, str):
        return ""
    return " ".join(value.split())


def _starts_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - 3) : position]
    return position == 0 or bool(_SENTENCE_END_RE.search(before))


def fill_placeholders(text: str, values: Mapping[str, str]) -> str:
    """Fill the known placeholders; blank or missing values become natural fallbacks.

    >>> fill_placeholders("What surprised you at {organization}?", {})
    'What surprised you at your organization?'
    >>> fill_placeholders("Why {x} and {topic}?", {"topic": "ecology"})
    'Why {x} and ecology?'
    """
    given_text: object = text  # callers outside the type checker may pass anything
    given_values: object = values
    if not isinstance(given_text, str):
        return ""
    if not isinstance(given_values, Mapping):
        values = {}

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in FALLBACKS:
            return match.group(0)
        value = _clean_value(values, name)
        if value:
            return value
        fallback = FALLBACKS[name]
        if _starts_sentence(text, match.start()):
            return fallback[:1].upper() + fallback[1:]
        return fallback

    return _PLACEHOLDER_RE.sub(replace, text)
