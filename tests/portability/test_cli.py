"""`coffeechat import` and `coffeechat export`, run in-process with click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.contrib.auth.models import User

from coffeechat.cli import main
from coffeechat.people.models import Person
from coffeechat.portability.json_format import export_document
from tests.portability.conftest import FIXTURES, row_counts

pytestmark = pytest.mark.django_db


def test_import_linkedin_creates_the_people_and_says_how_many(owner: User) -> None:
    result = CliRunner().invoke(
        main, ["import", "linkedin", str(FIXTURES / "Connections.csv"), "--user", "alice"]
    )
    assert result.exit_code == 0, result.output
    assert "Connections.csv: 6 new, 0 merged, 0 skipped (4 new organizations)." in result.stdout
    assert Person.objects.filter(owner=owner).count() == 6


def test_dry_run_shows_the_counts_and_writes_nothing(owner: User) -> None:
    before = row_counts()
    result = CliRunner().invoke(
        main,
        ["import", "google", str(FIXTURES / "google_contacts.csv"), "--user", "alice", "--dry-run"],
    )
    assert result.exit_code == 0, result.output
    assert "3 new, 0 merged, 1 skipped" in result.stdout
    assert "skipped line 8: no name" in result.stdout
    assert "Dry run: nothing was written." in result.stdout
    assert row_counts() == before


def test_dry_run_lists_each_merge_with_its_changes(owner: User) -> None:
    runner = CliRunner()
    runner.invoke(
        main, ["import", "linkedin", str(FIXTURES / "Connections.csv"), "--user", "alice"]
    )
    result = runner.invoke(
        main,
        [
            "import",
            "linkedin",
            str(FIXTURES / "Connections_later.csv"),
            "--user",
            "alice",
            "--dry-run",
        ],
    )
    assert "merged line 6: Daniel Chen (same profile URL)" in result.stdout
    assert "Emails: “daniel.chen@lumen.example”" in result.stdout


def test_a_malformed_file_fails_naming_line_and_field(owner: User) -> None:
    before = row_counts()
    result = CliRunner().invoke(
        main, ["import", "vcard", str(FIXTURES / "vcard_bad_email.vcf"), "--user", "alice"]
    )
    assert result.exit_code == 1
    assert "Nothing was imported. vcard_bad_email.vcf, line 11, field “EMAIL”" in result.stderr
    assert row_counts() == before


def test_import_for_an_unknown_user_says_how_to_create_one(db: None) -> None:
    result = CliRunner().invoke(
        main, ["import", "linkedin", str(FIXTURES / "Connections.csv"), "--user", "nobody"]
    )
    assert result.exit_code == 1
    assert "coffeechat createuser nobody" in result.stderr


def test_a_large_file_shows_progress_on_standard_error(owner: User, tmp_path: Path) -> None:
    rows = "".join(f"P{i},Q{i},,,Org {i % 50},Role,12 Mar 2024\n" for i in range(1500))
    big = tmp_path / "Connections.csv"
    big.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + rows)
    result = CliRunner().invoke(main, ["import", "linkedin", str(big), "--user", "alice"])
    assert result.exit_code == 0, result.output
    assert "Reading" in result.stderr
    assert "Writing" in result.stderr
    assert "Reading" not in result.stdout


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        ("json", b"{"),
        ("csv", b"Name,Organization,Title"),
        ("vcard", b""),
        ("ics", b"BEGIN:VCALENDAR"),
    ],
)
def test_export_writes_each_format_to_a_file(
    owner: User, tmp_path: Path, fmt: str, start: bytes
) -> None:
    out = tmp_path / f"export.{fmt}"
    result = CliRunner().invoke(
        main, ["export", "--user", "alice", "--format", fmt, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(start)


def test_export_without_out_prints_to_standard_output(owner: User) -> None:
    result = CliRunner().invoke(main, ["export", "--user", "alice", "--format", "json"])
    assert json.loads(result.stdout)["format"] == "coffeechat"


def test_export_then_import_json_moves_an_account(
    full_owner: User, outsider: User, tmp_path: Path
) -> None:
    out = tmp_path / "alice.json"
    runner = CliRunner()
    runner.invoke(main, ["export", "--user", "alice", "--format", "json", "--out", str(out)])
    result = runner.invoke(main, ["import", "json", str(out), "--user", "bob"])
    assert result.exit_code == 0, result.output
    bob = User.objects.get(pk=outsider.pk)  # as read now, not as cached by the fixture
    first, second = export_document(full_owner), export_document(bob)
    first.pop("exported_at"), second.pop("exported_at")
    assert second == first


@pytest.mark.parametrize("command", ["import", "export", "backup", "restore"])
def test_each_data_command_has_its_own_help(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert result.output.startswith(f"Usage: main {command} [OPTIONS]")
