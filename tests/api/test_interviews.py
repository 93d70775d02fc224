"""Interviews: filters, stage changes in the timeline, and what a bad body says."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from coffeechat.interviews.models import Activity, Interview
from tests.api.helpers import API, LATER, error_fields, parse_time
from tests.conftest import ApiClient
from tests.factories import InterviewFactory, PersonFactory

INTERVIEWS = f"{API}/interviews"


def ids(api: ApiClient, **params: object) -> set[int]:
    response = api.get(INTERVIEWS, **params)
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def new_body(owner: User, **fields: object) -> dict[str, object]:
    return {"person_id": PersonFactory(owner=owner).pk, "topic": "Day to day", **fields}


# Filters


def test_filter_by_stage(owner: User, owner_api: ApiClient) -> None:
    scheduled = InterviewFactory(owner=owner, stage="scheduled")
    InterviewFactory(owner=owner, stage="idea")
    assert ids(owner_api, stage="scheduled") == {scheduled.pk}


def test_filter_by_person_id(owner: User, owner_api: ApiClient) -> None:
    interview = InterviewFactory(owner=owner)
    InterviewFactory(owner=owner)
    assert ids(owner_api, person_id=interview.person_id) == {interview.pk}


def test_person_name_comes_with_the_interview(owner: User, owner_api: ApiClient) -> None:
    interview = InterviewFactory(owner=owner, person=PersonFactory(owner=owner, name="Ada"))
    assert owner_api.get(f"{INTERVIEWS}/{interview.pk}").json()["person_name"] == "Ada"


# Stage changes


def test_patching_the_stage_records_an_activity(owner: User, owner_api: ApiClient) -> None:
    interview = InterviewFactory(owner=owner, stage="idea")
    response = owner_api.patch(f"{INTERVIEWS}/{interview.pk}", {"stage": "requested"})
    assert response.json()["stage"] == "requested"
    timeline = owner_api.get(f"{API}/activities", interview_id=interview.pk).json()["items"]
    assert [(item["kind"], item["text"]) for item in timeline] == [
        ("request_sent", "Idea → Requested")
    ]
    assert timeline[0]["person_id"] == interview.person_id


def test_patching_to_an_exit_stage_records_a_stage_change(
    owner: User, owner_api: ApiClient
) -> None:
    interview = InterviewFactory(owner=owner, stage="requested")
    owner_api.patch(f"{INTERVIEWS}/{interview.pk}", {"stage": "declined"})
    activity = Activity.objects.get(interview=interview)
    assert (activity.kind, activity.text) == ("stage_changed", "Requested → Declined")


def test_patching_the_stage_restarts_the_stage_clock(owner: User, owner_api: ApiClient) -> None:
    interview = InterviewFactory(owner=owner, stage="idea")
    before = parse_time(owner_api.get(f"{INTERVIEWS}/{interview.pk}").json()["stage_changed_at"])
    body = owner_api.patch(f"{INTERVIEWS}/{interview.pk}", {"stage": "researching"}).json()
    assert parse_time(body["stage_changed_at"]) > before


def test_patching_to_the_same_stage_records_nothing(owner: User, owner_api: ApiClient) -> None:
    interview = InterviewFactory(owner=owner, stage="scheduled")
    assert (
        owner_api.patch(f"{INTERVIEWS}/{interview.pk}", {"stage": "scheduled"}).status_code == 200
    )
    assert not Activity.objects.filter(interview=interview).exists()


def test_patching_other_fields_records_nothing(owner: User, owner_api: ApiClient) -> None:
    interview = InterviewFactory(owner=owner)
    owner_api.patch(f"{INTERVIEWS}/{interview.pk}", {"topic": "Another topic"})
    assert not Activity.objects.filter(interview=interview).exists()


def test_a_rejected_patch_neither_moves_the_stage_nor_records(
    owner: User, owner_api: ApiClient
) -> None:
    interview = InterviewFactory(owner=owner, stage="idea")
    response = owner_api.patch(
        f"{INTERVIEWS}/{interview.pk}", {"stage": "requested", "time_zone": "Nowhere"}
    )
    assert error_fields(response) == ["time_zone"]
    interview.refresh_from_db()
    assert interview.stage == "idea"
    assert not Activity.objects.filter(interview=interview).exists()


# Times


def test_scheduled_start_keeps_the_instant_and_answers_with_an_offset(
    owner: User, owner_api: ApiClient
) -> None:
    created = owner_api.post(INTERVIEWS, new_body(owner, scheduled_start=LATER)).json()
    read = owner_api.get(f"{INTERVIEWS}/{created['id']}").json()
    assert parse_time(read["scheduled_start"]) == parse_time(LATER)
    assert Interview.objects.get(pk=created["id"]).scheduled_start == parse_time(LATER)


def test_patch_scheduled_start_null_clears_it(owner: User, owner_api: ApiClient) -> None:
    interview = InterviewFactory(owner=owner, scheduled_start=parse_time(LATER))
    body = owner_api.patch(f"{INTERVIEWS}/{interview.pk}", {"scheduled_start": None}).json()
    assert body["scheduled_start"] is None


# Bad input


def test_missing_topic_is_422(owner: User, owner_api: ApiClient) -> None:
    body = new_body(owner)
    del body["topic"]
    assert error_fields(owner_api.post(INTERVIEWS, body)) == ["topic"]


def test_missing_person_id_is_422(owner_api: ApiClient) -> None:
    assert error_fields(owner_api.post(INTERVIEWS, {"topic": "Day to day"})) == ["person_id"]


@pytest.mark.parametrize("minutes", [0, 4, 181, 600])
def test_duration_out_of_range_is_422_on_create(
    minutes: int, owner: User, owner_api: ApiClient
) -> None:
    response = owner_api.post(INTERVIEWS, new_body(owner, duration_minutes=minutes))
    assert error_fields(response) == ["duration_minutes"]
    assert not Interview.objects.filter(owner=owner).exists()


@pytest.mark.parametrize("minutes", [0, 600])
def test_duration_out_of_range_is_422_on_patch(
    minutes: int, owner: User, owner_api: ApiClient
) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_api.patch(f"{INTERVIEWS}/{interview.pk}", {"duration_minutes": minutes})
    assert error_fields(response) == ["duration_minutes"]
    interview.refresh_from_db()
    assert interview.duration_minutes == 20


@pytest.mark.parametrize("minutes", [5, 180])
def test_duration_at_the_limits_is_accepted(
    minutes: int, owner: User, owner_api: ApiClient
) -> None:
    response = owner_api.post(INTERVIEWS, new_body(owner, duration_minutes=minutes))
    assert response.status_code == 201
    assert response.json()["duration_minutes"] == minutes


def test_unknown_stage_is_422_on_create(owner: User, owner_api: ApiClient) -> None:
    response = owner_api.post(INTERVIEWS, new_body(owner, stage="ghosted"))
    assert error_fields(response) == ["stage"]
    assert not Interview.objects.filter(owner=owner).exists()


def test_unknown_stage_is_422_on_patch(owner: User, owner_api: ApiClient) -> None:
    interview = InterviewFactory(owner=owner, stage="idea")
    assert error_fields(owner_api.patch(f"{INTERVIEWS}/{interview.pk}", {"stage": "ghosted"})) == [
        "stage"
    ]
    interview.refresh_from_db()
    assert interview.stage == "idea"


def test_naive_scheduled_start_is_422(owner: User, owner_api: ApiClient) -> None:
    response = owner_api.post(INTERVIEWS, new_body(owner, scheduled_start="2030-05-01T14:00:00"))
    assert error_fields(response) == ["scheduled_start"]
    assert not Interview.objects.filter(owner=owner).exists()


def test_naive_scheduled_start_on_patch_is_422(owner: User, owner_api: ApiClient) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_api.patch(
        f"{INTERVIEWS}/{interview.pk}", {"scheduled_start": "2030-05-01T14:00:00"}
    )
    assert error_fields(response) == ["scheduled_start"]


def test_unknown_time_zone_is_422(owner: User, owner_api: ApiClient) -> None:
    response = owner_api.post(INTERVIEWS, new_body(owner, time_zone="Europe/Atlantis"))
    assert error_fields(response) == ["time_zone"]


def test_unknown_mode_is_422(owner: User, owner_api: ApiClient) -> None:
    assert error_fields(owner_api.post(INTERVIEWS, new_body(owner, mode="carrier_pigeon"))) == [
        "mode"
    ]


def test_invalid_video_url_is_422(owner: User, owner_api: ApiClient) -> None:
    assert error_fields(owner_api.post(INTERVIEWS, new_body(owner, video_url="zoom please"))) == [
        "video_url"
    ]
