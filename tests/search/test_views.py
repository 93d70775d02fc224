"""The search page: live results while typing, the same page without JavaScript."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.factories import ActivityFactory, OrganizationFactory, PersonFactory
from tests.search.conftest import AcmeWorld

pytestmark = pytest.mark.django_db
URL = "/search/"
PARTIAL = {"HX-Request": "true"}


def test_the_page_needs_a_sign_in(client: Client, owner: User) -> None:
    response = client.get(URL, {"q": "acme"})
    assert (response.status_code, response["Location"]) == (
        302,
        "/accounts/login/?next=/search/%3Fq%3Dacme",
    )


def test_the_empty_page_says_what_can_be_found(owner_client: Client) -> None:
    response = owner_client.get(URL)
    assert response.status_code == 200
    assert "Type a name, an organization, or a word from your notes" in response.content.decode()


def test_the_page_lists_the_hits_with_their_kind_and_link(
    owner_client: Client, acme_world: AcmeWorld
) -> None:
    page = owner_client.get(URL, {"q": "acme"}).content.decode()
    assert f'<a href="/people/{acme_world.ada.pk}/">Ada Lovelace</a>' in page
    assert f'<a href="/organizations/{acme_world.acme.pk}/">Acme</a>' in page
    assert '<span class="pill kind-person">Person</span>' in page
    assert "3 results for “acme”" in page


def test_the_hits_are_in_rank_order(owner_client: Client, acme_world: AcmeWorld) -> None:
    page = owner_client.get(URL, {"q": "acme data"}).content.decode()
    positions = [page.index(name) for name in ("Grace Hopper", "Ada Lovelace", "the new oil")]
    assert positions == sorted(positions)


def test_typing_gets_the_results_alone(owner_client: Client, acme_world: AcmeWorld) -> None:
    response = owner_client.get(URL, {"q": "lovel"}, headers=PARTIAL)
    page = response.content.decode()
    assert "<html" not in page
    assert "1 result for “lovel”" in page
    assert "<mark>Acme</mark>" not in page  # the snippet marks the words found, not others


def test_going_back_in_history_gets_the_whole_page(owner_client: Client) -> None:
    headers = {**PARTIAL, "HX-History-Restore-Request": "true"}
    assert "<html" in owner_client.get(URL, {"q": "acme"}, headers=headers).content.decode()


def test_no_hit_says_so(owner_client: Client, acme_world: AcmeWorld) -> None:
    page = owner_client.get(URL, {"q": "zebra"}).content.decode()
    assert "Nothing matches “zebra”. Try fewer words" in page


def test_no_hit_of_a_kind_names_the_kind(owner_client: Client, acme_world: AcmeWorld) -> None:
    page = owner_client.get(URL, {"q": "zebra", "kind": "debrief"}).content.decode()
    assert "Nothing matches “zebra” among debriefs." in page


def test_typing_updates_the_status_line_out_of_band(
    owner_client: Client, acme_world: AcmeWorld
) -> None:
    page = owner_client.get(URL, {"q": "acme"}, headers=PARTIAL).content.decode()
    assert '<span id="search-status" hx-swap-oob="innerHTML">3 results for “acme”' in page


def test_a_kind_keeps_to_hits_of_that_kind(owner_client: Client, acme_world: AcmeWorld) -> None:
    page = owner_client.get(URL, {"q": "acme data", "kind": "note"}).content.decode()
    assert ("Ada Lovelace" in page, "the new oil" in page) == (False, True)


def test_an_unknown_kind_is_ignored(owner_client: Client, acme_world: AcmeWorld) -> None:
    page = owner_client.get(URL, {"q": "acme", "kind": "planet"}).content.decode()
    assert "3 results for “acme”" in page


def test_a_script_in_a_note_is_shown_as_text(owner_client: Client, owner: User) -> None:
    ActivityFactory(owner=owner, text="<script>alert('x')</script> data")
    page = owner_client.get(URL, {"q": "data"}).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; <mark>data</mark>" in page


def test_the_query_typed_is_escaped_on_the_page(owner_client: Client) -> None:
    page = owner_client.get(URL, {"q": '"><img src=x>'}).content.decode()
    assert "<img src=x>" not in page
    assert "&quot;&gt;&lt;img src=x&gt;" in page


def test_another_users_rows_never_appear(
    owner_client: Client, outsider: User, acme_world: AcmeWorld
) -> None:
    PersonFactory(owner=outsider, name="Bob Acme", organization=OrganizationFactory(owner=outsider))
    page = owner_client.get(URL, {"q": "acme"}).content.decode()
    assert "Bob Acme" not in page
    assert "3 results for “acme”" in page


def test_the_outsider_finds_none_of_the_owners_rows(
    outsider_client: Client, acme_world: AcmeWorld
) -> None:
    page = outsider_client.get(URL, {"q": "acme"}).content.decode()
    assert "Nothing matches “acme”." in page


def test_a_long_query_is_cut_rather_than_refused(owner_client: Client) -> None:
    assert owner_client.get(URL, {"q": "acme " * 500}).status_code == 200


def test_the_page_costs_the_same_queries_for_many_hits(
    owner_client: Client, owner: User, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    organization = OrganizationFactory(owner=owner, name="Data Org")
    for number in range(30):
        person = PersonFactory(owner=owner, name=f"Data Person {number}", organization=organization)
        ActivityFactory(owner=owner, person=person, interview=None, text=f"Data note {number}")
    # First-run check, session, user, time zone; then the ranking and the hits' links.
    with django_assert_max_num_queries(6):
        response = owner_client.get(URL, {"q": "data"})
    assert "The best 50 results for “data”" in response.content.decode()
