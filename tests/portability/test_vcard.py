"""vCard files: 3.0 and 4.0, many cards, folded lines, quoted-printable, several EMAIL and TEL."""

from __future__ import annotations

from coffeechat.portability.vcard import parse_vcard
from tests.portability.conftest import fixture


def test_every_card_of_a_file_is_read() -> None:
    parsed = parse_vcard(fixture("contacts_v3.vcf"), "x")
    assert [r.name for r in parsed.records] == ["Chloé Gagnon", "Gabriel Silva", "Nina Petrova"]


def test_a_folded_note_is_unfolded_and_unescaped() -> None:
    chloe = parse_vcard(fixture("contacts_v3.vcf"), "x").records[0]
    assert chloe.note == (
        "Runs the accessibility guild; wrote the screen-reader testing guide that our team "
        "still uses, and offered to review my portfolio."
    )


def test_several_emails_and_phones_are_all_kept() -> None:
    chloe = parse_vcard(fixture("contacts_v3.vcf"), "x").records[0]
    assert chloe.emails == ["chloe@cedarlearning.example", "chloe.gagnon@mail.example"]
    assert chloe.phones == ["+1 613 555 0188", "+1 613 555 0100 ext. 12"]


def test_org_units_join_the_title() -> None:
    chloe = parse_vcard(fixture("contacts_v3.vcf"), "x").records[0]
    assert chloe.organization == "Cedar Learning"
    assert chloe.title == "Accessibility Specialist, Accessibility, Platform team"


def test_a_grouped_url_and_an_address_are_read() -> None:
    gabriel = parse_vcard(fixture("contacts_v3.vcf"), "x").records[1]
    assert gabriel.profile_url == "https://gabriel.example"
    assert gabriel.location == "Montréal, QC, Canada"


def test_cards_start_on_their_begin_line() -> None:
    assert [r.line for r in parse_vcard(fixture("contacts_v3.vcf"), "x").records] == [1, 15, 26]


def test_version_4_korean_names_and_the_preferred_email_first() -> None:
    minjun = parse_vcard(fixture("contacts_v4.vcf"), "x").records[0]
    assert minjun.name == "김민준"
    assert minjun.emails[0] == "minjun@kestrel.example"


def test_version_4_tel_uris_become_plain_numbers() -> None:
    records = parse_vcard(fixture("contacts_v4.vcf"), "x").records
    assert records[0].phones == ["+82-2-555-0147"]
    assert records[1].phones == ["+1-604-555-0175 ext. 3"]


def test_quoted_printable_names_with_soft_line_breaks_are_decoded() -> None:
    juergen = parse_vcard(fixture("contacts_v21_quoted_printable.vcf"), "x").records[0]
    assert juergen.name == "Jürgen Müller"
    assert juergen.title == "Leiter Forschung, Großkunden"


def test_a_card_without_end_names_the_line_it_begins_on() -> None:
    problem = parse_vcard(fixture("vcard_no_end.vcf"), "c.vcf").problems[0]
    assert (problem.line, problem.field) == (6, "END")
    assert "END:VCARD" in problem.message


def test_a_bad_email_names_its_own_line() -> None:
    problem = parse_vcard(fixture("vcard_bad_email.vcf"), "c.vcf").problems[0]
    assert (problem.line, problem.field) == (11, "EMAIL")


def test_a_line_that_is_not_a_property_is_named() -> None:
    problem = parse_vcard(fixture("vcard_garbage_line.vcf"), "c.vcf").problems[0]
    assert problem.line == 4


def test_a_csv_given_as_vcard_is_refused_on_its_first_line() -> None:
    problem = parse_vcard(fixture("Connections.csv"), "c.csv").problems[0]
    assert problem.line == 1
    assert "BEGIN:VCARD" in problem.message
