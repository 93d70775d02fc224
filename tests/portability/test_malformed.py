"""A malformed file imports nothing and says what is wrong: file, line and field."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from coffeechat.portability.importer import run_import
from coffeechat.portability.records import ImportProblem
from tests.factories import PersonFactory
from tests.portability.conftest import fixture, row_counts

pytestmark = pytest.mark.django_db


def problem_of(user: User, kind: str, data: bytes, name: str = "file") -> ImportProblem:
    """The problem the import raises; the database must be exactly as before."""
    PersonFactory(owner=user, name="Already Here", emails=["amara@northwind.example"])
    before = row_counts()
    with pytest.raises(ImportProblem) as raised:
        run_import(user, kind, data, name)  # type: ignore[arg-type]
    assert row_counts() == before
    return raised.value


@pytest.mark.parametrize(
    ("kind", "name", "line", "field", "says"),
    [
        ("linkedin", "linkedin_latin1.csv", 2, "", "not UTF-8"),
        ("linkedin", "linkedin_broken_quote.csv", 3, "", "quoting is broken"),
        ("linkedin", "unknown_header.csv", 1, "", "none of the known formats"),
        ("google", "unknown_header.csv", 1, "", "none of the known formats"),
        ("linkedin", "linkedin_bad_date.csv", 3, "Connected On", "not a date"),
        ("linkedin", "linkedin_bad_email.csv", 3, "Email Address", "not a valid email"),
        ("google", "google_bad_phone.csv", 3, "Phone 1 - Value", "not a phone number"),
        ("vcard", "vcard_no_end.vcf", 6, "END", "no END:VCARD"),
        ("vcard", "vcard_bad_email.vcf", 11, "EMAIL", "not an email address"),
        ("vcard", "vcard_garbage_line.vcf", 4, "", "not a vCard property"),
        ("json", "export_broken.json", 6, "", "not valid JSON"),
        ("json", "export_bad_email.json", 22, "people[1].emails", "not a valid email"),
        ("json", "export_dangling_reference.json", 9, "interviews[1].person", "not in the doc"),
    ],
)
def test_a_malformed_file_is_refused_with_its_line_and_field(
    owner: User, kind: str, name: str, line: int, field: str, says: str
) -> None:
    problem = problem_of(owner, kind, fixture(name), name)
    assert (problem.file, problem.line, problem.field) == (name, line, field)
    assert says in problem.message


def test_the_message_reads_file_line_field_then_what_is_wrong(owner: User) -> None:
    problem = problem_of(owner, "linkedin", fixture("linkedin_bad_email.csv"), "in.csv")
    assert str(problem) == (
        "in.csv, line 3, field “Email Address”: “gabriel-at-example.org” is not a valid "
        "email address."
    )


def test_an_empty_file_is_refused(owner: User) -> None:
    assert "empty" in problem_of(owner, "linkedin", b"\xef\xbb\xbf\r\n").message


def test_a_binary_file_is_refused(owner: User) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"
    assert "not UTF-8" in problem_of(owner, "vcard", png).message


def test_a_quote_never_closed_is_refused_with_its_line(owner: User) -> None:
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b'Ada,Lovelace,,,"Analytical Engines,CTO,12 Mar 2024\n'
        b"Grace,Hopper,,,Navy,Admiral,12 Mar 2024\n"
    )
    problem = problem_of(owner, "linkedin", data)
    assert "quoting is broken" in problem.message
    assert problem.line == 3


def test_a_row_with_more_values_than_the_header_is_refused(owner: User) -> None:
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Ada,Lovelace,,,Analytical Engines, Ltd,CTO,12 Mar 2024\n"
    )
    problem = problem_of(owner, "linkedin", data)
    assert problem.line == 2
    assert "8 values but the header has 7" in problem.message


def test_a_good_row_before_a_bad_one_is_not_written(owner: User) -> None:
    problem = problem_of(owner, "linkedin", fixture("linkedin_bad_date.csv"))
    assert problem.line == 3  # line 2 was fine, and is not imported either


def test_a_name_too_long_for_the_database_is_refused(owner: User) -> None:
    data = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        f"{'A' * 150},{'B' * 60},,,,,12 Mar 2024\n"
    ).encode()
    problem = problem_of(owner, "linkedin", data)
    assert (problem.line, problem.field) == (2, "First Name")
    assert "at most 200" in problem.message


def test_a_json_export_of_another_program_is_refused(owner: User) -> None:
    problem = problem_of(owner, "json", b'{"format": "other", "version": 1}')
    assert problem.field == "format"


def test_a_json_export_from_a_newer_version_is_refused(owner: User) -> None:
    problem = problem_of(owner, "json", b'{"format": "coffeechat", "version": 2}')
    assert problem.field == "version"
    assert "version 2" in problem.message


def test_a_json_export_into_an_account_with_people_is_refused(owner: User) -> None:
    problem = problem_of(owner, "json", fixture("export_minimal.json"))
    assert "empty" in problem.message
    assert "1 people" in problem.message


def test_a_naive_time_in_json_is_refused(owner: User, outsider: User) -> None:
    data = (
        b'{"format": "coffeechat", "version": 1, "people": [{"id": 1, "name": "A"}],\n'
        b' "interviews": [{"id": 1, "person": 1, "topic": "x",\n'
        b'   "scheduled_start": "2025-02-03T15:00:00"}]}'
    )
    with pytest.raises(ImportProblem) as raised:
        run_import(outsider, "json", data, "naive.json")
    assert raised.value.field == "interviews[0].scheduled_start"
    assert raised.value.line == 3
