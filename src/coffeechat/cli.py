"""The `coffeechat` command: thin, calling the same services as the web pages and the API."""

from __future__ import annotations

import ipaddress
import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from django.contrib.auth.models import User

F = TypeVar("F", bound=Callable[..., Any])


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
    import django

    django.setup()


def needs_django(func: F) -> F:
    """Set Django up only for commands that use it, so `--help` stays instant."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            _setup_django()
        except Exception as error:  # bad configuration: say what, never a traceback
            raise click.ClickException(str(error)) from None
        return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _user(username: str) -> User:
    from django.contrib.auth.models import User

    user = User.objects.filter(username=username).first()
    if user is None:
        raise click.ClickException(
            f"No user named {username!r}. Create one with: coffeechat createuser {username}"
        )
    return user


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="coffeechat")
def main() -> None:
    """coffeechat: informational interviews, end to end.

    Research people, write requests that follow the playbook, schedule, prepare questions and a
    pitch, hold the conversation against the clock, thank within 24 hours and keep in touch.

    Configuration comes from the environment (COFFEECHAT_DATA_DIR, DATABASE_URL,
    COFFEECHAT_SECRET_KEY, EMAIL_URL, …); with none, data lives in SQLite in your user data folder.
    """


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port."
)
@click.option(
    "--threads", default=8, show_default=True, type=click.IntRange(1, 64), help="Worker threads."
)
@needs_django
def serve(host: str, port: int, threads: int) -> None:
    """Apply migrations, then serve the web app and the API (/api/v1/)."""
    _serve(host, port, threads)


def migrate_if_needed() -> bool:
    """Run ``migrate`` only when a migration is pending: the full command costs a second at
    every start even with nothing to do. True when it ran."""
    from django.core.management import call_command
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    if not executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return False
    call_command("migrate", interactive=False, verbosity=0)
    return True


def optimize_database() -> bool:
    """Give SQLite's planner statistics: never analysed, it picks the wrong index on large
    tables (a person's page took 200 ms instead of 1). ``PRAGMA optimize`` alone does nothing
    on a fresh connection of SQLite before 3.46, so a database never analysed gets ANALYZE."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return False  # PostgreSQL's autovacuum analyses on its own
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA analysis_limit=1000")  # bounded: milliseconds, whatever the size
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        cursor.execute("PRAGMA optimize" if cursor.fetchone() else "ANALYZE")
    return True


def _serve(host: str, port: int, threads: int) -> None:
    from django.conf import settings

    from coffeechat import env

    if not _is_loopback(host) and not settings.DEBUG and not env.secret_key_configured():
        raise click.ClickException(
            f"Refusing to listen on {host}: set COFFEECHAT_SECRET_KEY (50+ random characters) "
            "before serving beyond this computer, and COFFEECHAT_ALLOWED_HOSTS to your host name."
        )
    migrate_if_needed()
    optimize_database()
    import waitress

    from coffeechat.wsgi import application

    click.echo(f"coffeechat is serving on http://{host}:{port}/ (Ctrl+C stops it)")
    waitress.serve(application, host=host, port=port, threads=threads, ident="coffeechat")


@main.command()
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--no-serve", is_flag=True, help="Only create the sample data.")
@needs_django
def demo(port: int, no_serve: bool) -> None:
    """Create user `demo` with a realistic sample (people, organizations, interviews at every
    stage, activities, tasks), print its password, then serve it."""
    from django.core.management import call_command

    from coffeechat.demo import create_demo

    call_command("migrate", interactive=False, verbosity=0)
    password = create_demo()
    click.echo(f"User: demo\nPassword: {password}")
    if not no_serve:
        _serve("127.0.0.1", port, 8)


@main.command()
@click.argument("username")
@click.option("--email", default="", help="Their email address.")
@needs_django
def createuser(username: str, email: str) -> None:
    """Create a user. The password comes from COFFEECHAT_PASSWORD, else a prompt."""
    from django.core.exceptions import ValidationError
    from django.core.management import call_command

    from coffeechat.accounts.services import create_user

    call_command("migrate", interactive=False, verbosity=0)
    password = os.environ.get("COFFEECHAT_PASSWORD") or click.prompt(
        "Password", hide_input=True, confirmation_prompt=True
    )
    try:
        create_user(username, password, email)
    except ValidationError as error:
        problems = "; ".join(
            f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items()
        )
        raise click.ClickException(problems) from None
    click.echo(f"Created user {username}.")


@main.command()
@click.argument("username")
@click.option("--name", default="API token", show_default=True, help="A name to recognise it by.")
@needs_django
def token(username: str, name: str) -> None:
    """Print a new API token for USERNAME (use it as `Authorization: Bearer <token>`)."""
    from coffeechat.accounts.services import issue_token

    click.echo(issue_token(_user(username), name))


@main.command()
@click.option("--user", "username", required=True, help="Whose agenda.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@needs_django
def today(username: str, as_json: bool) -> None:
    """Due and overdue tasks, today's and upcoming interviews."""
    from coffeechat.followup.agenda_text import agenda_as_dict, agenda_as_text
    from coffeechat.followup.services import agenda

    user = _user(username)
    from coffeechat.accounts.middleware import activate_time_zone_of

    activate_time_zone_of(user)
    plan = agenda(user, limit=None)
    if as_json:
        click.echo(json.dumps(agenda_as_dict(plan), indent=2))
    else:
        click.echo(agenda_as_text(plan))


@main.command("check-outreach")
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-")
@click.option(
    "--channel",
    type=click.Choice(["email", "linkedin-note", "message"]),
    default="email",
    show_default=True,
    help="Where the message goes (a connection note allows 300 characters).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
def check_outreach(file: Any, channel: str, as_json: bool) -> None:
    """Check a request message (FILE, or - for standard input) against the playbook.

    Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error.
    """
    from coffeechat.playbook.outreach import lint_outreach

    report = lint_outreach(file.read(), channel)  # type: ignore[arg-type]
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(f"{report.words} words, {report.characters} characters")
        for finding in report.findings:
            click.echo(f"{finding.level}: {finding.rule}: {finding.message}")
        if not report.findings:
            click.echo("No findings: it follows the playbook.")
    sys.exit(1 if report.has_errors else 0)


@main.command("check-question")
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--json", "as_json", is_flag=True, help="Print the verdicts as JSON.")
def check_question(file: Any, as_json: bool) -> None:
    """Say which questions (one a line, FILE or - for standard input) a web search would answer.

    Ask what only they can tell you (P16). Exit status: 0 none googleable, 1 some, 2 usage error.
    """
    from coffeechat.playbook.googleable import check_questions

    verdicts = check_questions(file.read().splitlines())
    if as_json:
        click.echo(json.dumps([v.to_dict() for v in verdicts], ensure_ascii=False, indent=2))
    else:
        for verdict in verdicts:
            mark = "GOOGLEABLE" if verdict.googleable else "ok"
            click.echo(f"{mark}: {verdict.question}\n    {verdict.reason}")
    sys.exit(1 if any(v.googleable for v in verdicts) else 0)


BRIEF_FORMATS = (".pdf", ".html")


def _brief_out(ctx: click.Context, param: click.Parameter, value: str) -> str:
    # Checked before Django starts: a wrong extension is a usage error (exit 2), not a failure.
    if not value.lower().endswith(BRIEF_FORMATS):
        raise click.BadParameter(f"{value!r} must end in .pdf or .html (the format follows it).")
    return value


@main.command()
@click.argument("interview_id", type=click.IntRange(1, 2**63 - 1))
@click.option("--user", "username", required=True, help="Whose interview.")
@click.option(
    "--out",
    required=True,
    callback=_brief_out,
    help="Where to write it: FILE.pdf or FILE.html.",
)
@needs_django
def brief(interview_id: int, username: str, out: str) -> None:
    """Write the printable brief of one interview: who, when, goal, research, pitch, the
    questions with time marks and the day-of checklist (P15, P18-P23)."""
    from django.http import Http404

    from coffeechat.interviews.services import get_interview
    from coffeechat.prep.brief import render_brief_html, render_brief_pdf

    user = _user(username)
    try:
        interview = get_interview(user, interview_id)
    except Http404:
        raise click.ClickException(f"No interview {interview_id} for user {username}") from None
    if out.lower().endswith(".pdf"):
        content = render_brief_pdf(interview)
    else:
        content = render_brief_html(interview, toolbar=False).encode("utf-8")
    try:
        with open(out, "wb") as file:
            file.write(content)
    except OSError as error:
        raise click.ClickException(f"Cannot write {out}: {error.strerror}") from None
    click.echo(f"Wrote the brief for {interview.person.name} to {out}")


@main.command()
@click.option(
    "--user",
    "username",
    default=None,
    help="Send this user's agenda now, opted in or not.",
)
@click.option(
    "--site-url",
    default="http://127.0.0.1:8000",
    show_default=True,
    help="The address of this coffeechat, for the links in the email.",
)
@needs_django
def digest(username: str | None, site_url: str) -> None:
    """Email each user who opted in their agenda, when something is due (for cron).

    Something due means an overdue task, a task due today or an interview today. With --user,
    that user's agenda is sent now, whether they opted in or not. Exit status 1 when a message
    could not be sent.
    """
    from coffeechat.followup.digest import send_digests

    report = send_digests(user=_user(username) if username else None, site_url=site_url)
    click.echo(report.summary())
    if report.failed:
        sys.exit(1)


@main.command(
    context_settings={
        "ignore_unknown_options": True,
        "allow_extra_args": True,
        "help_option_names": [],
    }
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@needs_django
def manage(args: tuple[str, ...]) -> None:
    """Run one of Django's management commands (migrate, check --deploy, shell, …)."""
    from django.core.management import execute_from_command_line

    execute_from_command_line(["coffeechat manage", *args])


from coffeechat.portability.cli import backup, export, import_, restore  # noqa: E402

for _command in (import_, export, backup, restore):
    main.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
