"""LinkedIn's connections export (``Connections.csv``).

The file begins with a "Notes:" preamble and a blank line, then the header
``First Name,Last Name,URL,Email Address,Company,Position,Connected On``. Emails are often
missing (people choose whether to share them); dates read ``12 Mar 2024``; the file may carry
a byte-order mark and CRLF line endings. Columns are found by name, never by position.
"""

from __future__ import annotations

from datetime import date, datetime

from coffeechat.portability.records import (
    ImportProblem,
    Parsed,
    PersonRecord,
    Progress,
    finish,
    normalize_url,
)
from coffeechat.portability.sources import csv_rows, decode, header_key

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
REQUIRED = ("first name", "last name", "connected on")
PREAMBLE_ROWS = 25  # the header is looked for this far into the file
DATE_FORMATS = ("%d %b %Y", "%d %B %Y", "%Y-%m-%d")

# Record attribute → the column a problem is reported against.
FIELDS = {
    "name": "First Name",
    "emails": "Email Address",
    "profile_url": "URL",
    "organization": "Company",
    "title": "Position",
    "relationship_since": "Connected On",
}


def parse_date(raw: str) -> date | None:
    raw = " ".join(raw.split())
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    return None


def _wrong_header(file: str, first: list[str] | None, line: int) -> ImportProblem:
    from coffeechat.portability.google import looks_like_google

    if first is not None and looks_like_google(first):
        hint = " It looks like a Google Contacts export: import it as Google Contacts."
    else:
        hint = ""
    return ImportProblem(
        file,
        line,
        "",
        f"no LinkedIn connections header ({HEADER}) was found; the header is none of the "
        f"known formats.{hint}",
    )


def parse_linkedin(data: bytes, file: str, progress: Progress | None = None) -> Parsed:
    """People from a LinkedIn ``Connections.csv`` (see the module's description)."""
    parsed = Parsed("linkedin", file)
    try:
        text = decode(data, file)
        rows = csv_rows(text, file, progress)
        columns: dict[str, int] | None = None
        width = 0
        first_row: tuple[int, list[str]] | None = None
        for line, cells in rows:
            if not any(cell.strip() for cell in cells):
                continue
            if columns is None:
                first_row = first_row or (line, cells)
                keys = [header_key(cell) for cell in cells]
                if all(name in keys for name in REQUIRED):
                    columns = {key: index for index, key in enumerate(keys)}
                    width = len(cells)
                elif line > PREAMBLE_ROWS:
                    break
                continue
            _read_row(parsed, line, cells, columns, width)
            if parsed.full:
                break
        if columns is None:
            first_line, first_cells = first_row or (1, None)
            raise _wrong_header(file, first_cells, first_line)
    except ImportProblem as problem:
        parsed.problems.append(problem)
    return parsed


def _read_row(
    parsed: Parsed, line: int, cells: list[str], columns: dict[str, int], width: int
) -> None:
    if len(cells) > width and any(cell.strip() for cell in cells[width:]):
        parsed.problem(
            line,
            "",
            f"the row has {len(cells)} values but the header has {width}: a comma inside a "
            "value that is not in quotes?",
        )
        return

    def cell(name: str) -> str:
        index = columns.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    connected = cell("connected on")
    since = parse_date(connected) if connected else None
    if connected and since is None:
        parsed.problem(line, "Connected On", f"“{connected}” is not a date like 12 Mar 2024.")
        return
    email = cell("email address")
    record = PersonRecord(
        line=line,
        name=f"{cell('first name')} {cell('last name')}",
        title=cell("position"),
        organization=cell("company"),
        emails=[email] if email else [],
        profile_url=normalize_url(cell("url")),
        relationship_since=since,
    )
    finish(parsed, record, FIELDS)
