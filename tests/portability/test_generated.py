"""Generated CSV rows and vCards: never a crash, never a partial write."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coffeechat.people.models import Person
from coffeechat.portability.importer import run_import
from coffeechat.portability.records import ImportProblem
from tests.portability.conftest import row_counts

pytestmark = pytest.mark.django_db

HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

cells = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
    max_size=40,
)
emails = st.one_of(st.just(""), st.emails(), cells)
dates = st.one_of(st.just(""), st.dates().map(lambda d: d.strftime("%d %b %Y")), cells)
urls = st.one_of(
    st.just(""),
    st.from_regex(r"https://www\.linkedin\.com/in/[a-z0-9-]{1,20}", fullmatch=True),
    cells,
)
rows = st.lists(st.tuples(cells, cells, urls, emails, cells, cells, dates), max_size=12)


def all_or_nothing(user: User, kind: str, data: bytes) -> None:
    """The import either writes every new person it previews, or nothing at all."""
    with transaction.atomic():
        before = row_counts()
        people = Person.objects.filter(owner=user).count()
        problem: ImportProblem | None = None
        try:
            preview = run_import(user, kind, data, "generated")  # type: ignore[arg-type]
        except ImportProblem as error:
            problem = error
        if problem is not None:
            assert row_counts() == before
            assert str(problem).startswith("generated")
        else:
            assert Person.objects.filter(owner=user).count() == people + preview.counts["new"]
        transaction.set_rollback(True)


@EXAMPLES
@given(rows=rows, crlf=st.booleans(), bom=st.booleans())
def test_generated_linkedin_rows_import_wholly_or_not_at_all(
    owner: User, rows: list[tuple[str, ...]], crlf: bool, bom: bool
) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    data = out.getvalue().encode()
    all_or_nothing(owner, "linkedin", (b"\xef\xbb\xbf" if bom else b"") + data)


@EXAMPLES
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_never_crash_the_csv_importers(owner: User, data: bytes) -> None:
    header = ",".join(HEADER).encode() + b"\n"
    all_or_nothing(owner, "linkedin", header + data)
    all_or_nothing(owner, "google", b"First Name,Middle Name,Last Name\n" + data)


properties = st.sampled_from(["FN", "N", "EMAIL", "TEL", "ORG", "TITLE", "NOTE", "URL", "ADR"])
values = st.one_of(cells, st.emails(), st.from_regex(r"\+?[0-9 ]{3,15}", fullmatch=True))
cards = st.lists(st.lists(st.tuples(properties, values), max_size=8), max_size=5)


def vcard_text(cards: list[list[tuple[str, str]]], version: str, fold: bool) -> str:
    lines: list[str] = []
    for card in cards:
        lines += ["BEGIN:VCARD", f"VERSION:{version}"]
        for name, value in card:
            line = f"{name}:{value}".replace("\r", " ").replace("\n", " ")
            if fold and len(line) > 20:
                line = line[:20] + "\r\n " + line[20:]
            lines.append(line)
        lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


@EXAMPLES
@given(cards=cards, version=st.sampled_from(["3.0", "4.0"]), fold=st.booleans())
def test_generated_vcards_import_wholly_or_not_at_all(
    owner: User, cards: list[list[tuple[str, str]]], version: str, fold: bool
) -> None:
    all_or_nothing(owner, "vcard", vcard_text(cards, version, fold).encode())


@EXAMPLES
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_never_crash_the_vcard_importer(owner: User, data: bytes) -> None:
    all_or_nothing(owner, "vcard", b"BEGIN:VCARD\r\nVERSION:3.0\r\n" + data)
