"""The one-box search finds and orders the same way on SQLite and PostgreSQL (issue #7)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from coffeechat.search.backends import search
from tests.factories import (
    ActivityFactory,
    DebriefFactory,
    InterviewFactory,
    OrganizationFactory,
    PersonFactory,
    PlanEntryFactory,
    QuestionFactory,
    ResourceFactory,
)
from tests.search.conftest import AcmeWorld, found

pytestmark = pytest.mark.django_db


def test_acme_data_lists_acme_then_its_people_then_the_notes_on_data(
    owner: User, acme_world: AcmeWorld
) -> None:
    assert found(owner, "acme data") == [
        ("organization", "Acme"),  # the word in its name
        ("person", "Grace Hopper"),  # the people at Acme, newest first
        ("person", "Ada Lovelace"),
        ("note", "Note"),  # then the notes that mention data, newest first
        ("note", "Note"),
    ]


def test_acme_data_notes_are_the_ones_that_mention_data(owner: User, acme_world: AcmeWorld) -> None:
    notes = [hit.id for hit in search(owner, "acme data") if hit.kind == "note"]
    assert notes == [acme_world.oil.pk, acme_world.pipelines.pk]


def test_the_word_being_typed_matches_the_start_of_words(
    owner: User, acme_world: AcmeWorld
) -> None:
    assert found(owner, "acm") == [
        ("organization", "Acme"),
        ("person", "Grace Hopper"),
        ("person", "Ada Lovelace"),
    ]


def test_a_prefix_inside_a_name_finds_the_person(owner: User, acme_world: AcmeWorld) -> None:
    assert found(owner, "lovel") == [("person", "Ada Lovelace")]


def test_words_before_the_last_match_whole_words_only(owner: User, acme_world: AcmeWorld) -> None:
    assert found(owner, "acm turing") == [("person", "Alan Turing")]


def test_a_space_after_the_last_word_ends_it(owner: User, acme_world: AcmeWorld) -> None:
    assert found(owner, "acm ") == []


def test_a_one_letter_word_matches_only_itself(owner: User) -> None:
    PersonFactory(owner=owner, name="Jean Q Public", organization=None)
    PersonFactory(owner=owner, name="Quentin Blake", organization=None)
    assert found(owner, "q") == [("person", "Jean Q Public")]


def test_case_does_not_matter(owner: User, acme_world: AcmeWorld) -> None:
    assert found(owner, "LOVELACE") == [("person", "Ada Lovelace")]


@pytest.mark.parametrize("query", ["amelie", "AMÉLIE", "Amélie", "ame"])
def test_accents_do_not_matter(owner: User, query: str) -> None:
    ActivityFactory(owner=owner, text="Amélie knows the hiring manager.")
    assert [hit.kind for hit in search(owner, query)] == ["note"]


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("Zoë Saldaña", "zoe saldana"),
        ("Søren Øster", "soren oster"),
        ("Łukasz Wałęsa", "lukasz walesa"),
        ("Jürgen Straße", "jurgen strasse"),
        ("Chloe Dupont", "chloé"),  # an accent typed, none written
    ],
)
def test_letters_with_accents_match_their_plain_letters(owner: User, name: str, query: str) -> None:
    PersonFactory(owner=owner, name=name, organization=None)
    assert found(owner, query) == [("person", name)]


def test_hits_with_more_of_the_words_come_first(owner: User) -> None:
    pipelines = ActivityFactory(owner=owner, text="The pipelines were slow.")
    both = ActivityFactory(owner=owner, text="Data pipelines, mostly.")
    data = ActivityFactory(owner=owner, text="Data everywhere.")
    assert [hit.id for hit in search(owner, "data pipelines")] == [
        both.pk,
        data.pk,  # one word each: the one added last first
        pipelines.pk,
    ]


def test_a_word_in_the_title_outranks_the_kind_order(owner: User) -> None:
    PersonFactory(owner=owner, name="Mira Sol", what_they_do="handbook reviews", organization=None)
    ResourceFactory(owner=owner, title="The Handbook of Interviews")
    assert found(owner, "handbook") == [
        ("resource", "The Handbook of Interviews"),
        ("person", "Mira Sol"),
    ]


def test_equal_hits_are_listed_by_kind(owner: User) -> None:
    person = PersonFactory(owner=owner, name="Rey Skywalker", what_they_do="kyber research")
    OrganizationFactory(owner=owner, name="Jedi Order", research_notes="kyber crystals")
    interview = InterviewFactory(owner=owner, person=person, topic="Careers", outcome_notes="kyber")
    ActivityFactory(owner=owner, interview=interview, text="Kyber again.")
    DebriefFactory(interview=interview, insights="Kyber is rare.")
    ResourceFactory(owner=owner, title="A guide", notes="on kyber")
    assert [kind for kind, _ in found(owner, "kyber")] == [
        "person",
        "organization",
        "interview",
        "note",
        "debrief",
        "resource",
    ]


def test_equal_hits_of_a_kind_are_the_latest_added_first(owner: User) -> None:
    first = ActivityFactory(owner=owner, text="Budget talk one.")
    second = ActivityFactory(owner=owner, text="Budget talk two.")
    assert [hit.id for hit in search(owner, "budget")] == [second.pk, first.pk]


def test_live_notes_are_found_titled_by_their_question(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    question = QuestionFactory(owner=owner, text="How did you start at {organization}?")
    entry = PlanEntryFactory(interview=interview, question=question, notes="Through an internship.")
    [hit] = search(owner, "internship")
    assert (hit.kind, hit.id, hit.title) == (
        "note",
        entry.pk,
        "How did you start at your organization?",
    )
