"""Each crash the fuzzers found, pinned as a plain example (docs/reliability.md, "Fuzzing")."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from coffeechat import env
from coffeechat.interviews.calendar import zone_of
from coffeechat.interviews.scheduling import local_datetime
from coffeechat.people.models import Person
from coffeechat.portability.importer import run_import
from coffeechat.portability.records import ImportProblem
from coffeechat.prep.models import Question
from tests.factories import InterviewFactory, PersonFactory

EXPORT = {"format": "coffeechat", "version": 1}


def _import_json(user: User, document: object) -> ImportProblem:
    with pytest.raises(ImportProblem) as refused:
        run_import(user, "json", json.dumps(document).encode(), "export.json")
    return refused.value


def test_json_nested_ten_thousand_deep_is_refused(owner: User) -> None:
    with pytest.raises(ImportProblem) as refused:
        run_import(owner, "json", b"[" * 10_000 + b"]" * 10_000, "export.json")
    assert refused.value.message == "the JSON is nested too deeply to be a coffeechat export."


def test_json_with_a_list_where_a_date_goes_names_the_field(owner: User) -> None:
    person = {"id": 1, "name": "Ann", "relationship_since": [1]}
    problem = _import_json(owner, {**EXPORT, "people": [person]})
    assert problem.field == "people[0].relationship_since"
    assert problem.message == "[1] is not a value this field holds."


def test_json_with_a_null_creation_time_is_stamped_now(owner: User) -> None:
    person = {"id": 1, "name": "Ann", "created_at": None}
    run_import(owner, "json", json.dumps({**EXPORT, "people": [person]}).encode(), "e.json")
    assert Person.objects.get(owner=owner).created_at is not None


def test_json_with_nan_minutes_names_the_field_and_writes_nothing(owner: User) -> None:
    question = {"id": 1, "text": "Why?", "minutes": float("nan")}
    problem = _import_json(owner, {**EXPORT, "questions": [question]})
    assert (problem.field, problem.message) == (
        "questions[0].minutes",
        "nan is not a number that can be stored.",
    )
    assert Question.objects.filter(owner=owner, key="").count() == 0


def test_json_with_a_nul_character_names_the_field(owner: User) -> None:
    problem = _import_json(owner, {**EXPORT, "people": [{"id": 1, "name": "A\x00nn"}]})
    assert problem.field == "people[0].name"
    assert problem.message == "holds a NUL character (\\u0000), which no text can store."


def test_a_utf16_csv_holding_a_nul_is_refused_naming_its_line(owner: User) -> None:
    data = "First Name,Last Name,Connected On\r\nAnn,\x00,\r\n".encode("utf-16")
    with pytest.raises(ImportProblem) as refused:
        run_import(owner, "linkedin", data, "Connections.csv")
    assert (refused.value.line, refused.value.message) == (
        2,
        "the file holds binary data, not text.",
    )


def test_a_slot_in_year_one_is_refused_not_a_500(owner: User, owner_client: Client) -> None:
    interview = InterviewFactory(owner=owner)
    data = {"time_zone": "Asia/Tokyo", "slot_1": "0001-01-01T00:00", "duration": "20"}
    response = owner_client.post(f"/interviews/{interview.pk}/schedule/", {**data, "mode": "video"})
    assert response.status_code == 200
    assert "Enter a date between the years 1900 and 2999." in response.text


def test_a_wall_clock_time_at_the_calendars_edge_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="is too far from today"):
        local_datetime(datetime.min, "Asia/Tokyo")


def test_a_time_zone_name_too_long_for_a_file_name_is_utc() -> None:
    assert zone_of("0" * 300) == UTC


@pytest.mark.parametrize("number", ["²", "9" * 5_000, "9" * 25])
def test_a_hand_typed_number_in_a_query_string_is_ignored(
    owner: User, owner_client: Client, number: str
) -> None:
    PersonFactory(owner=owner, name="Ann Lee")
    response = owner_client.get("/people/", {"organization": number})
    assert response.status_code == 200
    assert "Ann Lee" in response.text


@pytest.mark.parametrize("number", ["²", "9" * 5_000])
def test_a_hand_typed_number_in_live_mode_is_refused_not_a_500(
    owner: User, owner_client: Client, number: str
) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_client.post(
        f"/interviews/{interview.pk}/live/note/",
        {"entry": number, "notes": "x"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 422
    assert response.json() == {"errors": {"entry": ["Which question is this note for?"]}}


def test_a_database_url_with_a_broken_ipv6_host_names_the_variable() -> None:
    with pytest.raises(ImproperlyConfigured, match=r"^DATABASE_URL='postgres://\[::1/db' is not"):
        env.database_config("postgres://[::1/db", Path("unused.sqlite3"))


def test_a_database_url_with_a_port_out_of_range_names_the_variable() -> None:
    with pytest.raises(ImproperlyConfigured, match="has an invalid port"):
        env.database_config("postgres://host:99999/db", Path("unused.sqlite3"))
