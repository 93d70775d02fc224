"""Commands run in-process with click's runner, against the test database."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from click.testing import CliRunner
from django.contrib.auth.models import User
from django.utils import timezone

from coffeechat.accounts.models import ApiToken, hash_token
from coffeechat.cli import main
from coffeechat.interviews.models import Stage
from tests.factories import InterviewFactory, TaskFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_token_prints_a_working_token_that_is_stored_hashed(owner: User) -> None:
    result = CliRunner().invoke(main, ["token", owner.username])
    assert result.exit_code == 0
    raw = result.output.strip()
    assert ApiToken.objects.get(user=owner).token_hash == hash_token(raw)


def test_today_prints_overdue_tasks_and_upcoming_interviews(owner: User) -> None:
    TaskFactory(owner=owner, title="Thank Amara", due_at=timezone.now() - timedelta(hours=2))
    InterviewFactory(
        owner=owner,
        topic="Research ops",
        stage=Stage.SCHEDULED,
        scheduled_start=timezone.now() + timedelta(days=2),
    )
    result = CliRunner().invoke(main, ["today", "--user", owner.username])
    assert result.exit_code == 0
    assert "Overdue" in result.output
    assert "Thank Amara" in result.output
    assert "Upcoming interviews" in result.output
    assert "Research ops" in result.output


def test_today_json_lists_the_same_sections(owner: User) -> None:
    TaskFactory(owner=owner, title="Due soon", due_at=timezone.now() + timedelta(days=3))
    result = CliRunner().invoke(main, ["today", "--user", owner.username, "--json"])
    data = json.loads(result.output)
    assert [task["title"] for task in data["upcoming_tasks"]] == ["Due soon"]
    assert data["overdue"] == []


def test_today_says_when_nothing_is_due(owner: User) -> None:
    result = CliRunner().invoke(main, ["today", "--user", owner.username])
    assert "Nothing due" in result.output


def test_today_never_shows_another_users_tasks(owner: User, outsider: User) -> None:
    TaskFactory(owner=outsider, title="Bob's secret", due_at=timezone.now())
    result = CliRunner().invoke(main, ["today", "--user", owner.username])
    assert "Bob's secret" not in result.output
