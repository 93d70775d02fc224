"""The OpenAPI document at /api/v1/openapi.json."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from tests.api.helpers import API

ITEM_METHODS = {"get", "patch", "delete"}
LIST_METHODS = {"get", "post"}
PATHS = {
    f"{API}/people": LIST_METHODS,
    f"{API}/people/{{person_id}}": ITEM_METHODS,
    f"{API}/organizations": LIST_METHODS,
    f"{API}/organizations/{{organization_id}}": ITEM_METHODS,
    f"{API}/interviews": LIST_METHODS,
    f"{API}/interviews/{{interview_id}}": ITEM_METHODS,
    f"{API}/activities": LIST_METHODS,
    f"{API}/activities/{{activity_id}}": ITEM_METHODS,
    f"{API}/tasks": LIST_METHODS,
    f"{API}/tasks/{{task_id}}": ITEM_METHODS,
    f"{API}/me": {"get", "patch"},
}


@pytest.fixture
def schema(db: None) -> dict[str, object]:
    response = Client().get(f"{API}/openapi.json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_openapi_needs_no_token(db: None) -> None:
    # ninja serves the schema (and /docs) outside the API's auth: it describes, it reveals no data.
    response = Client().get(f"{API}/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")


def test_openapi_is_version_3(schema: dict[str, object]) -> None:
    assert str(schema["openapi"]).startswith("3.")


@pytest.mark.parametrize(("path", "methods"), PATHS.items(), ids=list(PATHS))
def test_openapi_lists_every_path_and_method(
    path: str, methods: set[str], schema: dict[str, dict[str, dict[str, object]]]
) -> None:
    assert path in schema["paths"]
    assert methods <= set(schema["paths"][path])


def test_openapi_declares_bearer_auth(schema: dict[str, dict[str, dict[str, object]]]) -> None:
    schemes = schema["components"]["securitySchemes"]
    assert {"type": "http", "scheme": "bearer"}.items() <= next(iter(schemes.values())).items()
