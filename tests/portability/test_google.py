"""Google Contacts CSV: the current and the legacy header, numbered columns, several values."""

from __future__ import annotations

from coffeechat.portability.google import parse_google
from tests.portability.conftest import fixture


def test_the_current_header_maps_names_organization_and_title() -> None:
    fatima = parse_google(fixture("google_contacts.csv"), "x").records[0]
    assert (fatima.name, fatima.organization, fatima.title) == (
        "Fatima Haddad",
        "Tidewater Energy",
        "Head of Research",
    )


def test_every_numbered_email_and_phone_column_is_read() -> None:
    fatima = parse_google(fixture("google_contacts.csv"), "x").records[0]
    assert fatima.emails == ["fatima@tidewater.example", "fatima.haddad@mail.example"]
    assert fatima.phones == ["+1 902 555 0101", "+1 902 555 0199", "+1 902 555 0123"]


def test_several_values_in_one_cell_are_all_kept() -> None:
    oliver = parse_google(fixture("google_contacts.csv"), "x").records[1]
    assert oliver.emails == ["oliver@openshelf.example", "o.brown@mail.example"]


def test_a_middle_name_is_part_of_the_name() -> None:
    oliver = parse_google(fixture("google_contacts.csv"), "x").records[1]
    assert oliver.name == "Oliver James Brown"


def test_a_multi_line_note_and_address_come_with_the_contact() -> None:
    fatima = parse_google(fixture("google_contacts.csv"), "x").records[0]
    assert (
        fatima.note == "Met at the energy transition meetup.\nOffered to introduce me to her team."
    )
    assert fatima.postal_address.startswith("1 Harbour Rd\nHalifax")
    assert fatima.location == "Halifax, NS, Canada"


def test_the_linkedin_website_is_the_profile_url() -> None:
    fatima = parse_google(fixture("google_contacts.csv"), "x").records[0]
    assert fatima.profile_url == "https://www.linkedin.com/in/fatima-haddad"


def test_cyrillic_names_are_read_as_written() -> None:
    records = parse_google(fixture("google_contacts.csv"), "x").records
    assert records[2].name == "Аня Петрова"


def test_a_contact_without_any_name_is_skipped() -> None:
    parsed = parse_google(fixture("google_contacts.csv"), "x")
    assert [(s.line, s.reason) for s in parsed.skipped] == [(8, "no name")]


def test_the_legacy_header_is_read_too() -> None:
    parsed = parse_google(fixture("google_legacy.csv"), "x")
    aisha = parsed.records[0]
    assert (aisha.name, aisha.organization, aisha.title) == (
        "Aisha Mohammed",
        "Brightside Nonprofit",
        "Program Manager",
    )
    assert aisha.emails == ["aisha@brightside.example", "aisha.m@mail.example"]
    assert aisha.location == "Toronto"


def test_a_website_without_a_scheme_gets_https() -> None:
    aisha = parse_google(fixture("google_legacy.csv"), "x").records[0]
    assert aisha.profile_url == "https://aisha.example/blog"


def test_the_utf16_legacy_export_reads_like_the_utf8_one() -> None:
    utf16 = parse_google(fixture("google_legacy_utf16.csv"), "x").records
    utf8 = parse_google(fixture("google_legacy.csv"), "x").records
    assert [(r.name, r.emails, r.title) for r in utf16] == [
        (r.name, r.emails, r.title) for r in utf8
    ]


def test_a_bad_phone_names_its_numbered_column() -> None:
    problem = parse_google(fixture("google_bad_phone.csv"), "p.csv").problems[0]
    assert (problem.line, problem.field) == (3, "Phone 1 - Value")


def test_a_linkedin_file_given_as_google_says_what_it_looks_like() -> None:
    problem = parse_google(fixture("Connections.csv"), "c.csv").problems[0]
    assert problem.line == 1
    assert "LinkedIn" in problem.message
