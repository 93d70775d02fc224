"""Series goals over the API: CRUD, progress on the detail, what a bad body says, isolation."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from coffeechat.insights.models import Goal
from coffeechat.interviews.models import ActivityKind, Interview, Stage
from tests.api.helpers import API, error_fields
from tests.conftest import ApiClient
from tests.factories import ActivityFactory, GoalFactory, InterviewFactory, PersonFactory

GOALS = f"{API}/goals"
HUGE = 10**20


def item(pk: int) -> str:
    return f"{GOALS}/{pk}"


def body(**overrides: object) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "10 conversations with engineers in Toronto",
        "target_count": 10,
        "start_date": "2027-01-10",
        "due_date": "2027-03-01",
        "role_keywords": "engineer, developer",
        "industry": "Software",
        "location": "Toronto",
        "tags": ["alumni"],
    }
    data.update(overrides)
    return data


def held(user: User, title: str, at: datetime) -> Interview:
    interview = InterviewFactory(
        owner=user, person=PersonFactory(owner=user, title=title), stage=Stage.HELD
    )
    ActivityFactory(owner=user, interview=interview, kind=ActivityKind.HELD, at=at)
    return interview


@pytest.fixture
def finished(owner: User) -> Goal:
    """A goal whose window is over (so its status is fixed): 3 engineers in January 2026."""
    return GoalFactory(
        owner=owner,
        title="Three engineers",
        target_count=3,
        start_date=date(2026, 1, 1),
        due_date=date(2026, 1, 31),
        role_keywords="engineer",
    )


# --- list ---------------------------------------------------------------------------------------


def test_the_list_answers_items_and_count(owner_api: ApiClient, owner: User) -> None:
    GoalFactory(owner=owner, title="One")
    response = owner_api.get(GOALS)
    assert response.status_code == 200
    assert response.json()["count"] == 1
    assert [goal["title"] for goal in response.json()["items"]] == ["One"]


def test_the_list_never_shows_another_users_goals(
    owner_api: ApiClient, owner: User, outsider: User
) -> None:
    GoalFactory(owner=outsider, title="Secret")
    assert owner_api.get(GOALS).json() == {"items": [], "count": 0}


def test_a_huge_page_number_is_422(owner_api: ApiClient) -> None:
    assert error_fields(owner_api.get(GOALS, page=HUGE)) == ["page"]


# --- create -------------------------------------------------------------------------------------


def test_create_answers_201_with_the_goal(owner_api: ApiClient, owner: User) -> None:
    response = owner_api.post(GOALS, body())
    assert response.status_code == 201, response.content
    created = response.json()
    sent = body()
    assert {key: created[key] for key in sent} == sent
    assert Goal.objects.get(pk=created["id"]).owner == owner


def test_create_without_start_date_starts_today_in_the_users_zone(
    owner_api: ApiClient, owner: User
) -> None:
    owner.profile.time_zone = "Pacific/Kiritimati"  # UTC+14: often a day ahead of UTC
    owner.profile.save()
    today = timezone.now().astimezone(ZoneInfo("Pacific/Kiritimati")).date()
    due = today + timedelta(days=30)
    data = body(due_date=due.isoformat())
    del data["start_date"]
    response = owner_api.post(GOALS, data)
    assert response.json()["start_date"] == today.isoformat()


def test_create_tidies_keywords_and_tags(owner_api: ApiClient) -> None:
    created = owner_api.post(
        GOALS, body(role_keywords=" engineer,,developer ", tags=[" alumni ", "alumni", ""])
    ).json()
    assert (created["role_keywords"], created["tags"]) == ("engineer, developer", ["alumni"])


def test_a_due_date_before_the_start_is_422_on_due_date(owner_api: ApiClient) -> None:
    response = owner_api.post(GOALS, body(start_date="2027-03-01", due_date="2027-02-01"))
    assert error_fields(response) == ["due_date"]
    assert response.json()["detail"][0]["msg"] == "Must be after the start date (1 March 2027)."


@pytest.mark.parametrize("target", [0, 501, "ten"])
def test_a_target_outside_1_to_500_is_422_on_target_count(
    owner_api: ApiClient, target: object
) -> None:
    assert error_fields(owner_api.post(GOALS, body(target_count=target))) == ["target_count"]


def test_a_missing_due_date_is_422_on_due_date(owner_api: ApiClient) -> None:
    data = body()
    del data["due_date"]
    assert error_fields(owner_api.post(GOALS, data)) == ["due_date"]


def test_a_date_that_is_not_a_date_is_422_on_its_field(owner_api: ApiClient) -> None:
    assert error_fields(owner_api.post(GOALS, body(start_date="soon"))) == ["start_date"]


def test_a_blank_title_is_422_on_title(owner_api: ApiClient, owner: User) -> None:
    assert error_fields(owner_api.post(GOALS, body(title="   "))) == ["title"]
    assert not Goal.objects.filter(owner=owner).exists()


# --- read, with progress ------------------------------------------------------------------------


def test_read_includes_the_progress(owner_api: ApiClient, owner: User, finished: Goal) -> None:
    counted = held(owner, "Engineer", datetime(2026, 1, 15, 12, tzinfo=UTC))
    held(owner, "Designer", datetime(2026, 1, 16, 12, tzinfo=UTC))
    held(owner, "Engineer", datetime(2026, 2, 15, 12, tzinfo=UTC))  # after the window
    planned = InterviewFactory(
        owner=owner, person=PersonFactory(owner=owner, title="Engineer"), stage=Stage.REQUESTED
    )
    progress = owner_api.get(item(finished.pk)).json()["progress"]
    assert {key: progress[key] for key in ("counted", "target", "status", "shortfall")} == {
        "counted": 1,
        "target": 3,
        "status": "missed",
        "shortfall": 2,
    }
    assert (progress["label"], progress["percent"], progress["expected"]) == ("Missed by 2", 33, 3)
    assert progress["counted_interview_ids"] == [counted.pk]
    assert (progress["pipeline"], progress["pipeline_interview_ids"]) == (1, [planned.pk])
    assert progress["sentence"] == "Missed by 2: 1 of 3 conversations held by 31 January 2026."


def test_read_says_met_once_the_target_is_reached(
    owner_api: ApiClient, owner: User, finished: Goal
) -> None:
    for day in (5, 6, 7):
        held(owner, "Engineer", datetime(2026, 1, day, 12, tzinfo=UTC))
    progress = owner_api.get(item(finished.pk)).json()["progress"]
    assert (progress["counted"], progress["status"], progress["percent"]) == (3, "met", 100)


def test_progress_never_counts_another_users_interviews(
    owner_api: ApiClient, outsider: User, finished: Goal
) -> None:
    held(outsider, "Engineer", datetime(2026, 1, 15, 12, tzinfo=UTC))
    progress = owner_api.get(item(finished.pk)).json()["progress"]
    assert (progress["counted"], progress["pipeline"]) == (0, 0)


def test_a_huge_id_is_404(owner_api: ApiClient) -> None:
    assert owner_api.get(item(HUGE)).status_code == 404


# --- update -------------------------------------------------------------------------------------


def test_patch_changes_only_the_fields_sent(owner_api: ApiClient, finished: Goal) -> None:
    response = owner_api.patch(item(finished.pk), {"title": "Three engineers, at last"})
    assert response.status_code == 200, response.content
    finished.refresh_from_db()
    assert (finished.title, finished.target_count, finished.role_keywords) == (
        "Three engineers, at last",
        3,
        "engineer",
    )


def test_patch_answers_the_new_progress(owner_api: ApiClient, finished: Goal) -> None:
    response = owner_api.patch(item(finished.pk), {"target_count": 5})
    assert response.json()["progress"]["label"] == "Missed by 5"


def test_patch_moving_the_due_date_before_the_start_is_422(
    owner_api: ApiClient, finished: Goal
) -> None:
    response = owner_api.patch(item(finished.pk), {"due_date": "2025-12-01"})
    assert error_fields(response) == ["due_date"]
    finished.refresh_from_db()
    assert finished.due_date == date(2026, 1, 31)


def test_patch_null_title_is_422(owner_api: ApiClient, finished: Goal) -> None:
    assert error_fields(owner_api.patch(item(finished.pk), {"title": None})) == ["title"]


# --- delete -------------------------------------------------------------------------------------


def test_delete_answers_204_and_keeps_the_interviews(
    owner_api: ApiClient, owner: User, finished: Goal
) -> None:
    interview = held(owner, "Engineer", datetime(2026, 1, 15, 12, tzinfo=UTC))
    assert owner_api.delete(item(finished.pk)).status_code == 204
    assert not Goal.objects.filter(pk=finished.pk).exists()
    assert Interview.objects.filter(pk=interview.pk).exists()


# --- another user's goal ------------------------------------------------------------------------


def test_another_users_goal_is_404_to_read(outsider_api: ApiClient, finished: Goal) -> None:
    assert outsider_api.get(item(finished.pk)).status_code == 404


def test_another_users_goal_is_404_to_patch_and_unchanged(
    outsider_api: ApiClient, finished: Goal
) -> None:
    assert outsider_api.patch(item(finished.pk), {"title": "Mine now"}).status_code == 404
    finished.refresh_from_db()
    assert finished.title == "Three engineers"


def test_another_users_goal_is_404_to_delete_and_kept(
    outsider_api: ApiClient, finished: Goal
) -> None:
    assert outsider_api.delete(item(finished.pk)).status_code == 404
    assert Goal.objects.filter(pk=finished.pk).exists()


def test_without_a_token_goals_are_401(client, finished: Goal) -> None:  # type: ignore[no-untyped-def]
    assert client.get(item(finished.pk)).status_code == 401
