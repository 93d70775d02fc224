"""Time zone names and the validator every model and schema uses."""

from __future__ import annotations

import zoneinfo
from functools import cache

from django.core.exceptions import ValidationError


@cache
def time_zone_names() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones() - {"localtime", "Factory"}))


def validate_time_zone(value: str) -> None:
    if value and value not in _names_set():
        raise ValidationError(
            "%(value)s is not a known time zone; use a name like Europe/Paris or America/Toronto.",
            params={"value": value},
            code="invalid_time_zone",
        )


@cache
def _names_set() -> frozenset[str]:
    return frozenset(time_zone_names())
