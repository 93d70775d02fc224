"""`coffeechat import`, `export`, `backup` and `restore` (registered on the main group by cli.py).

This module must not import ``coffeechat.cli`` (which imports it); Django is set up inside each
command so that ``--help`` stays instant.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from coffeechat.portability.records import KINDS

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from coffeechat.portability.importer import Preview

EXPORT_FORMATS = ("json", "csv", "vcard", "ics")
PROGRESS_FROM = 1000  # lines (reading) or people (writing): smaller files need no bar
SHOWN = 100  # merges and skipped rows listed on the terminal


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
    try:
        import django

        django.setup()
    except Exception as error:  # bad configuration: say what, never a traceback
        raise click.ClickException(str(error)) from None


def _user(username: str) -> User:
    from django.contrib.auth.models import User

    user = User.objects.filter(username=username).first()
    if user is None:
        raise click.ClickException(
            f"No user named {username!r}. Create one with: coffeechat createuser {username}"
        )
    return user


class _Bars:
    """One progress bar at a time on standard error, for big files only."""

    LABELS = {"reading": "Reading", "writing": "Writing"}

    def __init__(self) -> None:
        self.bar: Any = None
        self.done = 0

    def on_size(self, stage: str, total: int) -> None:
        self.finish()
        if total >= PROGRESS_FROM:
            self.bar = click.progressbar(
                length=total, label=self.LABELS.get(stage, stage), file=sys.stderr
            )
            self.bar.__enter__()
            self.done = 0

    def advance(self, position: int) -> None:
        if self.bar is not None and position > self.done:
            self.bar.update(position - self.done)
            self.done = position

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _report(preview: Preview) -> None:
    click.echo(preview.summary())
    for merge in preview.merges[:SHOWN]:
        into = f" as line {merge.into_line}" if merge.into_line else ""
        click.echo(f"  merged line {merge.line}: {merge.name} (same {merge.matched_by}{into})")
        for change in merge.changes:
            before = f"“{change.before}” → " if change.before else ""
            click.echo(f"      {change.field}: {before}“{change.after}”")
    for skip in preview.skipped[:SHOWN]:
        click.echo(f"  skipped line {skip.line}: {skip.reason}")
    hidden = max(0, len(preview.merges) - SHOWN) + max(0, len(preview.skipped) - SHOWN)
    if hidden:
        click.echo(f"  … and {hidden} more.")


@click.command("import")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--user", "username", required=True, help="Whose account to import into.")
@click.option("--dry-run", is_flag=True, help="Show what would happen; write nothing.")
def import_(kind: str, file: Path, username: str, dry_run: bool) -> None:
    """Import people from FILE: a LinkedIn Connections.csv, a Google Contacts CSV, a vCard file,
    or a coffeechat JSON export (into an empty account).

    People already there (same email, same profile URL, or same name at the same organization)
    are merged, not doubled. A bad file imports nothing: the message names its line and field.
    """
    _django()
    from coffeechat.portability.importer import Steps, preview_import, run_import
    from coffeechat.portability.records import ImportProblem

    user = _user(username)
    bars = _Bars()
    steps = Steps(reading=bars.advance, writing=bars.advance, on_size=bars.on_size)
    action = preview_import if dry_run else run_import
    try:
        preview = action(user, kind, file.read_bytes(), file.name, steps)  # type: ignore[arg-type]
    except ImportProblem as problem:
        raise click.ClickException(f"Nothing was imported. {problem}") from None
    finally:
        bars.finish()
    _report(preview)
    if dry_run:
        click.echo("Dry run: nothing was written.")


@click.command()
@click.option("--user", "username", required=True, help="Whose data.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    required=True,
    help="json: everything (re-importable); csv: people; vcard: contacts; ics: calendar.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="File to write (standard output when left out).",
)
def export(username: str, fmt: str, out: Path | None) -> None:
    """Export a user's data: JSON (everything), CSV (people), vCard 4.0 or ICS (calendar)."""
    _django()
    from coffeechat.portability.exports import export_file

    file = export_file(_user(username), fmt)  # type: ignore[arg-type]
    if out is None:
        click.echo(file.content, nl=False)  # bytes go to the binary stream as they are
        return
    out.write_bytes(file.content)
    click.echo(f"Wrote {out} ({len(file.content):,} bytes).", err=True)


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Write the JSON of every account instead (moves data between SQLite and PostgreSQL).",
)
def backup(file: Path, as_json: bool) -> None:
    """Write a consistent backup of the whole database to FILE, even while the server runs.

    SQLite: SQLite's online backup. PostgreSQL: pg_dump (custom format) when it is installed,
    else the JSON of every account.
    """
    _django()
    from django.conf import settings

    from coffeechat.portability.backup import BackupError
    from coffeechat.portability.backup import backup as make_backup

    try:
        result = make_backup(file, settings.DATABASES["default"], as_json=as_json)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    why = f" ({result.note})" if result.note else ""
    click.echo(f"Backed up to {result.path}: {result.kind}{why}, {result.size:,} bytes.")


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace a database that already holds accounts.")
def restore(file: Path, force: bool) -> None:
    """Restore a backup made by `coffeechat backup` into this data directory's database.

    Refuses a database that already holds accounts unless --force (a replaced SQLite database
    is kept next to it).
    """
    _django()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    from coffeechat.portability.backup import BackupError, kind_of
    from coffeechat.portability.backup import restore as restore_backup

    try:
        if kind_of(file) == "json":
            call_command("migrate", interactive=False, verbosity=0)
        connections.close_all()
        message = restore_backup(file, settings.DATABASES["default"], force=force)
        connections.close_all()
        call_command("migrate", interactive=False, verbosity=0)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(message)
