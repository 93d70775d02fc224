"""Reading uploaded bytes as text, and CSV rows with the line each one starts on."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator

from coffeechat.portability.records import ImportProblem, Progress


def decode(data: bytes, file: str) -> str:
    """The file's text: UTF-8 (with or without a byte-order mark) or UTF-16 with its mark.

    Raises ``ImportProblem`` naming the line of the first byte that is not UTF-8 (a file saved
    as Windows-1252 or Latin-1, say) or when the file is empty.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportProblem(file, None, "", "the file is not valid UTF-16 text.") from None
        return _checked(text, file)  # a NUL in UTF-16 text crashed PostgreSQL (fuzzing)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        raise ImportProblem(
            file,
            line,
            "",
            f"the file is not UTF-8 text (byte 0x{byte:02x}); save or export it as UTF-8 "
            "and import it again.",
        ) from None
    return _checked(text, file)


def _checked(text: str, file: str) -> str:
    if not text.strip():
        raise ImportProblem(file, None, "", "the file is empty.")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ImportProblem(file, line, "", "the file holds binary data, not text.")
    return text


def header_key(name: str) -> str:
    """Column names compared without case, extra spaces or a stray byte-order mark."""
    return " ".join(name.replace("\ufeff", "").split()).casefold()


def csv_rows(
    text: str, file: str, progress: Progress | None = None
) -> Iterator[tuple[int, list[str]]]:
    """Each CSV record with the line it starts on; blank lines come out as empty lists.

    Quotes are read strictly: a stray quote or a quoted field never closed raises
    ``ImportProblem`` with the line where the reader gave up.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    last = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ImportProblem(
                file, reader.line_num or 1, "", f"the CSV quoting is broken ({error})."
            ) from None
        start = last + 1
        last = reader.line_num
        if progress is not None:
            progress(last)
        yield start, row


def count_lines(text: str) -> int:
    return text.count("\n") + (0 if text.endswith("\n") else 1)
