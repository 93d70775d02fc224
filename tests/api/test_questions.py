"""The question bank over the API: CRUD, search, filters, what a bad body says, and isolation."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from coffeechat.playbook.question_bank import QUESTION_BANK
from coffeechat.prep.models import Question
from coffeechat.prep.services import ensure_bank
from tests.api.helpers import API, error_fields
from tests.conftest import ApiClient
from tests.factories import QuestionFactory

QUESTIONS = f"{API}/questions"
HUGE = 10**20


def item(pk: int) -> str:
    return f"{QUESTIONS}/{pk}"


def texts(api: ApiClient, **params: object) -> list[str]:
    response = api.get(QUESTIONS, **params, page_size=100)
    assert response.status_code == 200, response.content
    return sorted(entry["text"] for entry in response.json()["items"])


@pytest.fixture
def zeppelin(owner: User) -> Question:
    return QuestionFactory(
        owner=owner,
        text="What did building zeppelin models teach you about patience?",
        category="advice",
        tiara="advice",
        tags=["hobbies", "patience"],
        starred=True,
    )


@pytest.fixture
def harbour(owner: User) -> Question:
    return QuestionFactory(
        owner=owner,
        text="How do harbour pilots learn the zeppelin-free coast?",
        category="industry",
        tiara="trends",
        tags=["ships"],
    )


def own(texts_found: list[str], *questions: Question) -> list[str]:
    """The found texts among the given questions (the built-in bank answers too)."""
    mine = {question.text for question in questions}
    return [text for text in texts_found if text in mine]


# List and pagination


def test_list_answers_items_and_count_with_the_built_in_bank(owner_api: ApiClient) -> None:
    body = owner_api.get(QUESTIONS).json()
    assert set(body) == {"items", "count"}
    assert body["count"] == len(QUESTION_BANK)


def test_list_pages_by_50(owner_api: ApiClient) -> None:
    first = owner_api.get(QUESTIONS).json()
    second = owner_api.get(QUESTIONS, page=2).json()
    assert len(first["items"]) == 50
    assert {q["id"] for q in first["items"]}.isdisjoint(q["id"] for q in second["items"])


def test_a_huge_page_number_is_422(owner_api: ApiClient) -> None:
    assert error_fields(owner_api.get(QUESTIONS, page=HUGE)) == ["page"]


def test_built_in_copies_carry_their_key(owner_api: ApiClient) -> None:
    found = owner_api.get(QUESTIONS, q="typical day look like").json()["items"]
    assert [q["key"] for q in found] == ["role-typical-day"]


# Search and filters


def test_q_finds_questions_by_a_word_of_the_text(
    zeppelin: Question, harbour: Question, owner_api: ApiClient
) -> None:
    assert texts(owner_api, q="PATIENCE") == [zeppelin.text]


def test_q_finds_questions_by_tag(
    zeppelin: Question, harbour: Question, owner_api: ApiClient
) -> None:
    assert texts(owner_api, q="ships") == [harbour.text]


def test_q_needs_every_word_to_match(
    zeppelin: Question, harbour: Question, owner_api: ApiClient
) -> None:
    assert texts(owner_api, q="zeppelin harbour") == [harbour.text]


def test_filter_by_category(zeppelin: Question, harbour: Question, owner_api: ApiClient) -> None:
    found = texts(owner_api, category="industry")
    assert own(found, zeppelin, harbour) == [harbour.text]
    assert len(found) > 1  # the built-in industry questions too


def test_filter_by_tiara(zeppelin: Question, harbour: Question, owner_api: ApiClient) -> None:
    assert own(texts(owner_api, tiara="trends"), zeppelin, harbour) == [harbour.text]


def test_filter_by_tag_is_exact(
    zeppelin: Question, harbour: Question, owner_api: ApiClient
) -> None:
    assert texts(owner_api, tag="hobbies") == [zeppelin.text]
    assert texts(owner_api, tag="hobb") == []


def test_filter_starred(zeppelin: Question, harbour: Question, owner_api: ApiClient) -> None:
    assert texts(owner_api, starred="true") == [zeppelin.text]


def test_search_never_finds_another_users_questions(
    zeppelin: Question, outsider_api: ApiClient
) -> None:
    assert texts(outsider_api, q="zeppelin") == []


# Create, read, update, delete


def test_create_answers_201_with_the_question(owner_api: ApiClient) -> None:
    body = {
        "text": "What made you stay at {organization} through the merger?",
        "category": "organization",
        "tiara": "insights",
        "phase": "questions",
        "minutes": 2.5,
        "fits_15": False,
        "starred": True,
        "tags": ["merger"],
    }
    response = owner_api.post(QUESTIONS, body)
    assert response.status_code == 201, response.content
    created = response.json()
    assert {key: created[key] for key in body} == body
    assert created["key"] == ""
    assert Question.objects.filter(pk=created["id"], key="").exists()


def test_create_fills_the_defaults(owner_api: ApiClient) -> None:
    created = owner_api.post(QUESTIONS, {"text": "What keeps you curious?"}).json()
    assert (created["category"], created["phase"], created["minutes"]) == ("role", "questions", 1.5)


def test_create_tidies_the_tags(owner_api: ApiClient) -> None:
    body = {"text": "What keeps you curious?", "tags": [" Ships ", "ships", "Deep  Sea"]}
    assert owner_api.post(QUESTIONS, body).json()["tags"] == ["ships", "deep sea"]


def test_the_key_cannot_be_set(owner_api: ApiClient) -> None:
    body = {"text": "What keeps you curious?", "key": "path-first-spark"}
    assert owner_api.post(QUESTIONS, body).json()["key"] == ""


def test_a_question_a_search_answers_is_flagged_googleable(owner_api: ApiClient) -> None:
    created = owner_api.post(QUESTIONS, {"text": "When was {organization} founded?"}).json()
    assert created["googleable"]["flag"] is True
    assert "website" in created["googleable"]["reason"]


def test_a_question_only_they_can_answer_is_not_googleable(
    zeppelin: Question, owner_api: ApiClient
) -> None:
    googleable = owner_api.get(item(zeppelin.pk)).json()["googleable"]
    assert googleable["flag"] is False
    assert googleable["reason"]


def test_read_one(zeppelin: Question, owner_api: ApiClient) -> None:
    body = owner_api.get(item(zeppelin.pk)).json()
    assert (body["id"], body["text"], body["tags"]) == (zeppelin.pk, zeppelin.text, zeppelin.tags)


def test_patch_changes_only_the_given_fields(zeppelin: Question, owner_api: ApiClient) -> None:
    response = owner_api.patch(item(zeppelin.pk), {"starred": False, "minutes": 3})
    assert response.status_code == 200, response.content
    zeppelin.refresh_from_db()
    assert (zeppelin.starred, zeppelin.minutes, zeppelin.category) == (False, 3, "advice")


def test_patch_cannot_change_the_key(owner: User, owner_api: ApiClient) -> None:
    ensure_bank(owner)
    builtin = Question.objects.filter(owner=owner).exclude(key="").first()
    assert builtin is not None
    owner_api.patch(item(builtin.pk), {"key": "", "text": "What drew you to this work?"})
    builtin.refresh_from_db()
    assert builtin.key
    assert builtin.text == "What drew you to this work?"


def test_delete_answers_204_and_the_question_is_gone(
    zeppelin: Question, owner_api: ApiClient
) -> None:
    assert owner_api.delete(item(zeppelin.pk)).status_code == 204
    assert not Question.objects.filter(pk=zeppelin.pk).exists()


# Bad input: 422 naming the field


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": "   "}, "text"),
        ({"text": "x" * 501}, "text"),
        ({"text": "Why?", "category": "gossip"}, "category"),
        ({"text": "Why?", "tiara": "tiaras"}, "tiara"),
        ({"text": "Why?", "phase": "dessert"}, "phase"),
        ({"text": "Why?", "minutes": 0}, "minutes"),
        ({"text": "Why?", "minutes": 31}, "minutes"),
        ({"text": "Why?", "tags": [f"tag{n}" for n in range(11)]}, "tags"),
        ({"text": "Why?", "tags": ["x" * 41]}, "tags"),
        ({"text": "Why?", "tags": "ships"}, "tags"),
    ],
)
def test_a_bad_create_is_422_naming_the_field(
    body: dict[str, Any], field: str, owner_api: ApiClient
) -> None:
    assert error_fields(owner_api.post(QUESTIONS, body)) == [field]


@pytest.mark.parametrize("field", ["text", "minutes", "category", "tags", "starred"])
def test_patching_null_into_a_field_is_422_and_changes_nothing(
    field: str, zeppelin: Question, owner_api: ApiClient
) -> None:
    before = owner_api.get(item(zeppelin.pk)).json()
    assert error_fields(owner_api.patch(item(zeppelin.pk), {field: None})) == [field]
    assert owner_api.get(item(zeppelin.pk)).json() == before


def test_patching_a_blank_text_is_422(zeppelin: Question, owner_api: ApiClient) -> None:
    assert error_fields(owner_api.patch(item(zeppelin.pk), {"text": "  "})) == ["text"]


# Another user's question: 404 everywhere, and it stays as it was


def test_outsider_gets_404_reading_the_owners_question(
    zeppelin: Question, outsider_api: ApiClient
) -> None:
    assert outsider_api.get(item(zeppelin.pk)).status_code == 404


def test_outsiders_404_looks_like_a_missing_id(zeppelin: Question, outsider_api: ApiClient) -> None:
    theirs = outsider_api.get(item(zeppelin.pk))
    missing = outsider_api.get(item(999_999))
    assert theirs.status_code == missing.status_code == 404
    assert theirs.json() == missing.json()


def test_outsider_gets_404_patching_the_owners_question_and_it_is_unchanged(
    zeppelin: Question, outsider_api: ApiClient
) -> None:
    assert outsider_api.patch(item(zeppelin.pk), {"text": "Hijacked?"}).status_code == 404
    zeppelin.refresh_from_db()
    assert zeppelin.text.startswith("What did building zeppelin")


def test_outsider_gets_404_deleting_the_owners_question_and_it_stays(
    zeppelin: Question, outsider_api: ApiClient
) -> None:
    assert outsider_api.delete(item(zeppelin.pk)).status_code == 404
    assert Question.objects.filter(pk=zeppelin.pk).exists()


def test_a_huge_id_in_the_path_is_404(owner_api: ApiClient) -> None:
    assert owner_api.get(item(HUGE)).status_code == 404


def test_the_list_needs_a_token(db: None) -> None:
    from django.test import Client

    assert Client().get(QUESTIONS).status_code == 401
