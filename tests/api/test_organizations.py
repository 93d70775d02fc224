"""Organizations: search and what a bad body says."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from coffeechat.people.models import Organization, Person
from tests.api.helpers import API, error_fields
from tests.conftest import ApiClient
from tests.factories import OrganizationFactory, PersonFactory

ORGANIZATIONS = f"{API}/organizations"


def names(api: ApiClient, **params: object) -> list[str]:
    response = api.get(ORGANIZATIONS, **params)
    assert response.status_code == 200, response.content
    return sorted(item["name"] for item in response.json()["items"])


@pytest.fixture
def two_organizations(owner: User) -> None:
    OrganizationFactory(
        owner=owner, name="Analytical Engines", industry="Computing", location="London"
    )
    OrganizationFactory(owner=owner, name="Gene Works", industry="Biotech", location="Boston")


@pytest.mark.usefixtures("two_organizations")
def test_q_finds_organizations_by_name(owner_api: ApiClient) -> None:
    assert names(owner_api, q="engines") == ["Analytical Engines"]


@pytest.mark.usefixtures("two_organizations")
def test_q_finds_organizations_by_industry(owner_api: ApiClient) -> None:
    assert names(owner_api, q="BIOTECH") == ["Gene Works"]


@pytest.mark.usefixtures("two_organizations")
def test_q_finds_organizations_by_location(owner_api: ApiClient) -> None:
    assert names(owner_api, q="london") == ["Analytical Engines"]


@pytest.mark.usefixtures("two_organizations")
def test_q_never_finds_another_users_organizations(outsider: User, outsider_api: ApiClient) -> None:
    OrganizationFactory(owner=outsider, name="Engines Ltd")
    assert names(outsider_api, q="engines") == ["Engines Ltd"]


@pytest.mark.usefixtures("two_organizations")
def test_empty_q_lists_everything(owner_api: ApiClient) -> None:
    assert names(owner_api, q="") == ["Analytical Engines", "Gene Works"]


def test_missing_name_is_422(owner: User, owner_api: ApiClient) -> None:
    assert error_fields(owner_api.post(ORGANIZATIONS, {"industry": "Computing"})) == ["name"]
    assert not Organization.objects.filter(owner=owner).exists()


def test_invalid_website_is_422_naming_website(owner: User, owner_api: ApiClient) -> None:
    response = owner_api.post(ORGANIZATIONS, {"name": "Acme", "website": "not a url"})
    assert error_fields(response) == ["website"]
    assert not Organization.objects.filter(owner=owner).exists()


def test_deleting_an_organization_keeps_its_people(owner: User, owner_api: ApiClient) -> None:
    person = PersonFactory(owner=owner)
    assert owner_api.delete(f"{ORGANIZATIONS}/{person.organization_id}").status_code == 204
    assert Person.objects.get(pk=person.pk).organization_id is None
