"""People: search, filters, tags and what a bad body says."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.people.models import Person, Tag
from coffeechat.people.services import set_tags
from tests.api.helpers import API, error_fields
from tests.conftest import ApiClient
from tests.factories import InterviewFactory, OrganizationFactory, PersonFactory

PEOPLE = f"{API}/people"


def names(api: ApiClient, **params: object) -> list[str]:
    response = api.get(PEOPLE, **params)
    assert response.status_code == 200, response.content
    return sorted(item["name"] for item in response.json()["items"])


@pytest.fixture
def ada(owner: User) -> Person:
    organization = OrganizationFactory(owner=owner, name="Analytical Engines")
    return PersonFactory(
        owner=owner, name="Ada Lovelace", title="Analyst", organization=organization
    )


@pytest.fixture
def grace(owner: User) -> Person:
    organization = OrganizationFactory(owner=owner, name="Navy Labs")
    return PersonFactory(
        owner=owner, name="Grace Hopper", title="Admiral", organization=organization
    )


# Search


@pytest.mark.usefixtures("grace")
def test_q_finds_people_by_name(ada: Person, owner_api: ApiClient) -> None:
    assert names(owner_api, q="lovelace") == ["Ada Lovelace"]


@pytest.mark.usefixtures("grace")
def test_q_finds_people_by_title(ada: Person, owner_api: ApiClient) -> None:
    assert names(owner_api, q="ANALYST") == ["Ada Lovelace"]


@pytest.mark.usefixtures("ada")
def test_q_finds_people_by_organization_name(grace: Person, owner_api: ApiClient) -> None:
    assert names(owner_api, q="navy") == ["Grace Hopper"]


@pytest.mark.usefixtures("ada", "grace")
def test_q_needs_every_word_to_match(owner_api: ApiClient) -> None:
    assert names(owner_api, q="grace analyst") == []
    assert names(owner_api, q="grace admiral") == ["Grace Hopper"]


@pytest.mark.usefixtures("ada")
def test_q_never_finds_another_users_people(outsider: User, outsider_api: ApiClient) -> None:
    PersonFactory(owner=outsider, name="Ada Byron")
    assert names(outsider_api, q="ada") == ["Ada Byron"]


# Filters


@pytest.mark.usefixtures("grace")
def test_filter_by_organization_id(ada: Person, owner_api: ApiClient) -> None:
    assert names(owner_api, organization_id=ada.organization_id) == ["Ada Lovelace"]


@pytest.mark.usefixtures("grace")
def test_filter_by_tag(ada: Person, owner_api: ApiClient) -> None:
    set_tags(ada, ["mentor"])
    assert names(owner_api, tag="mentor") == ["Ada Lovelace"]


@pytest.mark.usefixtures("ada")
def test_filter_by_tag_ignores_another_users_tag(
    outsider: User, owner_api: ApiClient, outsider_api: ApiClient
) -> None:
    set_tags(PersonFactory(owner=outsider, name="Alan Turing"), ["mentor"])
    assert names(owner_api, tag="mentor") == []
    assert names(outsider_api, tag="mentor") == ["Alan Turing"]


@pytest.mark.usefixtures("grace")
def test_filter_by_relationship(ada: Person, owner_api: ApiClient) -> None:
    ada.relationship = "alumni"
    ada.save()
    assert names(owner_api, relationship="alumni") == ["Ada Lovelace"]


def test_filter_by_stage_uses_the_latest_interview(
    ada: Person, grace: Person, owner: User, owner_api: ApiClient
) -> None:
    InterviewFactory(owner=owner, person=ada, stage="scheduled")
    InterviewFactory(owner=owner, person=grace, stage="scheduled")
    InterviewFactory(owner=owner, person=grace, stage="held")  # newer: Grace is at "held" now
    assert names(owner_api, stage="scheduled") == ["Ada Lovelace"]
    assert names(owner_api, stage="held") == ["Grace Hopper"]


def test_filters_combine_with_q(ada: Person, grace: Person, owner_api: ApiClient) -> None:
    set_tags(ada, ["mentor"])
    set_tags(grace, ["mentor"])
    assert names(owner_api, tag="mentor", q="hopper") == ["Grace Hopper"]


# Tags


def test_tags_are_set_on_create(owner_api: ApiClient) -> None:
    response = owner_api.post(PEOPLE, {"name": "Ada", "tags": ["math", "poetry"]})
    assert response.json()["tags"] == ["math", "poetry"]
    assert owner_api.get(f"{PEOPLE}/{response.json()['id']}").json()["tags"] == ["math", "poetry"]


def test_tags_are_deduplicated_and_trimmed(owner: User, owner_api: ApiClient) -> None:
    response = owner_api.post(PEOPLE, {"name": "Ada", "tags": ["math", " math ", "math", ""]})
    assert response.json()["tags"] == ["math"]
    assert Tag.objects.filter(owner=owner).count() == 1


def test_tags_are_replaced_on_patch(owner_api: ApiClient) -> None:
    pk = owner_api.post(PEOPLE, {"name": "Ada", "tags": ["math", "poetry"]}).json()["id"]
    response = owner_api.patch(f"{PEOPLE}/{pk}", {"tags": ["engines", "math"]})
    assert sorted(response.json()["tags"]) == ["engines", "math"]
    assert sorted(owner_api.get(f"{PEOPLE}/{pk}").json()["tags"]) == ["engines", "math"]


def test_tags_are_kept_by_a_patch_without_tags(owner_api: ApiClient) -> None:
    pk = owner_api.post(PEOPLE, {"name": "Ada", "tags": ["math"]}).json()["id"]
    owner_api.patch(f"{PEOPLE}/{pk}", {"title": "Countess"})
    assert owner_api.get(f"{PEOPLE}/{pk}").json()["tags"] == ["math"]


def test_tags_are_cleared_by_an_empty_list(owner_api: ApiClient) -> None:
    pk = owner_api.post(PEOPLE, {"name": "Ada", "tags": ["math"]}).json()["id"]
    assert owner_api.patch(f"{PEOPLE}/{pk}", {"tags": []}).json()["tags"] == []


def test_tags_of_the_same_name_are_not_shared_between_users(
    owner: User, outsider: User, owner_api: ApiClient, outsider_api: ApiClient
) -> None:
    owner_api.post(PEOPLE, {"name": "Ada", "tags": ["math"]})
    outsider_api.post(PEOPLE, {"name": "Alan", "tags": ["math"]})
    assert Tag.objects.filter(name="math").count() == 2
    assert Tag.objects.get(owner=owner).people.get().name == "Ada"


# Links


def test_organization_name_comes_with_the_person(ada: Person, owner_api: ApiClient) -> None:
    body = owner_api.get(f"{PEOPLE}/{ada.pk}").json()
    assert body["organization_id"] == ada.organization_id
    assert body["organization_name"] == "Analytical Engines"


def test_patch_organization_id_null_clears_the_organization(
    ada: Person, owner_api: ApiClient
) -> None:
    body = owner_api.patch(f"{PEOPLE}/{ada.pk}", {"organization_id": None}).json()
    assert body["organization_id"] is None
    assert body["organization_name"] is None


def test_referred_by_links_another_of_my_people(
    ada: Person, grace: Person, owner_api: ApiClient
) -> None:
    body = owner_api.patch(f"{PEOPLE}/{grace.pk}", {"referred_by_id": ada.pk}).json()
    assert body["referred_by_id"] == ada.pk


def test_a_person_cannot_refer_themselves(ada: Person, owner_api: ApiClient) -> None:
    response = owner_api.patch(f"{PEOPLE}/{ada.pk}", {"referred_by_id": ada.pk})
    assert error_fields(response) == ["referred_by_id"]


# Bad input


def test_missing_name_is_422(owner: User, owner_api: ApiClient) -> None:
    assert error_fields(owner_api.post(PEOPLE, {"title": "Analyst"})) == ["name"]
    assert not Person.objects.filter(owner=owner).exists()


def test_empty_name_is_422(owner_api: ApiClient) -> None:
    assert error_fields(owner_api.post(PEOPLE, {"name": ""})) == ["name"]


def test_unknown_time_zone_is_422_naming_time_zone(owner: User, owner_api: ApiClient) -> None:
    response = owner_api.post(PEOPLE, {"name": "Ada", "time_zone": "Mars/Olympus_Mons"})
    assert error_fields(response) == ["time_zone"]
    assert "Mars/Olympus_Mons" in response.json()["detail"][0]["msg"]
    assert not Person.objects.filter(owner=owner).exists()


def test_unknown_time_zone_on_patch_is_422_and_changes_nothing(
    ada: Person, owner_api: ApiClient
) -> None:
    response = owner_api.patch(f"{PEOPLE}/{ada.pk}", {"time_zone": "Nowhere", "title": "New"})
    assert error_fields(response) == ["time_zone"]
    ada.refresh_from_db()
    assert (ada.time_zone, ada.title) == ("", "Analyst")


def test_invalid_email_is_422_naming_emails(owner: User, owner_api: ApiClient) -> None:
    response = owner_api.post(
        PEOPLE, {"name": "Ada", "emails": ["ada@example.org", "not-an-email"]}
    )
    assert error_fields(response) == ["emails"]
    assert not Person.objects.filter(owner=owner).exists()


def test_invalid_email_message_names_the_address(owner_api: ApiClient) -> None:
    response = owner_api.post(PEOPLE, {"name": "Ada", "emails": ["not-an-email"]})
    assert "not-an-email" in response.json()["detail"][0]["msg"]


def test_emails_must_be_a_list(owner_api: ApiClient) -> None:
    assert error_fields(owner_api.post(PEOPLE, {"name": "Ada", "emails": "a@example.org"})) == [
        "emails"
    ]


def test_invalid_phone_is_422_naming_phones(owner_api: ApiClient) -> None:
    assert error_fields(owner_api.post(PEOPLE, {"name": "Ada", "phones": ["call me"]})) == [
        "phones"
    ]


def test_unknown_relationship_is_422(owner_api: ApiClient) -> None:
    response = owner_api.post(PEOPLE, {"name": "Ada", "relationship": "nemesis"})
    assert error_fields(response) == ["relationship"]


def test_too_long_title_is_422(owner_api: ApiClient) -> None:
    assert error_fields(owner_api.post(PEOPLE, {"name": "Ada", "title": "x" * 201})) == ["title"]


# Query counts


def test_listing_fifty_people_with_tags_costs_as_many_queries_as_two(
    owner: User, owner_api: ApiClient
) -> None:
    def add_people(count: int) -> None:
        for _ in range(count):
            set_tags(PersonFactory(owner=owner), ["mentor", "alumni"])

    def queries_to_list() -> int:
        with CaptureQueriesContext(connection) as context:
            body = owner_api.get(PEOPLE).json()
        assert all(item["tags"] == ["alumni", "mentor"] for item in body["items"])
        return len(context.captured_queries)

    owner_api.get(f"{API}/me")  # the first request of a token records its use: not counted
    add_people(2)
    with_two = queries_to_list()
    add_people(48)
    with_fifty = queries_to_list()
    assert owner_api.get(PEOPLE).json()["count"] == 50
    assert with_fifty == with_two


def test_a_whitespace_only_name_is_refused_naming_the_field(owner_api: ApiClient) -> None:
    response = owner_api.post("/api/v1/people", {"name": "   "})
    assert response.status_code == 422
    assert "name" in response.content.decode()
