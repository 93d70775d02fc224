"""Fuzzing the times and durations people type when scheduling: a time, a clear error, or
nothing (a date LinkedIn wrote in a form it doesn't use), never a crash."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.core.exceptions import ValidationError
from hypothesis import strategies as st

from coffeechat.core.timezones import time_zone_names
from coffeechat.interviews.schedule_forms import LocalDateTimeField
from coffeechat.interviews.scheduling import local_datetime
from coffeechat.playbook.timing import parse_duration_minutes
from coffeechat.portability.linkedin import parse_date
from tests.security.fuzzing import SUITE_EXAMPLES, Target, attempt, run, text, words

DURATION_WORDS = ["1", "15", "20", "90", "0", "-5", "00", "9" * 30, "h", "hr", "hours", "m",
                  "min", "minutes", ":", "30", "60", " ", "½", "١٥", "1.5", "e3"]  # fmt: skip
DATE_WORDS = ["2027", "0001-01-01T00:00", "9999-12-31 23:59", "03", "16", "-", "T", " ", ":",
              "10", "00", "24", "60", "0001", "9999", "+01:00", "Z", ".", "123456", "W01", "Jan",
              "31", "February", "２０２７"]  # fmt: skip
# The calendar's ends, where adding a time zone's offset overflows.
EDGES = st.sampled_from([datetime.min, datetime.max, datetime(1, 1, 1, 5), datetime(9999, 12, 31)])
ZONES = st.one_of(st.sampled_from(sorted(time_zone_names())), text)


def duration(value: str) -> None:
    minutes, error = attempt(lambda: parse_duration_minutes(value), ValueError)
    assert minutes > 0 if error is None else str(error)  # a message to show by the field


def wall_clock(value: str) -> None:
    parsed, error = attempt(lambda: LocalDateTimeField().to_python(value), ValidationError)
    if isinstance(error, ValidationError):
        assert error.code in ("invalid", "out_of_range")
    else:
        assert parsed is None or parsed.tzinfo is None


def in_zone(case: tuple[datetime, str]) -> None:
    wall, zone = case
    aware, error = attempt(lambda: local_datetime(wall, zone), ValueError)
    if error is not None:
        assert "does not exist" in str(error) or "too far" in str(error)
    else:
        assert aware.tzinfo is not None


def linkedin_date(value: str) -> None:
    parse_date(value)  # a date or None


TARGETS = [
    Target("duration typed", st.one_of(text, words(DURATION_WORDS, max_size=6)), duration),
    Target("date and time typed", st.one_of(text, words(DATE_WORDS, max_size=8)), wall_clock),
    Target("time in a zone", st.tuples(st.one_of(st.datetimes(), EDGES), ZONES), in_zone),
    Target(
        "LinkedIn's connected-on date",
        st.one_of(text, words(DATE_WORDS, max_size=6)),
        linkedin_date,
    ),
]


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_any_time_typed_gets_a_time_or_a_clear_error(target: Target) -> None:
    assert run(target, SUITE_EXAMPLES) >= SUITE_EXAMPLES
