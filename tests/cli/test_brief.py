"""`coffeechat brief`: writes the PDF or the HTML, refuses other formats and other users' ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from django.contrib.auth.models import User
from pypdf import PdfReader

from coffeechat.cli import main
from coffeechat.interviews.models import Interview
from tests.factories import InterviewFactory
from tests.prep.brief_data import full_interview

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def interview(owner: User) -> Interview:
    return full_interview(owner)


def brief(interview_id: int, username: str, out: Path | str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main, ["brief", str(interview_id), "--user", username, "--out", str(out)]
    )
    return result.exit_code, result.output


def test_brief_writes_a_pdf(interview: Interview, owner: User, tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    code, output = brief(interview.pk, owner.username, out)
    assert code == 0, output
    assert "Amara Okafor" in PdfReader(out).pages[0].extract_text()


def test_brief_writes_html(interview: Interview, owner: User, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    code, output = brief(interview.pk, owner.username, out)
    assert code == 0, output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert "Amara Okafor" in page


def test_the_html_file_leaves_out_the_web_pages_toolbar(
    interview: Interview, owner: User, tmp_path: Path
) -> None:
    out = tmp_path / "brief.html"
    brief(interview.pk, owner.username, out)
    assert "window.print()" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["brief.docx", "brief", "brief.pdf.txt"])
def test_brief_refuses_other_extensions_as_a_usage_error(
    name: str, owner: User, tmp_path: Path
) -> None:
    interview = InterviewFactory(owner=owner)
    code, output = brief(interview.pk, owner.username, tmp_path / name)
    assert code == 2
    assert "must end in .pdf or .html" in output
    assert not (tmp_path / name).exists()


def test_brief_refuses_another_users_interview(owner: User, outsider: User, tmp_path: Path) -> None:
    interview = InterviewFactory(owner=owner)
    code, output = brief(interview.pk, outsider.username, tmp_path / "brief.pdf")
    assert code == 1
    assert f"No interview {interview.pk} for user {outsider.username}" in output
    assert not (tmp_path / "brief.pdf").exists()


def test_brief_names_an_unknown_user(tmp_path: Path, db: None) -> None:
    code, output = brief(1, "nobody", tmp_path / "brief.pdf")
    assert code == 1
    assert "No user named 'nobody'" in output


def test_brief_says_when_the_file_cannot_be_written(owner: User, tmp_path: Path) -> None:
    interview = InterviewFactory(owner=owner)
    code, output = brief(interview.pk, owner.username, tmp_path / "missing" / "brief.html")
    assert code == 1
    assert "Cannot write" in output
