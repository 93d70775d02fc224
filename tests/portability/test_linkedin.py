"""LinkedIn's Connections.csv: preamble, byte-order mark, CRLF, dates, columns by name."""

from __future__ import annotations

from datetime import date

from coffeechat.portability.linkedin import parse_linkedin
from tests.portability.conftest import fixture


def test_the_notes_preamble_is_passed_over_to_the_header() -> None:
    parsed = parse_linkedin(fixture("Connections.csv"), "Connections.csv")
    assert parsed.problems == []
    assert [r.name for r in parsed.records][:2] == ["Amara Okafor", "Daniel Chen"]


def test_rows_keep_the_line_they_are_on_in_the_file() -> None:
    parsed = parse_linkedin(fixture("Connections.csv"), "Connections.csv")
    assert parsed.records[0].line == 5  # Notes, its text, a blank line, the header


def test_the_byte_order_mark_and_crlf_leave_no_trace_in_values() -> None:
    data = fixture("Connections.csv")
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data
    record = parse_linkedin(data, "Connections.csv").records[0]
    assert record.relationship_since == date(2024, 3, 12)
    assert record.profile_url == "https://www.linkedin.com/in/amara-okafor"


def test_connected_on_becomes_the_relationship_start() -> None:
    records = parse_linkedin(fixture("Connections.csv"), "x").records
    assert [r.relationship_since for r in records][:3] == [
        date(2024, 3, 12),
        date(2023, 1, 3),
        date(2022, 2, 28),
    ]


def test_a_missing_email_is_normal() -> None:
    daniel = parse_linkedin(fixture("Connections.csv"), "x").records[1]
    assert daniel.emails == []


def test_quoted_commas_stay_in_company_and_position() -> None:
    sofia = parse_linkedin(fixture("Connections.csv"), "x").records[2]
    assert sofia.organization == "Fieldnote Studio, Inc."
    assert sofia.title == "Service Designer, Public Sector"


def test_non_latin_names_are_read_as_written() -> None:
    names = [r.name for r in parse_linkedin(fixture("Connections.csv"), "x").records]
    assert "渡辺 美咲" in names
    assert "Zoë Ångström-Nuñez" in names


def test_a_file_without_preamble_reads_the_same() -> None:
    parsed = parse_linkedin(fixture("linkedin_no_preamble.csv"), "x")
    assert [r.name for r in parsed.records] == ["Priya Raman", "Mateo García"]
    assert parsed.records[0].line == 2


def test_columns_are_found_by_name_not_position() -> None:
    data = (
        b"Connected On,Company,Last Name,First Name,Email Address,URL,Position\n"
        b"12 Mar 2024,Acme,Lovelace,Ada,ada@acme.example,https://www.linkedin.com/in/ada,CTO\n"
    )
    record = parse_linkedin(data, "x").records[0]
    assert (record.name, record.organization, record.title) == ("Ada Lovelace", "Acme", "CTO")
    assert record.emails == ["ada@acme.example"]


def test_a_row_without_a_name_is_skipped_with_its_line() -> None:
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n,,,,,,12 Mar 2024\n"
    )
    parsed = parse_linkedin(data, "x")
    assert parsed.records == []
    assert [(s.line, s.reason) for s in parsed.skipped] == [(2, "no name")]


def test_a_bad_date_names_the_line_and_the_column() -> None:
    problem = parse_linkedin(fixture("linkedin_bad_date.csv"), "bad.csv").problems[0]
    assert (problem.file, problem.line, problem.field) == ("bad.csv", 3, "Connected On")
    assert "someday" in problem.message


def test_a_google_file_given_as_linkedin_says_what_it_looks_like() -> None:
    problem = parse_linkedin(fixture("google_contacts.csv"), "g.csv").problems[0]
    assert "none of the known formats" in str(problem)
    assert "Google Contacts" in str(problem)
