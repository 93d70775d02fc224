from __future__ import annotations

import pytest

from coffeechat.core.spreadsheet import csv_text, safe_cell


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_run_starts_with_a_quote(start: str) -> None:
    assert safe_cell(f"{start}SUM(A1)") == f"'{start}SUM(A1)"


def test_ordinary_text_is_left_alone() -> None:
    assert safe_cell("Product manager, Acme") == "Product manager, Acme"


def test_none_is_an_empty_cell() -> None:
    assert safe_cell(None) == ""


def test_csv_text_makes_header_and_rows_safe_with_crlf_lines() -> None:
    assert csv_text(["Name"], [["=1+1"], [3]]) == "Name\r\n'=1+1\r\n3\r\n"
