"""What every contacts parser produces: typed person records, skipped rows and problems.

Parsers are pure: bytes in, ``Parsed`` out, no database. A problem names the file, the line and
the field of the bad input; the write step refuses to write anything while there is one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email

from coffeechat.core.limits import MAX_NOTE_CHARACTERS
from coffeechat.core.validators import validate_phone_list

Kind = Literal["linkedin", "google", "vcard", "json"]
KINDS: tuple[Kind, ...] = ("linkedin", "google", "vcard", "json")
KIND_LABELS: dict[Kind, str] = {
    "linkedin": "LinkedIn connections (Connections.csv)",
    "google": "Google Contacts (CSV)",
    "vcard": "vCard (.vcf, version 3.0 or 4.0)",
    "json": "coffeechat JSON export",
}

# Reports progress: how far along (in the unit the caller chose when sizing the bar).
Progress = Callable[[int], None]

MAX_PROBLEMS = 50  # past this, a file is clearly not what it claims to be

# The lengths of the columns the records are written to (people.models).
MAX_LENGTHS = {
    "name": 200,
    "title": 200,
    "organization": 200,
    "location": 200,
    "profile_url": 500,
    "postal_address": MAX_NOTE_CHARACTERS,
    "note": MAX_NOTE_CHARACTERS,  # becomes the text of a note (Activity.text)
}


class ImportProblem(Exception):
    """The first bad input of a file: which file, which line, which field and what is wrong."""

    def __init__(self, file: str, line: int | None, field: str, message: str) -> None:
        super().__init__(message)
        self.file = file
        self.line = line
        self.field = field
        self.message = message

    @property
    def where(self) -> str:
        parts = [self.file or "the file"]
        if self.line:
            parts.append(f"line {self.line}")
        if self.field:
            parts.append(f"field “{self.field}”")
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(slots=True)
class PersonRecord:
    """One incoming person, as read from a file (line: where the row or card begins)."""

    line: int
    name: str
    title: str = ""
    organization: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    profile_url: str = ""
    location: str = ""
    time_zone: str = ""  # a known zone name (Europe/Paris), or blank
    postal_address: str = ""
    relationship_since: date | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Skipped:
    line: int
    reason: str


@dataclass(slots=True)
class Parsed:
    kind: Kind
    file: str
    records: list[PersonRecord] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)

    def problem(self, line: int | None, field_name: str, message: str) -> None:
        self.problems.append(ImportProblem(self.file, line, field_name, message))

    @property
    def full(self) -> bool:
        return len(self.problems) >= MAX_PROBLEMS


def one_line(text: str) -> str:
    """Runs of white space (line breaks included) as one space, trimmed."""
    return " ".join(text.split())


def normalize_url(raw: str) -> str:
    """A web address with its scheme (``www.x.com/a`` → ``https://www.x.com/a``), or ''."""
    url = raw.strip()
    if not url:
        return ""
    if "://" not in url:
        url = "https://" + url.lstrip("/")
    return url


def url_key(url: str) -> str:
    """Profile addresses compared without scheme, ``www.``, case, query or trailing slash."""
    parts = urlsplit(url.strip().lower())
    host = parts.netloc.removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" if host else ""


def unique(values: list[str], *, key: Callable[[str], str] = str.casefold) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        value = value.strip()
        if value:
            seen.setdefault(key(value), value)
    return list(seen.values())


_url_validator = URLValidator(schemes=["http", "https"])
# The usual profile address, checked fast (Django's validator is the slow part of a big import).
_PROFILE = re.compile(r"^https?://(?:[a-z]{2,3}\.|www\.)?linkedin\.com/in/[A-Za-z0-9_%-]+/?$")


def check_record(parsed: Parsed, record: PersonRecord, fields: Mapping[str, str]) -> bool:
    """Validate a record against what the database accepts; False after noting a problem.

    ``fields`` names the file's own column or property for each record attribute, so the message
    points at what the user sees in their file (e.g. ``emails`` → ``Email Address``).
    """

    def bad(attribute: str, message: str) -> bool:
        parsed.problem(record.line, fields.get(attribute, attribute), message)
        return False

    for attribute, limit in MAX_LENGTHS.items():
        value = getattr(record, attribute)
        if len(value) > limit:
            return bad(attribute, f"is {len(value):,} characters long; at most {limit:,} fit.")
    record.emails = unique(record.emails)
    for email in record.emails:
        try:
            validate_email(email)
        except ValidationError:
            return bad("emails", f"“{email}” is not a valid email address.")
    record.phones = unique(record.phones, key=lambda p: "".join(c for c in p if c.isalnum()))
    for phone in record.phones:
        try:
            validate_phone_list([phone])
        except ValidationError:
            return bad("phones", f"“{phone}” is not a phone number (digits, spaces, + ( ) - .).")
    if record.profile_url and not _PROFILE.match(record.profile_url):
        try:
            _url_validator(record.profile_url)
        except ValidationError:
            return bad("profile_url", f"“{record.profile_url}” is not a web address.")
    return True


def finish(parsed: Parsed, record: PersonRecord, fields: Mapping[str, str]) -> None:
    """Keep a named, valid record; skip one without a name; note a problem for a bad one."""
    record.name = one_line(record.name)
    record.title = one_line(record.title)
    record.organization = one_line(record.organization)
    record.location = one_line(record.location)
    record.note = record.note.replace("\r\n", "\n").replace("\r", "\n").strip()
    record.postal_address = record.postal_address.replace("\r\n", "\n").strip()
    if not record.name:
        parsed.skipped.append(Skipped(record.line, "no name"))
        return
    if check_record(parsed, record, fields):
        parsed.records.append(record)
