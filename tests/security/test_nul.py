"""A NUL character in a query parameter is refused by name instead of reaching the database."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.mark.parametrize("path", ["/people/", "/organizations/", "/search/", "/questions/"])
def test_a_nul_in_a_query_parameter_is_refused_naming_it(owner_client: Client, path: str) -> None:
    response = owner_client.get(path, {"q": "ac\x00me"})
    assert response.status_code == 400
    assert "“q” contains a NUL character" in response.content.decode()


def test_a_query_without_nul_is_answered(owner_client: Client) -> None:
    assert owner_client.get("/people/", {"q": "acme"}).status_code == 200


def test_the_api_names_the_field_itself(owner_api) -> None:  # type: ignore[no-untyped-def]
    response = owner_api.get("/api/v1/people", q="ac\x00me")
    assert response.status_code == 422
