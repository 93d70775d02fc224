"""Fuzzing the contact importers: LinkedIn's Connections.csv, Google Contacts CSV and vCard.

Any bytes: the parser answers people, skipped rows and problems (each an ``ImportProblem``
naming the line), and never raises; importing answers a preview or an ``ImportProblem``, and
after a problem the database holds exactly what it held before.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from hypothesis import strategies as st

from coffeechat.interviews.models import Activity
from coffeechat.people.models import Organization, Person, Tag
from coffeechat.portability.google import parse_google
from coffeechat.portability.importer import detect_kind, run_import
from coffeechat.portability.linkedin import HEADER, parse_linkedin
from coffeechat.portability.records import ImportProblem, Kind, Parsed
from coffeechat.portability.vcard import parse_vcard
from tests.factories import PersonFactory, UserFactory
from tests.security.fuzzing import SUITE_EXAMPLES, Target, attempt, encoded, run, text
from tests.security.payloads import PAYLOADS

CELL = st.one_of(
    st.sampled_from(
        [
            "",
            "Ann",
            "Lee",
            "ann@example.org",
            "not-an-email",
            "12 Mar 2024",
            "2024-13-45",
            "https://www.linkedin.com/in/ann",
            "www.x.com/a",
            "+1 555 0100",
            "Acme, Inc.",
            '"',
            '""',
            "a\nb",
            "=1+1",
            ":::",
            "x" * 300,
        ]
    ),
    st.sampled_from(PAYLOADS),
    text,
)
LINEBREAK = st.sampled_from(["\r\n", "\n", "\r"])
GOOGLE_COLUMNS = [
    "First Name", "Middle Name", "Last Name", "Name", "Given Name", "Additional Name",
    "Family Name", "Nickname", "File As", "Name Suffix", "Organization Name",
    "Organization Title", "Organization 1 - Name", "Organization 1 - Title", "E-mail 1 - Value",
    "E-mail 2 - Value", "Phone 1 - Value", "Website 1 - Value", "Location", "Notes",
    "Address 1 - City", "Address 1 - Region", "Address 1 - Country", "Address 1 - Formatted",
]  # fmt: skip
VCARD_PROPERTIES = [
    "FN", "N", "EMAIL", "EMAIL;TYPE=work", "EMAIL;PREF=1", "TEL", "TEL;VALUE=uri", "ORG", "TITLE",
    "URL", "ADR", "ADR;TYPE=home", "NOTE", "TZ", "X-COFFEECHAT-RELATIONSHIP-SINCE", "VERSION",
    "FN;ENCODING=QUOTED-PRINTABLE", "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=latin-1",
    "FN;CHARSET=nope;ENCODING=QUOTED-PRINTABLE", "item1.URL", "BEGIN", "END", "PHOTO",
]  # fmt: skip


def _csv_line(cells: list[str]) -> str:
    def quoted(cell: str) -> str:
        return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',"\r\n') else cell

    return ",".join(quoted(cell) for cell in cells)


@st.composite
def linkedin_files(draw: Any) -> str:
    preamble = draw(st.sampled_from(["", 'Notes:\r\n"When exporting…"\r\n\r\n']))
    header = draw(st.one_of(st.just(HEADER), st.lists(CELL, max_size=8).map(_csv_line)))
    rows = draw(st.lists(st.lists(CELL, max_size=9).map(_csv_line), max_size=6))
    return preamble + draw(LINEBREAK).join([header, *rows])


@st.composite
def google_files(draw: Any) -> str:
    header = draw(st.lists(st.sampled_from(GOOGLE_COLUMNS), min_size=1, max_size=12, unique=True))
    rows = draw(st.lists(st.lists(CELL, max_size=len(header) + 1), max_size=6))
    return draw(LINEBREAK).join(_csv_line(row) for row in [header, *rows])


@st.composite
def vcard_files(draw: Any) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 3))):
        lines += ["BEGIN:VCARD", draw(st.sampled_from(["VERSION:3.0", "VERSION:4.0", ""]))]
        for _ in range(draw(st.integers(0, 8))):
            name = draw(st.sampled_from(VCARD_PROPERTIES))
            value = draw(CELL)
            folded = draw(st.booleans())
            lines.append(f"{name}:{value}" if not folded else f"{name}:{value[:5]}\r\n {value[5:]}")
        if draw(st.booleans()) or not lines:
            lines.append("END:VCARD")
    return draw(LINEBREAK).join(lines)


def _parsed(parse: Any) -> Any:
    def check(data: bytes) -> None:
        parsed: Parsed = parse(data, "contacts")
        assert all(isinstance(problem, ImportProblem) for problem in parsed.problems)
        assert all(str(problem) for problem in parsed.problems)  # names the file and line

    return check


def detect(data: bytes) -> None:
    assert detect_kind(data) in (None, "linkedin", "google", "vcard", "json")


def _counts(user: User) -> dict[str, int]:
    return {
        model.__name__: model.objects.filter(owner=user).count()
        for model in (Person, Organization, Activity, Tag)
    }


def importing(kind: Kind) -> Any:
    """Import into an account that already has someone; a problem leaves it as it was."""

    def check(data: bytes) -> None:
        with transaction.atomic():  # each example starts from the same account
            user = User.objects.get(username="fuzz")
            before = _counts(user)
            _, problem = attempt(lambda: run_import(user, kind, data, "contacts"), ImportProblem)
            assert problem is None or (str(problem) and _counts(user) == before)
            transaction.set_rollback(True)

    return check


def fuzz_account() -> User:
    """The account the database targets import into (``scripts/fuzz.py`` makes it too)."""
    user = UserFactory(username="fuzz")
    PersonFactory(owner=user, name="Ann Lee", emails=["ann@example.org"])
    return user


TARGETS = [
    Target("LinkedIn CSV reader", encoded(linkedin_files()), _parsed(parse_linkedin)),
    Target("Google CSV reader", encoded(google_files()), _parsed(parse_google)),
    Target("vCard reader", encoded(vcard_files()), _parsed(parse_vcard)),
    Target(
        "file kind detection",
        st.one_of(encoded(linkedin_files()), encoded(vcard_files()), st.binary()),
        detect,
    ),
    Target("LinkedIn import", encoded(linkedin_files()), importing("linkedin"), True),
    Target("Google import", encoded(google_files()), importing("google"), True),
    Target("vCard import", encoded(vcard_files()), importing("vcard"), True),
]


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_any_file_is_read_or_refused_with_its_line(target: Target, db: None) -> None:
    fuzz_account()
    assert run(target, SUITE_EXAMPLES) >= SUITE_EXAMPLES
