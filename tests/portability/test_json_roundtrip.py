"""The JSON export holds everything, and imports into an empty account with nothing lost."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth.models import User

from coffeechat.interviews.models import Interview
from coffeechat.people.models import Person
from coffeechat.playbook.question_bank import QUESTION_BANK
from coffeechat.portability.importer import run_import
from coffeechat.portability.json_format import dumps, export_document
from coffeechat.prep.models import Question
from tests.factories import UserFactory
from tests.portability.conftest import fixture

pytestmark = pytest.mark.django_db


def without_stamp(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "exported_at"}


def round_trip(source: User, target: User) -> tuple[dict[str, Any], dict[str, Any]]:
    first = export_document(source)
    run_import(target, "json", dumps(first).encode(), "export.json")
    return without_stamp(first), without_stamp(export_document(target))


def test_export_import_export_gives_the_same_document(full_owner: User, outsider: User) -> None:
    first, second = round_trip(full_owner, outsider)
    assert second == first


def test_an_empty_account_round_trips_too(owner: User, outsider: User) -> None:
    first, second = round_trip(owner, outsider)
    assert second == first


def test_the_document_is_versioned(full_owner: User) -> None:
    document = export_document(full_owner)
    assert (document["format"], document["version"]) == ("coffeechat", 1)


def test_the_document_holds_every_kind_of_record(full_owner: User) -> None:
    document = export_document(full_owner)
    for key in (
        "organizations",
        "people",
        "questions",
        "interviews",
        "activities",
        "tasks",
        "pitches",
        "resources",
        "skills",
        "goals",
    ):
        assert document[key], key
    held = document["interviews"][0]
    assert held["preparation"]["right_person"] == "yes"
    assert held["debrief"]["fit_score"] == 4
    assert held["debrief"]["entry_path"] == "Most came from teaching or psychology."
    assert [entry["pinned"] for entry in held["plan"]] == [True, False, False]


def test_referrals_are_kept_as_references(full_owner: User, outsider: User) -> None:
    round_trip(full_owner, outsider)
    daniel = Person.objects.get(owner=outsider, name="Daniel Chen")
    assert daniel.referred_by is not None
    assert daniel.referred_by.name == "Amara Okafor"
    assert daniel.referred_by.owner == outsider


def test_questions_they_wrote_or_edited_are_in_the_document(full_owner: User) -> None:
    texts = [q["text"] for q in export_document(full_owner)["questions"]]
    assert "What would you do in my place?" in texts
    assert "My own wording of the first question?" in texts


def test_untouched_built_in_questions_are_left_out(full_owner: User) -> None:
    questions = export_document(full_owner)["questions"]
    assert len(questions) == 3  # their own, the edited one, one planned as it is


def test_a_deleted_built_in_question_stays_deleted_after_import(
    full_owner: User, outsider: User
) -> None:
    removed = export_document(full_owner)["bank_removed"]
    round_trip(full_owner, outsider)
    assert len(removed) == 1
    assert not Question.objects.filter(owner=outsider, key__in=removed).exists()


def test_no_secret_is_exported(full_owner: User) -> None:
    text = dumps(export_document(full_owner))
    assert full_owner.password not in text
    assert full_owner.profile.feed_secret not in text


def test_times_are_kept_to_the_microsecond(full_owner: User, outsider: User) -> None:
    round_trip(full_owner, outsider)
    original = Interview.objects.get(owner=full_owner, topic="Research operations")
    copy = Interview.objects.get(owner=outsider, topic="Research operations")
    assert copy.scheduled_start == original.scheduled_start
    assert copy.created_at == original.created_at


def test_a_hand_written_minimal_document_imports(outsider: User) -> None:
    preview = run_import(outsider, "json", fixture("export_minimal.json"), "minimal.json")
    assert preview.counts["new"] == 2
    interview = Interview.objects.get(owner=outsider)
    assert interview.person.name == "Daniel Chen"
    assert interview.person.referred_by is not None


def test_the_profile_settings_come_along(full_owner: User) -> None:
    empty = UserFactory(username="carol")
    round_trip(full_owner, empty)
    empty.profile.refresh_from_db()
    assert empty.profile.time_zone == "America/Toronto"
    assert empty.profile.career_change is True


def test_the_export_is_readable_json_text(full_owner: User) -> None:
    text = dumps(export_document(full_owner))
    assert "渡辺 美咲" in text  # not \\u escapes
    assert json.loads(text)["people"][2]["name"] == "渡辺 美咲"


def test_an_edited_built_in_question_without_times_keeps_the_copys_times(outsider: User) -> None:
    key = QUESTION_BANK[0].key
    document = {
        "format": "coffeechat",
        "version": 1,
        "questions": [{"id": 1, "key": key, "text": "Reworded?", "starred": True}],
    }
    run_import(outsider, "json", json.dumps(document).encode(), "q.json")
    question = Question.objects.get(owner=outsider, key=key)
    assert (question.text, question.starred) == ("Reworded?", True)
    assert question.created_at is not None
