"""Small formatting helpers for the preparation pages."""

from __future__ import annotations

from collections.abc import Mapping

from django import template

from coffeechat.playbook.googleable import GoogleableVerdict, check_question
from coffeechat.playbook.placeholders import fill_placeholders

register = template.Library()


@register.filter
def minutes(value: float) -> str:
    """4.0 -> "4", 3.5 -> "3.5": minutes as people say them."""
    return f"{round(float(value), 2):g}"


@register.filter
def googleable(text: str) -> GoogleableVerdict:
    """Whether a web search would answer this question, and why (P2, P16)."""
    return check_question(text)


@register.filter
def filled(text: str, values: Mapping[str, str]) -> str:
    """A bank question with its placeholders filled for this interview (P16)."""
    return fill_placeholders(text, values)
