"""Google Contacts CSV: the current export and the legacy ("Google CSV") one.

Current: ``First Name,Middle Name,Last Name,…,Organization Name,Organization Title,…,
E-mail 1 - Label,E-mail 1 - Value,…,Phone 1 - Value,…``. Legacy: ``Name,Given Name,
Additional Name,Family Name,…,Organization 1 - Name,Organization 1 - Title,…``. Columns are found
by their name, never their position; every numbered column (E-mail 2, Phone 3, Website 2…) is
read, and a cell holding several values separated by ``:::`` gives each of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from coffeechat.core.validators import validate_phone_list
from coffeechat.portability.records import (
    ImportProblem,
    Parsed,
    PersonRecord,
    Progress,
    finish,
    normalize_url,
    one_line,
)
from coffeechat.portability.sources import csv_rows, decode, header_key

CURRENT = "First Name,Middle Name,Last Name,…,Organization Name,Organization Title,…"
LEGACY = "Name,Given Name,Additional Name,Family Name,…,Organization 1 - Name,…"
_NUMBERED = re.compile(r"^(e-mail|phone|website) (\d+) - value$")
_CURRENT_MARKERS = ("middle name", "organization name", "e-mail 1 - value", "phone 1 - value")


def looks_like_google(cells: Sequence[str]) -> bool:
    keys = {header_key(cell) for cell in cells}
    current = {"first name", "last name"} <= keys and any(m in keys for m in _CURRENT_MARKERS)
    legacy = {"name", "given name", "family name"} <= keys
    return current or legacy


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(":::") if part.strip()]


class _Columns:
    """Where each known column is in this file's header."""

    def __init__(self, cells: list[str]) -> None:
        self.names = [cell.replace("\ufeff", "").strip() for cell in cells]
        self.index = {header_key(cell): i for i, cell in enumerate(cells)}
        self.legacy = "given name" in self.index
        numbered: dict[str, list[tuple[int, int]]] = {"e-mail": [], "phone": [], "website": []}
        for key, i in self.index.items():
            if match := _NUMBERED.match(key):
                numbered[match.group(1)].append((int(match.group(2)), i))
        self.numbered = {kind: [i for _, i in sorted(found)] for kind, found in numbered.items()}

    def get(self, cells: list[str], *keys: str) -> str:
        for key in keys:
            i = self.index.get(key)
            if i is not None and i < len(cells) and cells[i].strip():
                return cells[i].strip()
        return ""

    def values(self, cells: list[str], kind: str) -> list[tuple[str, str]]:
        """Every value of the numbered columns of ``kind``, with the column it came from."""
        return [
            (value, self.names[i])
            for i in self.numbered[kind]
            if i < len(cells)
            for value in _split(cells[i])
        ]


def parse_google(data: bytes, file: str, progress: Progress | None = None) -> Parsed:
    """People from a Google Contacts CSV export, current or legacy header."""
    parsed = Parsed("google", file)
    try:
        text = decode(data, file)
        columns: _Columns | None = None
        for line, cells in csv_rows(text, file, progress):
            if not any(cell.strip() for cell in cells):
                continue
            if columns is None:
                if not looks_like_google(cells):
                    raise _wrong_header(file, line, cells)
                columns = _Columns(cells)
                continue
            _read_row(parsed, line, cells, columns)
            if parsed.full:
                break
        if columns is None:
            raise ImportProblem(file, 1, "", "the file has no header row.")
    except ImportProblem as problem:
        parsed.problems.append(problem)
    return parsed


def _wrong_header(file: str, line: int, cells: list[str]) -> ImportProblem:
    keys = {header_key(cell) for cell in cells}
    hint = ""
    if {"first name", "last name", "connected on"} <= keys or header_key(cells[0]) == "notes:":
        hint = " It looks like a LinkedIn connections export: import it as LinkedIn."
    return ImportProblem(
        file,
        line,
        "",
        "the header is none of the known formats: Google Contacts starts with "
        f"“{CURRENT}” (or the legacy “{LEGACY}”).{hint}",
    )


def _name(columns: _Columns, cells: list[str]) -> str:
    if columns.legacy:
        name = columns.get(cells, "name")
        parts = ("given name", "additional name", "family name")
    else:
        name = ""
        parts = ("first name", "middle name", "last name")
    if not name:
        name = one_line(" ".join(columns.get(cells, part) for part in parts))
        if name and (suffix := columns.get(cells, "name suffix")):
            name = f"{name} {suffix}"
    return one_line(name) or columns.get(cells, "nickname", "file as")


def _read_row(parsed: Parsed, line: int, cells: list[str], columns: _Columns) -> None:
    if len(cells) > len(columns.names) and any(c.strip() for c in cells[len(columns.names) :]):
        parsed.problem(
            line,
            "",
            f"the row has {len(cells)} values but the header has {len(columns.names)}: a comma "
            "inside a value that is not in quotes?",
        )
        return
    emails = columns.values(cells, "e-mail")
    for email, column in emails:
        try:
            validate_email(email)
        except ValidationError:
            parsed.problem(line, column, f"“{email}” is not a valid email address.")
            return
    phones = columns.values(cells, "phone")
    for phone, column in phones:
        try:
            validate_phone_list([phone])
        except ValidationError:
            parsed.problem(line, column, f"“{phone}” is not a phone number.")
            return
    websites = columns.values(cells, "website")
    profile = next((w for w in websites if "linkedin.com" in w[0].lower()), None)
    profile = profile or (websites[0] if websites else ("", "Website 1 - Value"))
    org_name, org_title = (
        ("organization 1 - name", "organization 1 - title")
        if columns.legacy
        else ("organization name", "organization title")
    )
    address = ("address 1 - city", "address 1 - region", "address 1 - country")
    location = columns.get(cells, "location") or ", ".join(
        part for key in address if (part := columns.get(cells, key))
    )
    record = PersonRecord(
        line=line,
        name=_name(columns, cells) or (emails[0][0] if emails else ""),
        title=columns.get(cells, org_title),
        organization=columns.get(cells, org_name),
        emails=[email for email, _ in emails],
        phones=[phone for phone, _ in phones],
        profile_url=normalize_url(profile[0]),
        location=location,
        postal_address=columns.get(cells, "address 1 - formatted"),
        note=columns.get(cells, "notes"),
    )
    fields = {
        "name": "Name" if columns.legacy else "First Name",
        "title": "Organization 1 - Title" if columns.legacy else "Organization Title",
        "organization": "Organization 1 - Name" if columns.legacy else "Organization Name",
        "profile_url": profile[1],
        "location": "Location" if columns.legacy else "Address 1 - City",
        "postal_address": "Address 1 - Formatted",
        "note": "Notes",
    }
    finish(parsed, record, fields)
