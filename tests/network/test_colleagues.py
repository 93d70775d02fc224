"""Who else at this organization? The service, and the pages that show it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coffeechat.interviews.models import Interview, Stage
from coffeechat.network.colleagues import colleagues_of
from coffeechat.network.graph import NO_INTERVIEW
from coffeechat.people.models import Organization, Person
from tests.factories import InterviewFactory, OrganizationFactory, PersonFactory


@pytest.fixture
def acme(owner: User) -> Organization:
    return OrganizationFactory(owner=owner, name="Acme")


@pytest.fixture
def ada(owner: User, acme: Organization) -> Person:
    return PersonFactory(owner=owner, name="Ada", organization=acme)


def add_colleagues(owner: User, organization: Organization, count: int) -> list[Person]:
    return [
        PersonFactory(owner=owner, name=f"Colleague {i:02d}", organization=organization)
        for i in range(count)
    ]


# ------------------------------------------------------------------------------ the service


def test_colleagues_are_the_others_at_the_same_organization_by_name(
    owner: User, acme: Organization, ada: Person
) -> None:
    PersonFactory(owner=owner, name="Cleo", organization=acme, title="Designer")
    PersonFactory(owner=owner, name="Ben", organization=acme, title="")
    PersonFactory(owner=owner, name="Dan")  # elsewhere
    colleagues = colleagues_of(ada)
    assert [(c.name, c.title) for c in colleagues.people] == [("Ben", ""), ("Cleo", "Designer")]
    assert colleagues.organization == acme
    assert (colleagues.total, colleagues.more) == (2, 0)


def test_a_colleague_has_the_stage_of_their_latest_interview(
    owner: User, acme: Organization, ada: Person
) -> None:
    ben = PersonFactory(owner=owner, name="Ben", organization=acme)
    PersonFactory(owner=owner, name="Cleo", organization=acme)
    older = InterviewFactory(owner=owner, person=ben, stage=Stage.HELD)
    newer = InterviewFactory(owner=owner, person=ben, stage=Stage.SCHEDULED)
    now = timezone.now()
    Interview.objects.filter(pk=older.pk).update(created_at=now - timedelta(days=5))
    Interview.objects.filter(pk=newer.pk).update(created_at=now - timedelta(days=1))
    people = colleagues_of(ada).people
    assert [(c.name, c.stage, c.stage_label) for c in people] == [
        ("Ben", Stage.SCHEDULED, "Scheduled"),
        ("Cleo", NO_INTERVIEW, "No interview yet"),
    ]


def test_colleagues_stop_at_the_limit_and_count_the_rest(
    owner: User, acme: Organization, ada: Person
) -> None:
    add_colleagues(owner, acme, 12)
    colleagues = colleagues_of(ada, limit=10)
    assert len(colleagues.people) == 10
    assert colleagues.people[-1].name == "Colleague 09"
    assert (colleagues.total, colleagues.more) == (12, 2)


def test_no_organization_means_no_colleagues_and_no_query(
    owner: User, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    loner = PersonFactory(owner=owner, organization=None)
    with django_assert_num_queries(0):
        colleagues = colleagues_of(loner)
    assert not colleagues
    assert colleagues.total == 0


def test_alone_at_an_organization_means_no_colleagues(ada: Person) -> None:
    colleagues = colleagues_of(ada)
    assert not colleagues
    assert colleagues.people == []


def test_another_users_people_are_never_colleagues(
    outsider: User, acme: Organization, ada: Person
) -> None:
    # Only bad data could put their person at our organization; it must not leak anyway.
    PersonFactory(owner=outsider, name="Yan", organization=acme)
    assert colleagues_of(ada).people == []


def test_colleagues_take_one_query_however_many(
    owner: User, acme: Organization, ada: Person, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    add_colleagues(owner, acme, 40)
    for person in Person.objects.filter(organization=acme)[:20]:
        InterviewFactory(owner=owner, person=person)
    with django_assert_num_queries(1):
        colleagues = colleagues_of(ada)
    assert colleagues.total == 40


# ------------------------------------------------------------------------------ the pages


def test_the_person_page_shows_who_else_is_there_with_links_and_stage(
    owner_client: Client, owner: User, acme: Organization, ada: Person
) -> None:
    ben = PersonFactory(owner=owner, name="Ben Okafor", organization=acme, title="Engineer")
    InterviewFactory(owner=owner, person=ben, stage=Stage.THANKED)
    page = owner_client.get(ada.get_absolute_url()).content.decode()
    assert "Who else at Acme?</h2>" in page
    assert f'<a href="/people/{ben.pk}/">Ben Okafor</a>, Engineer' in page
    assert '<span class="pill stage-thanked">Thanked</span>' in page


def test_the_person_page_links_the_rest_to_the_organization(
    owner_client: Client, owner: User, acme: Organization, ada: Person
) -> None:
    add_colleagues(owner, acme, 13)
    page = owner_client.get(ada.get_absolute_url()).content.decode()
    section = page[page.index('<section class="card colleagues"') :]
    section = section[: section.index("</section>")]
    assert section.count('<a href="/people/') == 10
    assert f'<a href="/organizations/{acme.pk}/">and 3 more at Acme</a>' in page
    assert "Colleague 10" not in page


def test_the_person_page_says_nothing_when_nobody_else_is_there(
    owner_client: Client, ada: Person
) -> None:
    page = owner_client.get(ada.get_absolute_url()).content.decode()
    assert "Who else at" not in page


def test_the_interview_page_shows_who_else_is_there(
    owner_client: Client, owner: User, acme: Organization, ada: Person
) -> None:
    ben = PersonFactory(owner=owner, name="Ben", organization=acme)
    interview = InterviewFactory(owner=owner, person=ada)
    page = owner_client.get(interview.get_absolute_url()).content.decode()
    assert "Who else at Acme?</h2>" in page
    assert f'<a href="/people/{ben.pk}/">Ben</a>' in page


def test_the_prepare_page_shows_who_else_is_there(
    owner_client: Client, owner: User, acme: Organization, ada: Person
) -> None:
    ben = PersonFactory(owner=owner, name="Ben", organization=acme)
    interview = InterviewFactory(owner=owner, person=ada)
    page = owner_client.get(reverse("interview_prepare", args=[interview.pk])).content.decode()
    assert "Who else at Acme?</h2>" in page
    assert f'<a href="/people/{ben.pk}/">Ben</a>' in page


def test_the_brief_lists_who_else_is_there_without_links(
    owner_client: Client, owner: User, acme: Organization, ada: Person
) -> None:
    ben = PersonFactory(owner=owner, name="Ben", organization=acme, title="Engineer")
    InterviewFactory(owner=owner, person=ben, stage=Stage.HELD)
    interview = InterviewFactory(owner=owner, person=ada)
    page = owner_client.get(reverse("interview_brief", args=[interview.pk])).content.decode()
    assert "Who else at Acme?</h2>" in page
    assert '<li>Ben, Engineer <span class="muted">(held)</span></li>' in page
    assert f'href="/people/{ben.pk}/"' not in page


def test_the_pages_never_show_another_users_colleagues(
    owner_client: Client, outsider: User, acme: Organization, ada: Person
) -> None:
    PersonFactory(owner=outsider, name="Yan Outsider", organization=acme)
    interview = InterviewFactory(owner=ada.owner, person=ada)
    for url in (
        ada.get_absolute_url(),
        interview.get_absolute_url(),
        reverse("interview_prepare", args=[interview.pk]),
        reverse("interview_brief", args=[interview.pk]),
    ):
        assert "Yan Outsider" not in owner_client.get(url).content.decode()
