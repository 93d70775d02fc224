"""`coffeechat today`: the Today page's sections, in its order, as a table or as JSON."""

from __future__ import annotations

import json
from datetime import timedelta

from click.testing import CliRunner
from django.contrib.auth.models import User
from django.utils import timezone

from coffeechat.cli import main
from coffeechat.followup.models import TaskKind
from coffeechat.interviews.models import Stage
from tests.factories import InterviewFactory, TaskFactory


def fill(owner: User) -> None:
    now = timezone.now()
    InterviewFactory(owner=owner, topic="Talk today", stage=Stage.SCHEDULED, scheduled_start=now)
    InterviewFactory(
        owner=owner,
        topic="Talk in three days",
        stage=Stage.SCHEDULED,
        scheduled_start=now + timedelta(days=3),
    )
    TaskFactory(
        owner=owner, title="Thank Ana", kind=TaskKind.THANK_YOU, due_at=now - timedelta(days=1)
    )
    TaskFactory(owner=owner, title="Call Ben again", due_at=now - timedelta(days=2))
    TaskFactory(owner=owner, title="Read the book", due_at=now + timedelta(days=4))


def test_today_prints_the_sections_in_the_order_of_the_today_page(owner: User) -> None:
    fill(owner)
    result = CliRunner().invoke(main, ["today", "--user", owner.username])
    assert result.exit_code == 0
    order = [
        "Interviews today",
        "Talk today",
        "Overdue thank-yous",
        "Thank Ana",
        "Other overdue tasks",
        "Call Ben again",
        "Upcoming interviews",
        "Talk in three days",
        "Next 7 days",
        "Read the book",
    ]
    positions = [result.output.index(text) for text in order]
    assert positions == sorted(positions)


def test_today_table_lines_up_when_and_what(owner: User) -> None:
    fill(owner)
    output = CliRunner().invoke(main, ["today", "--user", owner.username]).output
    lines = output.splitlines()
    heading = lines.index("Overdue thank-yous")
    assert lines[heading + 1] == "-" * len("Overdue thank-yous")
    assert "Thank Ana" in lines[heading + 2]


def test_today_json_adds_overdue_thank_yous_and_keeps_the_other_keys(owner: User) -> None:
    fill(owner)
    result = CliRunner().invoke(main, ["today", "--user", owner.username, "--json"])
    data = json.loads(result.output)
    assert list(data) == [
        "interviews_today",
        "overdue_thank_yous",
        "overdue",
        "due_today",
        "upcoming_interviews",
        "upcoming_tasks",
    ]
    assert [t["title"] for t in data["overdue_thank_yous"]] == ["Thank Ana"]
    assert [t["kind"] for t in data["overdue_thank_yous"]] == ["thank_you"]
    assert [t["title"] for t in data["overdue"]] == ["Call Ben again"]


def test_today_json_of_an_empty_agenda_has_every_key_empty(owner: User) -> None:
    result = CliRunner().invoke(main, ["today", "--user", owner.username, "--json"])
    assert all(value == [] for value in json.loads(result.output).values())


def test_today_for_an_unknown_user_says_how_to_create_one(db: None) -> None:
    result = CliRunner().invoke(main, ["today", "--user", "nobody"])
    assert result.exit_code == 1
    assert "coffeechat createuser nobody" in result.output
