"""GET /api/v1/search?q=: one ranked search over everything the token's user has (issue #7)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.api.helpers import API, error_fields
from tests.conftest import ApiClient
from tests.factories import ActivityFactory, OrganizationFactory, PersonFactory
from tests.search.conftest import AcmeWorld, build_acme_world

pytestmark = pytest.mark.django_db
URL = f"{API}/search"


@pytest.fixture
def acme_world(owner: User) -> AcmeWorld:
    return build_acme_world(owner)


def test_no_token_is_401(owner: User) -> None:
    assert Client().get(URL, {"q": "acme"}).status_code == 401


def test_the_hits_come_ranked_with_their_links_and_snippets(
    owner_api: ApiClient, acme_world: AcmeWorld
) -> None:
    response = owner_api.get(URL, q="acme data")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 5
    assert [(item["rank"], item["kind"], item["title"]) for item in body["items"]] == [
        (1, "organization", "Acme"),
        (2, "person", "Grace Hopper"),
        (3, "person", "Ada Lovelace"),
        (4, "note", "Note"),
        (5, "note", "Note"),
    ]
    assert body["items"][1] == {
        "kind": "person",
        "id": acme_world.grace.pk,
        "title": "Grace Hopper",
        "url": f"/people/{acme_world.grace.pk}/",
        "snippet": "Admiral · <mark>Acme</mark> · hopper@example.org",
        "rank": 2,
    }


def test_the_limit_caps_the_items(owner_api: ApiClient, acme_world: AcmeWorld) -> None:
    body = owner_api.get(URL, q="acme data", limit=2).json()
    assert (body["count"], [item["title"] for item in body["items"]]) == (
        2,
        ["Acme", "Grace Hopper"],
    )


@pytest.mark.parametrize("limit", ["0", "101", "many"])
def test_a_limit_out_of_bounds_is_422_naming_it(owner_api: ApiClient, limit: str) -> None:
    assert error_fields(owner_api.get(URL, q="acme", limit=limit)) == ["limit"]


def test_a_kind_keeps_to_hits_of_that_kind(owner_api: ApiClient, acme_world: AcmeWorld) -> None:
    body = owner_api.get(URL, q="acme data", kind="note").json()
    assert [item["kind"] for item in body["items"]] == ["note", "note"]


def test_an_unknown_kind_is_422_naming_it(owner_api: ApiClient) -> None:
    response = owner_api.get(URL, q="acme", kind="planet")
    assert response.status_code == 422
    assert [entry["loc"] for entry in response.json()["detail"]] == [["query", "kind", 0]]


@pytest.mark.parametrize("q", ["", "   ", "\t"])
def test_a_blank_query_is_422_naming_q(owner_api: ApiClient, q: str) -> None:
    assert error_fields(owner_api.get(URL, q=q)) == ["q"]


def test_a_missing_query_is_422_naming_q(owner_api: ApiClient) -> None:
    assert error_fields(owner_api.get(URL)) == ["q"]


@pytest.mark.parametrize("q", ['"', "acme*", "-data", "NEAR(a b)", "'x':*A", "(", "%"])
def test_query_syntax_is_searched_as_plain_text(
    owner_api: ApiClient, acme_world: AcmeWorld, q: str
) -> None:
    assert owner_api.get(URL, q=q).status_code == 200


def test_the_snippet_is_escaped(owner_api: ApiClient, owner: User) -> None:
    ActivityFactory(owner=owner, text="<script>x()</script> data")
    [item] = owner_api.get(URL, q="data").json()["items"]
    assert item["snippet"] == "&lt;script&gt;x()&lt;/script&gt; <mark>data</mark>"


def test_another_users_rows_never_appear(
    owner_api: ApiClient, outsider_api: ApiClient, outsider: User, acme_world: AcmeWorld
) -> None:
    PersonFactory(owner=outsider, name="Bob Acme", organization=OrganizationFactory(owner=outsider))
    mine = [item["title"] for item in owner_api.get(URL, q="acme").json()["items"]]
    theirs = [item["title"] for item in outsider_api.get(URL, q="acme").json()["items"]]
    assert (mine, theirs) == (["Acme", "Grace Hopper", "Ada Lovelace"], ["Bob Acme"])


def test_the_search_is_in_the_openapi_schema(owner: User) -> None:
    schema = Client().get(f"{API}/openapi.json").json()
    parameters = {p["name"] for p in schema["paths"][URL]["get"]["parameters"]}
    assert parameters == {"q", "limit", "kind"}
