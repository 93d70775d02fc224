"""vCard files (3.0 and 4.0; 2.1's quoted-printable too): reading many cards, writing 4.0.

Reading splits the file into cards itself, so every problem carries the line it is on: a card
without ``END:VCARD``, a line that is not a property, a bad address. Folded lines are unfolded
and quoted-printable soft line breaks joined before each card goes to ``vobject``.
"""

from __future__ import annotations

import quopri
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date
from typing import Any

import vobject
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from coffeechat.core.timezones import time_zone_names
from coffeechat.core.validators import validate_phone_list
from coffeechat.people.models import Person
from coffeechat.portability.records import (
    ImportProblem,
    Parsed,
    PersonRecord,
    Progress,
    finish,
    normalize_url,
    one_line,
)
from coffeechat.portability.sources import decode

_PARAM = r'(?:;[A-Za-z0-9_-]+(?:=(?:"[^"]*"|[^";:]*))?)'
_PROPERTY = re.compile(rf"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9_-]+){_PARAM}*:", re.ASCII)
_NEWLINE = re.compile(r"\r\n|\r|\n")
_SINGLE_TEXT = {"FN", "TITLE", "NOTE", "ORG"}
FIELDS = {
    "name": "FN",
    "title": "TITLE",
    "organization": "ORG",
    "profile_url": "URL",
    "postal_address": "ADR",
    "note": "NOTE",
}


@dataclass
class _Card:
    start: int
    lines: list[str] = field(default_factory=list)
    numbers: dict[str, list[int]] = field(default_factory=dict)  # property → lines, in order


def _logical_lines(text: str, progress: Progress | None) -> Iterable[tuple[int, str]]:
    """Unfolded lines with the physical line each starts on."""
    current: str | None = None
    start = 0
    for number, line in enumerate(_NEWLINE.split(text), start=1):
        if progress is not None and number % 500 == 0:
            progress(number)
        if current is not None and line[:1] in (" ", "\t"):
            current += line[1:]
            continue
        if current is not None and current.endswith("=") and _is_quoted_printable(current):
            current = current[:-1] + line  # a quoted-printable soft line break
            continue
        if current is not None:
            yield start, current
        current, start = line, number
    if current is not None:
        yield start, current


def _is_quoted_printable(line: str) -> bool:
    head = line.split(":", 1)[0].upper()
    return "QUOTED-PRINTABLE" in head


def _cards(parsed: Parsed, text: str, progress: Progress | None) -> Iterable[_Card]:
    card: _Card | None = None
    for number, line in _logical_lines(text, progress):
        word = line.strip().upper()
        if card is None:
            if word == "BEGIN:VCARD":
                card = _Card(number, [line.strip()])
            elif word:
                raise ImportProblem(
                    parsed.file, number, "", f"expected BEGIN:VCARD, found “{line[:40]}”."
                )
            continue
        if word == "BEGIN:VCARD":
            raise _not_closed(parsed.file, card)
        if not word:
            continue
        match = _PROPERTY.match(line)
        if match is None:
            raise ImportProblem(
                parsed.file, number, "", f"“{line[:40]}” is not a vCard property (NAME:value)."
            )
        name = match.group(1).upper()
        card.lines.append(_prepare(parsed, number, line, match.end(), name))
        card.numbers.setdefault(name, []).append(number)
        if word == "END:VCARD":
            yield card
            card = None
    if card is not None:
        raise _not_closed(parsed.file, card)


def _escape_commas(value: str) -> str:
    """Commas not already escaped, escaped: vobject keeps only the text before a bare one."""
    out: list[str] = []
    escaped = False
    for char in value:
        if char == "," and not escaped:
            out.append("\\")
        out.append(char)
        escaped = char == "\\" and not escaped
    return "".join(out)


def _prepare(parsed: Parsed, number: int, line: str, colon: int, name: str) -> str:
    """Decode quoted-printable (vCard 2.1) here, and keep commas in single-text values."""
    head, value = line[: colon - 1], line[colon:]
    if "QUOTED-PRINTABLE" in head.upper():
        params = head.split(";")
        charset = next(
            (p.split("=", 1)[1].strip('"') for p in params if p.upper().startswith("CHARSET=")),
            "utf-8",
        )
        try:
            value = quopri.decodestring(value.encode("latin-1")).decode(charset)
        except (UnicodeError, LookupError):
            raise ImportProblem(
                parsed.file, number, name, f"the quoted-printable text is not {charset}."
            ) from None
        value = value.replace("\\", "\\\\").replace("\r\n", "\n").replace("\n", "\\n")
        keep = [p for p in params if "QUOTED-PRINTABLE" not in p.upper()]
        head = ";".join(p for p in keep if not p.upper().startswith("CHARSET="))
    if name in _SINGLE_TEXT:
        value = _escape_commas(value)
    return f"{head}:{value}"


def _not_closed(file: str, card: _Card) -> ImportProblem:
    return ImportProblem(file, card.start, "END", "this card has no END:VCARD.")


def parse_vcard(data: bytes, file: str, progress: Progress | None = None) -> Parsed:
    """People from a file of vCards (any number of cards, version 2.1, 3.0 or 4.0)."""
    parsed = Parsed("vcard", file)
    try:
        text = decode(data, file)
        for card in _cards(parsed, text, progress):
            _read_card(parsed, card)
            if parsed.full:
                break
        if not parsed.records and not parsed.skipped and not parsed.problems:
            raise ImportProblem(file, 1, "", "the file holds no vCard (BEGIN:VCARD … END:VCARD).")
    except ImportProblem as problem:
        parsed.problems.append(problem)
    return parsed


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return " ".join(_text(v) for v in value)
    return str(value or "").strip()


def _types(line: Any) -> set[str]:
    found: set[str] = set()
    for name in ("TYPE", "PREF"):
        for value in line.params.get(name, []):
            found.update(part.strip().upper() for part in str(value).split(","))
    if "PREF" in line.params:
        found.add("PREF")
    return found


def _preferred_first(lines: list[Any]) -> list[Any]:
    return sorted(lines, key=lambda line: "PREF" not in _types(line))


def _phone(value: str) -> str:
    value = value.strip()
    if value.lower().startswith("tel:"):
        value = value[4:]
        value, _, ext = value.partition(";ext=")
        value = f"{value} ext. {ext}" if ext else value
    return value


def _read_card(parsed: Parsed, card: _Card) -> None:
    def line_of(name: str, index: int = 0) -> int:
        numbers = card.numbers.get(name, [])
        return numbers[index] if index < len(numbers) else card.start

    try:
        component = vobject.readOne("\r\n".join(card.lines) + "\r\n")
    except Exception as error:  # vobject raises many kinds; the card is what is wrong
        parsed.problem(card.start, "", f"this card cannot be read ({error}).")
        return
    contents: dict[str, list[Any]] = component.contents
    emails: list[tuple[str, bool]] = []
    for index, line in enumerate(contents.get("email", [])):
        email = _text(line.value)
        try:
            validate_email(email)
        except ValidationError:
            parsed.problem(line_of("EMAIL", index), "EMAIL", f"“{email}” is not an email address.")
            return
        emails.append((email, "PREF" in _types(line)))
    phones: list[tuple[str, bool]] = []
    for index, line in enumerate(contents.get("tel", [])):
        phone = _phone(_text(line.value))
        try:
            validate_phone_list([phone])
        except ValidationError:
            parsed.problem(line_of("TEL", index), "TEL", f"“{phone}” is not a phone number.")
            return
        phones.append((phone, "PREF" in _types(line)))
    record = PersonRecord(line=card.start, name=_name(contents))
    record.emails = [email for email, _ in sorted(emails, key=lambda e: not e[1])]
    record.phones = [phone for phone, _ in sorted(phones, key=lambda p: not p[1])]
    title = _text(contents["title"][0].value) if "title" in contents else ""
    if "org" in contents:
        org = contents["org"][0].value
        parts = [one_line(_text(part)) for part in (org if isinstance(org, list) else [org])]
        record.organization = parts[0] if parts else ""
        title = ", ".join(part for part in [title, *parts[1:]] if part)
    record.title = title
    urls = [normalize_url(_text(line.value)) for line in contents.get("url", [])]
    record.profile_url = next((u for u in urls if "linkedin.com" in u.lower()), "") or (
        urls[0] if urls else ""
    )
    if "adr" in contents:
        address = _preferred_first(contents["adr"])[0].value
        if isinstance(address, vobject.vcard.Address):
            record.postal_address = _address_text(address)
            record.location = ", ".join(
                one_line(_text(part))
                for part in (address.city, address.region, address.country)
                if _text(part)
            )
    zones = [_text(line.value) for line in contents.get("tz", [])]
    record.time_zone = next((zone for zone in zones if zone in time_zone_names()), "")
    if "x-coffeechat-relationship-since" in contents:
        raw = _text(contents["x-coffeechat-relationship-since"][0].value)
        try:
            record.relationship_since = date.fromisoformat(raw)
        except ValueError:
            parsed.problem(
                line_of("X-COFFEECHAT-RELATIONSHIP-SINCE"),
                "X-COFFEECHAT-RELATIONSHIP-SINCE",
                f"“{raw}” is not a date (YYYY-MM-DD).",
            )
            return
    if "note" in contents:
        record.note = "\n\n".join(_text(line.value) for line in contents["note"]).strip()
    finish(parsed, record, FIELDS)


def _address_text(address: Any) -> str:
    city = ", ".join(part for part in (_text(address.city), _text(address.region)) if part)
    town = " ".join(part for part in (city, _text(address.code)) if part)
    lines = [_text(address.box), _text(address.extended), _text(address.street), town]
    lines.append(_text(address.country))
    return "\n".join(line for line in lines if line)


def _name(contents: dict[str, list[Any]]) -> str:
    if "fn" in contents:
        name = one_line(_text(contents["fn"][0].value))
        if name:
            return name
    if "n" in contents:
        n = contents["n"][0].value
        if isinstance(n, vobject.vcard.Name):
            return one_line(" ".join(_text(p) for p in (n.prefix, n.given, n.additional, n.family)))
        return one_line(_text(n).replace(";", " "))
    return ""


# ---------------------------------------------------------------------------------------- writing


def _escape(value: str) -> str:
    # A lone CR ends a line for many readers (ours too): escaped like any line break, it can't
    # start a property of its own ("\rEMAIL:…").
    return (
        value.replace("\\", "\\\\")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued after CRLF and a space (RFC 6350 3.2)."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            out.append(current)
            current, size, limit = "", 0, 74
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


def _split_name(name: str) -> tuple[str, str]:
    words = name.split()
    if len(words) < 2:
        return name, ""
    return words[-1], " ".join(words[:-1])


def person_uid(person: Person) -> str:
    seed = f"coffeechat:{person.owner_id}:{person.pk}:{person.created_at.isoformat()}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, seed)}"


def vcard_of(person: Person) -> str:
    """One person as a vCard 4.0 (CRLF line endings, folded)."""
    family, given = _split_name(person.name)
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"UID:{person_uid(person)}",
        f"FN:{_escape(person.name)}",
        f"N:{_escape(family)};{_escape(given)};;;",
    ]
    if person.organization is not None:
        lines.append(f"ORG:{_escape(person.organization.name)}")
    if person.title:
        lines.append(f"TITLE:{_escape(person.title)}")
    for index, email in enumerate(person.emails):
        lines.append(f"EMAIL{';PREF=1' if index == 0 else ''}:{_escape(email)}")
    for index, phone in enumerate(person.phones):
        lines.append(f"TEL;VALUE=text{';PREF=1' if index == 0 else ''}:{_escape(phone)}")
    if person.profile_url:
        lines.append(f"URL:{person.profile_url}")
    if person.postal_address:
        lines.append(f"ADR:;;{_escape(person.postal_address)};;;;")
    if person.time_zone:
        lines.append(f"TZ:{_escape(person.time_zone)}")
    if person.relationship_since:
        lines.append(f"X-COFFEECHAT-RELATIONSHIP-SINCE:{person.relationship_since.isoformat()}")
    lines.append(f"REV:{person.updated_at.astimezone(UTC):%Y%m%dT%H%M%SZ}")
    lines.append("END:VCARD")
    return "".join(_fold(line) + "\r\n" for line in lines)


def write_vcards(people: Iterable[Person]) -> str:
    return "".join(vcard_of(person) for person in people)
