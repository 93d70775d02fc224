"""Every write path keeps the index equal to a rebuild from scratch (issue #7)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from coffeechat.debrief.services import ResourceInput, save_debrief, save_note
from coffeechat.interviews.models import ActivityKind
from coffeechat.interviews.services import record_activity, save_interview
from coffeechat.people.models import Person
from coffeechat.people.services import save_organization, save_person, set_tags
from coffeechat.prep.services import build_plan, ensure_bank, save_question, save_research
from coffeechat.search.backends import search
from coffeechat.search.models import SearchEntry
from tests.factories import (
    ActivityFactory,
    DebriefFactory,
    InterviewFactory,
    OrganizationFactory,
    PersonFactory,
    PlanEntryFactory,
    PreparationFactory,
    QuestionFactory,
    ResourceFactory,
)
from tests.search.conftest import AcmeWorld, assert_index_fresh, found

pytestmark = pytest.mark.django_db


def test_a_new_person_is_found(owner: User) -> None:
    save_person(Person(owner=owner, name="Nadia Kaur", title="Epidemiologist"), tags=["health"])
    assert found(owner, "epidem") == [("person", "Nadia Kaur")]
    assert_index_fresh()


def test_an_edited_person_is_found_by_the_new_words_only(owner: User) -> None:
    person = PersonFactory(owner=owner, name="Nadia Kaur", title="Epidemiologist")
    person.title = "Statistician"
    save_person(person)
    assert (found(owner, "statist"), found(owner, "epidem")) == ([("person", "Nadia Kaur")], [])
    assert_index_fresh()


def test_a_persons_tags_are_found(owner: User) -> None:
    person = PersonFactory(owner=owner, name="Nadia Kaur")
    set_tags(person, ["alumni", "public health"])
    assert found(owner, "alumni") == [("person", "Nadia Kaur")]
    set_tags(person, ["public health"])
    assert found(owner, "alumni") == []
    assert_index_fresh()


def test_tags_added_from_the_tag_side_are_found(owner: User) -> None:
    person = PersonFactory(owner=owner, name="Nadia Kaur")
    set_tags(PersonFactory(owner=owner), ["mentor"])
    tag = owner.tags.get(name="mentor")
    tag.people.add(person)
    assert ("person", "Nadia Kaur") in found(owner, "mentor")
    tag.people.clear()
    assert found(owner, "mentor") == []
    assert_index_fresh()


def test_deleting_a_person_removes_them_and_their_notes(owner: User) -> None:
    person = PersonFactory(owner=owner, name="Nadia Kaur")
    interview = InterviewFactory(owner=owner, person=person, topic="Outbreak response")
    ActivityFactory(owner=owner, interview=interview, text="Outbreak stories")
    PlanEntryFactory(interview=interview, notes="Outbreak notes")
    DebriefFactory(interview=interview, insights="Outbreak insight")
    ResourceFactory(owner=owner, title="Outbreak handbook", recommended_by=person)
    person.delete()
    assert found(owner, "outbreak") == [("resource", "Outbreak handbook")]
    assert_index_fresh()


def test_a_resource_whose_recommender_is_deleted_no_longer_links_to_them(owner: User) -> None:
    person = PersonFactory(owner=owner, name="Nadia Kaur")
    ResourceFactory(owner=owner, title="Outbreak handbook", recommended_by=person)
    person.delete()
    assert SearchEntry.objects.get(source="resource").about_person_id is None
    assert_index_fresh()


def test_renaming_an_organization_renames_it_in_its_peoples_entries(
    owner: User, acme_world: AcmeWorld
) -> None:
    acme_world.acme.name = "Apex"
    save_organization(acme_world.acme)
    assert found(owner, "apex") == [
        ("organization", "Apex"),
        ("person", "Grace Hopper"),
        ("person", "Ada Lovelace"),
    ]
    assert found(owner, "acme") == []
    assert_index_fresh()


def test_deleting_an_organization_removes_its_name_from_its_people(
    owner: User, acme_world: AcmeWorld
) -> None:
    acme_world.acme.delete()
    assert found(owner, "acme") == []
    assert found(owner, "hopper") == [("person", "Grace Hopper")]
    assert_index_fresh()


def test_an_interview_is_found_by_its_topic_and_research(owner: User) -> None:
    interview = InterviewFactory(owner=owner, topic="Moving into epidemiology")
    preparation = PreparationFactory(interview=interview, why_them="She ran the vaccine study.")
    save_research(preparation, what_they_do="vaccine trials", what_they_have_done="")
    interview.topic = "Moving into biostatistics"
    save_interview(interview)
    assert found(owner, "biostat") == [("interview", "Moving into biostatistics")]
    assert [kind for kind, _ in found(owner, "vaccine")] == ["person", "interview"]
    assert_index_fresh()


def test_a_note_is_found_until_its_text_is_cleared_or_it_is_deleted(owner: User) -> None:
    person = PersonFactory(owner=owner)
    note = record_activity(owner, ActivityKind.NOTE, person=person, text="Ask about fellowships")
    assert found(owner, "fellowship") == [("note", "Note")]
    note.text = ""
    note.save()
    assert found(owner, "fellowship") == []
    note.text = "Fellowships again"
    note.save()
    assert_index_fresh()
    note.delete()
    assert found(owner, "fellowship") == []
    assert_index_fresh()


def test_a_live_note_is_found_once_saved(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    entry = PlanEntryFactory(interview=interview)
    save_note(interview, entry.pk, "She started as a volunteer.")
    assert found(owner, "volunteer") == [("note", entry.question.text)]
    assert_index_fresh()


def test_editing_a_question_retitles_its_live_notes(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    entry = PlanEntryFactory(interview=interview, notes="Through a volunteer role.")
    question = entry.question
    question.text = "How did you get your first role?"
    save_question(question)
    assert found(owner, "volunteer") == [("note", "How did you get your first role?")]
    assert_index_fresh()


def test_rebuilding_a_plan_drops_the_notes_of_the_questions_removed(owner: User) -> None:
    ensure_bank(owner)
    interview = InterviewFactory(owner=owner)
    own = QuestionFactory(owner=owner)
    PlanEntryFactory(interview=interview, question=own, notes="Volunteer first.")
    build_plan(interview, replace=True)
    assert found(owner, "volunteer") == []
    assert_index_fresh()


def test_a_saved_debrief_and_its_resources_are_found(owner: User) -> None:
    interview = InterviewFactory(owner=owner, topic="Careers")
    debrief = DebriefFactory.build(interview=interview, insights="Mentorship matters most.")
    save_debrief(debrief, resources=[ResourceInput(title="The Mentor Book", kind="book")])
    assert found(owner, "mentor") == [("resource", "The Mentor Book"), ("debrief", "Debrief")]
    assert_index_fresh()


def test_a_debrief_extended_by_an_update_keeps_its_entry(owner: User) -> None:
    from coffeechat.debrief.services import extend_time

    debrief = DebriefFactory(interview=InterviewFactory(owner=owner), insights="Mentorship.")
    extend_time(debrief.interview)
    assert found(owner, "mentorship") == [("debrief", "Debrief")]
    assert_index_fresh()


def test_deleting_an_interview_keeps_the_resources_from_it(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    ResourceFactory(owner=owner, title="Mentor guide", interview=interview)
    DebriefFactory(interview=interview, insights="Mentors matter.")
    interview.delete()
    assert found(owner, "mentor") == [("resource", "Mentor guide")]
    assert_index_fresh()


def test_deleting_the_account_deletes_its_entries_only(owner: User, outsider: User) -> None:
    PersonFactory(owner=owner, name="Nadia Kaur", organization=OrganizationFactory(owner=owner))
    PersonFactory(owner=outsider, name="Nadia Other", organization=None)
    owner.delete()
    assert list(SearchEntry.objects.values_list("title", flat=True)) == ["Nadia Other"]
    assert_index_fresh()


def test_a_question_saved_without_live_notes_changes_nothing(owner: User) -> None:
    question = QuestionFactory(owner=owner)
    question.starred = True
    question.save()
    assert SearchEntry.objects.count() == 0


def test_saving_without_changing_the_words_writes_nothing(owner: User) -> None:
    person = PersonFactory(owner=owner, name="Nadia Kaur", organization=None)
    person.keep_posted = True
    with CaptureQueriesContext(connection) as queries:
        person.save()
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if "search_searchentry" in query["sql"] and not query["sql"].startswith("SELECT")
    ]
    assert writes == []


def test_a_note_dated_in_the_past_keeps_its_date(owner: User) -> None:
    at = timezone.now() - timedelta(days=400)
    ActivityFactory(owner=owner, text="Old news", at=at)
    [hit] = search(owner, "old")
    assert hit.dated == at
