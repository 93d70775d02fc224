from __future__ import annotations

from django import template

from coffeechat.interviews.models import Stage

register = template.Library()


@register.filter
def stage_label(value: str) -> str:
    try:
        return str(Stage(value).label)
    except ValueError:
        return value
