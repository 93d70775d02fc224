"""An interview's question plan over the API: built on first read, replaced by PUT, isolated."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.http import HttpResponse

from coffeechat.interviews.models import Interview
from coffeechat.prep.models import PlanEntry, Question
from coffeechat.prep.services import PlanItem, set_plan
from tests.api.helpers import API, error_fields
from tests.conftest import ApiClient
from tests.factories import InterviewFactory, QuestionFactory

PLAN_FIELDS = {
    "interview_id",
    "duration_minutes",
    "budget_minutes",
    "fitting_minutes",
    "over_budget",
    "entries",
}
ENTRY_FIELDS = {
    "question_id",
    "text",
    "minutes",
    "phase",
    "pinned",
    "fits",
    "starts_at_minute",
    "notes",
}


def plan_url(interview: Interview | int) -> str:
    pk = interview if isinstance(interview, int) else interview.pk
    return f"{API}/interviews/{pk}/plan"


def put(api: ApiClient, interview: Interview, body: object) -> HttpResponse:
    return api.client.put(  # type: ignore[no-any-return]
        plan_url(interview), body, content_type="application/json", headers=api.headers
    )


def planned_ids(interview: Interview) -> list[int]:
    return list(PlanEntry.objects.filter(interview=interview).values_list("question_id", flat=True))


def items(*questions: Question, pinned: bool = False) -> dict[str, Any]:
    return {"questions": [{"question_id": q.pk, "pinned": pinned} for q in questions]}


@pytest.fixture
def interview(owner: User) -> Interview:
    return InterviewFactory(owner=owner, duration_minutes=15, topic="harbour logistics")


@pytest.fixture
def three(owner: User) -> list[Question]:
    return [QuestionFactory(owner=owner, minutes=4) for _ in range(3)]


# GET


def test_get_builds_the_plan_on_first_read(interview: Interview, owner_api: ApiClient) -> None:
    response = owner_api.get(plan_url(interview))
    assert response.status_code == 200, response.content
    assert 12 <= len(response.json()["entries"]) <= 14
    assert PlanEntry.objects.filter(interview=interview).count() == len(response.json()["entries"])


def test_get_answers_the_plan_shape(interview: Interview, owner_api: ApiClient) -> None:
    body = owner_api.get(plan_url(interview)).json()
    assert set(body) == PLAN_FIELDS
    assert all(set(entry) == ENTRY_FIELDS for entry in body["entries"])
    assert (body["interview_id"], body["duration_minutes"]) == (interview.pk, 15)


def test_get_fits_the_plan_into_the_agreed_time(
    interview: Interview, three: list[Question], owner_api: ApiClient
) -> None:
    # 15 minutes leave 10 for questions: two of 4 minutes fit, the third waits.
    set_plan(interview, [PlanItem(q.pk) for q in three])
    body = owner_api.get(plan_url(interview)).json()
    assert body["budget_minutes"] == 10
    assert body["fitting_minutes"] == 8
    assert [e["fits"] for e in body["entries"]] == [True, True, False]
    assert [e["starts_at_minute"] for e in body["entries"]] == [2, 6, 10]


def test_get_fills_the_placeholders(
    owner: User, interview: Interview, owner_api: ApiClient
) -> None:
    question = QuestionFactory(owner=owner, text="What drew you to {topic}?")
    set_plan(interview, [PlanItem(question.pk)])
    entry = owner_api.get(plan_url(interview)).json()["entries"][0]
    assert entry["text"] == "What drew you to harbour logistics?"


def test_get_keeps_a_plan_emptied_on_purpose_empty(
    interview: Interview, owner_api: ApiClient
) -> None:
    set_plan(interview, [])
    assert owner_api.get(plan_url(interview)).json()["entries"] == []


# PUT


def test_put_replaces_the_plan_in_the_given_order(
    interview: Interview, three: list[Question], owner_api: ApiClient
) -> None:
    first, _, third = three
    response = put(owner_api, interview, items(third, first))
    assert response.status_code == 200, response.content
    assert [e["question_id"] for e in response.json()["entries"]] == [third.pk, first.pk]


def test_put_answers_the_same_shape_as_get(
    interview: Interview, three: list[Question], owner_api: ApiClient
) -> None:
    put_body = put(owner_api, interview, items(*three)).json()
    assert put_body == owner_api.get(plan_url(interview)).json()


def test_a_pinned_question_always_fits(
    interview: Interview, three: list[Question], owner_api: ApiClient
) -> None:
    first, second, third = three
    body = {
        "questions": [
            {"question_id": first.pk},
            {"question_id": second.pk},
            {"question_id": third.pk, "pinned": True},
        ]
    }
    entries = put(owner_api, interview, body).json()["entries"]
    assert [(e["pinned"], e["fits"]) for e in entries] == [
        (False, True),
        (False, False),
        (True, True),
    ]


def test_put_keeps_the_notes_taken_on_a_question(
    interview: Interview, three: list[Question], owner_api: ApiClient
) -> None:
    set_plan(interview, [PlanItem(q.pk) for q in three])
    PlanEntry.objects.filter(question=three[1]).update(notes="Mentioned the port strike")
    entries = put(owner_api, interview, items(three[1])).json()["entries"]
    assert entries[0]["notes"] == "Mentioned the port strike"


def test_an_unknown_question_id_is_422_naming_it(
    interview: Interview, owner_api: ApiClient
) -> None:
    response = put(owner_api, interview, {"questions": [{"question_id": 999_999}]})
    assert error_fields(response) == ["questions"]
    assert "999999" in response.json()["detail"][0]["msg"]


def test_another_users_question_is_422_like_an_unknown_one(
    interview: Interview, outsider: User, owner_api: ApiClient
) -> None:
    theirs = QuestionFactory(owner=outsider)
    response = put(owner_api, interview, items(theirs))
    assert error_fields(response) == ["questions"]
    assert f"No such question: {theirs.pk}" in response.json()["detail"][0]["msg"]


def test_a_question_listed_twice_is_422_naming_it(
    interview: Interview, three: list[Question], owner_api: ApiClient
) -> None:
    response = put(owner_api, interview, items(three[0], three[1], three[0]))
    assert error_fields(response) == ["questions"]
    assert f"Question {three[0].pk} is listed more than once" in response.json()["detail"][0]["msg"]


def test_a_refused_put_leaves_the_plan_as_it_was(
    interview: Interview, three: list[Question], owner_api: ApiClient
) -> None:
    set_plan(interview, [PlanItem(three[0].pk)])
    put(owner_api, interview, {"questions": [{"question_id": q} for q in (three[1].pk, 999_999)]})
    assert planned_ids(interview) == [three[0].pk]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "questions"),
        ({"questions": "all of them"}, "questions"),
        ({"questions": [{"pinned": True}]}, "question_id"),
        ({"questions": [{"question_id": 10**20}]}, "question_id"),
        ({"questions": [{"question_id": 0}]}, "question_id"),
    ],
)
def test_a_malformed_body_is_422_naming_the_field(
    body: dict[str, Any], field: str, interview: Interview, owner_api: ApiClient
) -> None:
    assert error_fields(put(owner_api, interview, body)) == [field]


# Another user's interview


def test_outsider_gets_404_reading_the_owners_plan(
    interview: Interview, outsider_api: ApiClient
) -> None:
    assert outsider_api.get(plan_url(interview)).status_code == 404
    assert not PlanEntry.objects.filter(interview=interview).exists()


def test_outsider_gets_404_replacing_the_owners_plan_and_it_is_unchanged(
    interview: Interview, three: list[Question], outsider: User, outsider_api: ApiClient
) -> None:
    set_plan(interview, [PlanItem(three[0].pk)])
    own = QuestionFactory(owner=outsider)
    assert put(outsider_api, interview, items(own)).status_code == 404
    assert planned_ids(interview) == [three[0].pk]


def test_a_missing_interview_is_404(owner_api: ApiClient, db: None) -> None:
    assert owner_api.get(plan_url(999_999)).status_code == 404
    assert owner_api.get(plan_url(10**20)).status_code == 404
