"""The people list at scale (issue #9): the organization filter is a text input suggesting the
organizations with the most people, not a <select> of every organization."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from coffeechat.people import views as people_views
from tests.factories import OrganizationFactory, PersonFactory


def test_the_organization_filter_is_a_labelled_text_input(owner_client: Client) -> None:
    response = owner_client.get("/people/")
    assertContains(response, '<label for="f-org">Organization</label>')
    assertContains(response, 'id="f-org" name="org" type="search" list="f-org-names"')


def test_the_suggestions_are_the_organizations_with_most_people(owner: User, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(people_views, "ORGANIZATION_SUGGESTIONS", 2)
    big, middle, small = (OrganizationFactory(owner=owner, name=n) for n in ("Big", "Mid", "Small"))
    for organization, count in ((big, 3), (middle, 2), (small, 1)):
        PersonFactory.create_batch(count, owner=owner, organization=organization)
    assert people_views.organization_choices(owner) == ["Big", "Mid"]


def test_the_suggestions_never_name_another_users_organization(
    owner_client: Client, outsider: User
) -> None:
    PersonFactory(owner=outsider, organization=OrganizationFactory(owner=outsider, name="Secret"))
    assertNotContains(owner_client.get("/people/"), "Secret")


def test_filtering_by_organization_name_ignores_case(owner_client: Client, owner: User) -> None:
    acme = OrganizationFactory(owner=owner, name="Acme Corp")
    PersonFactory(owner=owner, organization=acme, name="Ada Inside")
    PersonFactory(owner=owner, name="Bob Outside")
    response = owner_client.get("/people/?org=acme corp")
    assertContains(response, "Ada Inside")
    assertNotContains(response, "Bob Outside")


def test_a_link_by_organization_id_shows_its_name_in_the_filter(
    owner_client: Client, owner: User
) -> None:
    acme = OrganizationFactory(owner=owner, name="Acme Corp")
    response = owner_client.get(f"/people/?organization={acme.pk}")
    assertContains(response, 'value="Acme Corp" placeholder="Any"')


def test_the_people_list_queries_stay_constant_with_many_organizations(
    owner_client: Client, owner: User, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    for i in range(60):
        PersonFactory(owner=owner, organization=OrganizationFactory(owner=owner, name=f"Org {i}"))
    with django_assert_max_num_queries(10):
        response = owner_client.get("/people/")
    assert response.content.decode().count('<option value="Org ') == 60
