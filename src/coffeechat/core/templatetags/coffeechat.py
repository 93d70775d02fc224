from __future__ import annotations

from django import template

from coffeechat.interviews.models import Stage
from coffeechat.people.models import Person

register = template.Library()


@register.filter
def stage_label(value: str) -> str:
    try:
        return str(Stage(value).label)
    except ValueError:
        return value


@register.filter
def channel_advice(person: Person) -> str:
    from coffeechat.outreach.services import channel_advice as advice

    return advice(person)


@register.simple_tag
def smtp_configured() -> bool:
    """Whether mail goes out through a real server (EMAIL_URL), so "send" buttons make sense."""
    from coffeechat.outreach.views import smtp_configured as configured

    return configured()
