"""Activities: the timeline entries, their filters and what a bad body says."""

from __future__ import annotations

from django.contrib.auth.models import User

from coffeechat.interviews.models import Activity
from tests.api.helpers import API, error_fields, parse_time
from tests.conftest import ApiClient
from tests.factories import ActivityFactory, InterviewFactory, PersonFactory

ACTIVITIES = f"{API}/activities"


def ids(api: ApiClient, **params: object) -> set[int]:
    response = api.get(ACTIVITIES, **params)
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_an_activity_on_an_interview_takes_its_person(owner: User, owner_api: ApiClient) -> None:
    interview = InterviewFactory(owner=owner)
    body = owner_api.post(ACTIVITIES, {"kind": "note", "interview_id": interview.pk}).json()
    assert body["person_id"] == interview.person_id


def test_at_defaults_to_now(owner: User, owner_api: ApiClient) -> None:
    person = PersonFactory(owner=owner)
    body = owner_api.post(ACTIVITIES, {"person_id": person.pk, "text": "Met at a meetup"}).json()
    assert (body["kind"], body["text"]) == ("note", "Met at a meetup")
    parse_time(body["at"])


def test_filter_by_interview_id(owner: User, owner_api: ApiClient) -> None:
    activity = ActivityFactory(owner=owner)
    ActivityFactory(owner=owner)
    assert ids(owner_api, interview_id=activity.interview_id) == {activity.pk}


def test_filter_by_person_id(owner: User, owner_api: ApiClient) -> None:
    activity = ActivityFactory(owner=owner)
    ActivityFactory(owner=owner)
    assert ids(owner_api, person_id=activity.person_id) == {activity.pk}


def test_filter_by_kind(owner: User, owner_api: ApiClient) -> None:
    reply = ActivityFactory(owner=owner, kind="reply_received")
    ActivityFactory(owner=owner, kind="note")
    assert ids(owner_api, kind="reply_received") == {reply.pk}


def test_unknown_kind_is_422(owner: User, owner_api: ApiClient) -> None:
    assert error_fields(owner_api.post(ACTIVITIES, {"kind": "telepathy"})) == ["kind"]
    assert not Activity.objects.filter(owner=owner).exists()


def test_naive_at_is_422(owner: User, owner_api: ApiClient) -> None:
    response = owner_api.post(ACTIVITIES, {"kind": "note", "at": "2030-05-01T14:00:00"})
    assert error_fields(response) == ["at"]
    assert not Activity.objects.filter(owner=owner).exists()


def test_naive_at_on_patch_is_422(owner: User, owner_api: ApiClient) -> None:
    activity = ActivityFactory(owner=owner)
    response = owner_api.patch(f"{ACTIVITIES}/{activity.pk}", {"at": "2030-05-01T14:00:00"})
    assert error_fields(response) == ["at"]
