"""Fuzzing the other places that read typed text: numbers in query strings and forms, email and
phone lists, question tags, the plan's new order, the scheduling form, and the two settings
written as URLs. Each answers a value or its own clear error."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ImproperlyConfigured, ValidationError
from hypothesis import strategies as st

from coffeechat import env
from coffeechat.core.http import whole_number
from coffeechat.core.timezones import time_zone_names, validate_time_zone
from coffeechat.core.validators import validate_email_list, validate_phone_list
from coffeechat.interviews.models import Interview
from coffeechat.interviews.schedule_forms import ScheduleForm
from coffeechat.prep.forms import QuestionForm, ReorderForm
from tests.factories import InterviewFactory, UserFactory
from tests.security.fuzzing import SUITE_EXAMPLES, Target, attempt, run, text, words

NUMBER_WORDS = ["0", "1", "42", "9" * 19, "9" * 5000, "²", "١٢", "-1", "+1", " ", "1e3", "0x1"]
URL_WORDS = ["postgres://", "postgresql://", "sqlite:///", "sqlite:////", "smtp://", "smtps://",
             "smtp+tls://", "console:", "user", ":", "pass", "@", "host", "[::1", "[::1]", "]",
             "99999", "0", "/", "db", "?", "sslmode=require", "&", "%zz", "%41", "#"]  # fmt: skip
SLOT_WORDS = ["2027-03-16", "T", " ", "10:00", "0001-01-01T00:00", "9999-12-31T23:59", "25:61"]


def number(raw: str) -> None:
    value = whole_number(raw)
    assert value is None or 0 <= value < 2**63


def _validation_only(validate: Any) -> Any:
    def check(value: Any) -> None:
        _, error = attempt(lambda: validate(value), ValidationError)
        assert error is None or str(error)

    return check


def question_tags(raw: str) -> None:
    user = User.objects.get(username="fuzz")
    form = QuestionForm({"text": "What?", "category": "role", "tiara": "insights",
                         "phase": "questions", "minutes": "1.5", "tags": raw})  # fmt: skip
    form.instance.owner = user
    form.is_valid()


def reorder(raw: str) -> None:
    form = ReorderForm({"order": raw})
    if form.is_valid():
        assert len(form.cleaned_data["order"]) <= 40


def schedule(data: dict[str, str]) -> None:
    interview = Interview.objects.get(owner__username="fuzz")
    form = ScheduleForm(data, interview=interview, user_time_zone="Europe/Paris")
    if form.is_valid():
        form.check(now=interview.created_at, request_sent_at=None)
        form.proposal_text()


def database_url(url: str) -> None:
    unused = Path(tempfile.gettempdir()) / "unused.sqlite3"
    _, error = attempt(lambda: env.database_config(url, unused), ImproperlyConfigured)
    assert error is None or "DATABASE_URL" in str(error)


def email_url(url: str) -> None:
    _, error = attempt(lambda: env.email_config(url), ImproperlyConfigured)
    assert error is None or "EMAIL_URL" in str(error)


schedule_data = st.fixed_dictionaries(
    {},
    optional={
        "time_zone": st.one_of(st.sampled_from(sorted(time_zone_names())), text),
        "slot_1": st.one_of(text, words(SLOT_WORDS, max_size=4)),
        "slot_2": st.one_of(text, words(SLOT_WORDS, max_size=4)),
        "duration": st.sampled_from(["15", "20", "30", "other", "x", ""]),
        "duration_other": st.one_of(text, words(NUMBER_WORDS, max_size=4)),
        "longer_agreed": st.sampled_from(["on", ""]),
        "mode": st.sampled_from(["video", "phone", "cafe", "workplace", "x"]),
        "location": text,
        "video_url": st.one_of(text, st.just("javascript:alert(1)")),
    },
)

lists = st.one_of(st.lists(text, max_size=4), text)
TARGETS = [
    Target("a number typed", st.one_of(text, words(NUMBER_WORDS, max_size=3)), number),
    Target("email list", lists, _validation_only(validate_email_list)),
    Target("phone list", lists, _validation_only(validate_phone_list)),
    Target("time zone name", text, _validation_only(validate_time_zone)),
    Target("question tags", st.one_of(text, words([",", "a", "x" * 41])), question_tags, True),
    Target("plan order", st.one_of(text, words([*NUMBER_WORDS, ","], max_size=60)), reorder),
    Target("scheduling form", schedule_data, schedule, True),
    Target("DATABASE_URL", st.one_of(text, words(URL_WORDS, max_size=10)), database_url),
    Target("EMAIL_URL", st.one_of(text, words(URL_WORDS, max_size=10)), email_url),
]


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_any_typed_text_gets_a_value_or_a_clear_error(target: Target, db: None) -> None:
    InterviewFactory(owner=UserFactory(username="fuzz"))
    assert run(target, SUITE_EXAMPLES) >= SUITE_EXAMPLES
