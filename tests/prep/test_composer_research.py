"""The request composer warns about research still missing from the checklist (P2, P3)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from coffeechat.prep.models import Preparation
from tests.factories import InterviewFactory, PersonFactory, PreparationFactory


def test_the_composer_lists_what_the_checklist_is_missing(
    owner_client: Client, owner: User
) -> None:
    person = PersonFactory(owner=owner, what_they_do="Runs the lab", what_they_have_done="")
    interview = InterviewFactory(owner=owner, person=person)
    response = owner_client.get(f"/interviews/{interview.pk}/compose/")
    assertContains(response, "Research first")
    assertContains(response, "<li>What they have done or published</li>", html=True)
    assertNotContains(response, "<li>Who they are</li>", html=True)
    assertContains(response, f'href="/interviews/{interview.pk}/prepare/#research"')


def test_the_composer_says_nothing_when_the_research_is_done(
    owner_client: Client, owner: User
) -> None:
    person = PersonFactory(owner=owner, what_they_do="Runs the lab", what_they_have_done="A talk")
    preparation = PreparationFactory(
        interview__owner=owner,
        interview__person=person,
        already_public="Their reports",
        right_person="yes",
    )
    response = owner_client.get(f"/interviews/{preparation.interview_id}/compose/")
    assertNotContains(response, "Research first")


def test_opening_the_composer_creates_no_preparation(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    owner_client.get(f"/interviews/{interview.pk}/compose/")
    assert not Preparation.objects.filter(interview=interview).exists()
