"""List, create, read, update and delete, the same for every resource."""

from __future__ import annotations

from django.contrib.auth.models import User

from tests.api.helpers import Resource, assert_echoes, each_resource, parse_time
from tests.conftest import ApiClient

PAGE_SIZE = 50


@each_resource
def test_list_answers_items_and_count(
    resource: Resource, owner: User, owner_api: ApiClient
) -> None:
    rows = [resource.make(owner=owner) for _ in range(3)]
    response = owner_api.get(resource.url)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"items", "count"}
    assert body["count"] == 3
    assert {item["id"] for item in body["items"]} == {row.pk for row in rows}


@each_resource
def test_list_is_paginated_by_page_number(
    resource: Resource, owner: User, owner_api: ApiClient
) -> None:
    rows = [resource.make(owner=owner) for _ in range(PAGE_SIZE + 1)]
    first = owner_api.get(resource.url).json()
    second = owner_api.get(resource.url, page=2).json()
    assert first["count"] == second["count"] == PAGE_SIZE + 1
    assert len(first["items"]) == PAGE_SIZE
    assert len(second["items"]) == 1
    ids = {item["id"] for item in first["items"] + second["items"]}
    assert ids == {row.pk for row in rows}


@each_resource
def test_a_page_past_the_end_is_empty(
    resource: Resource, owner: User, owner_api: ApiClient
) -> None:
    resource.make(owner=owner)
    response = owner_api.get(resource.url, page=99)
    assert response.status_code == 200
    assert response.json() == {"items": [], "count": 1}


@each_resource
def test_list_has_only_the_requesters_rows(
    resource: Resource, owner: User, outsider: User, owner_api: ApiClient, outsider_api: ApiClient
) -> None:
    mine = {resource.make(owner=owner).pk for _ in range(2)}
    theirs = {resource.make(owner=outsider).pk for _ in range(2)}
    owner_ids = {item["id"] for item in owner_api.get(resource.url).json()["items"]}
    outsider_body = outsider_api.get(resource.url).json()
    assert owner_ids == mine
    assert {item["id"] for item in outsider_body["items"]} == theirs
    assert outsider_body["count"] == 2


@each_resource
def test_create_answers_201_and_echoes_the_fields(
    resource: Resource, owner: User, owner_api: ApiClient
) -> None:
    sent = resource.body(owner)
    response = owner_api.post(resource.url, sent)
    assert response.status_code == 201, response.content
    body = response.json()
    assert_echoes(body, sent)
    assert resource.model._default_manager.get(pk=body["id"]).owner == owner  # type: ignore[attr-defined]


@each_resource
def test_get_by_id_answers_what_was_created(
    resource: Resource, owner: User, owner_api: ApiClient
) -> None:
    sent = resource.body(owner)
    created = owner_api.post(resource.url, sent).json()
    response = owner_api.get(resource.item(created["id"]))
    assert response.status_code == 200
    assert_echoes(response.json(), sent)
    assert response.json()["id"] == created["id"]


@each_resource
def test_get_of_a_missing_id_is_404(resource: Resource, owner_api: ApiClient) -> None:
    response = owner_api.get(resource.item(999_999))
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


@each_resource
def test_patch_changes_only_the_fields_sent(
    resource: Resource, owner: User, owner_api: ApiClient
) -> None:
    created = owner_api.post(resource.url, resource.body(owner)).json()
    response = owner_api.patch(resource.item(created["id"]), resource.patch)
    assert response.status_code == 200, response.content
    after = owner_api.get(resource.item(created["id"])).json()
    assert_echoes(after, resource.patch)
    untouched = set(created) - set(resource.patch) - {"updated_at"}
    for key in untouched:
        if key in {"scheduled_start", "due_at", "at"} and created[key]:
            assert parse_time(after[key]) == parse_time(created[key]), key
        else:
            assert after[key] == created[key], key


@each_resource
def test_patch_answers_the_updated_object(
    resource: Resource, owner: User, owner_api: ApiClient
) -> None:
    row = resource.make(owner=owner)
    response = owner_api.patch(resource.item(row.pk), resource.patch)
    assert response.status_code == 200
    assert_echoes(response.json(), resource.patch)


@each_resource
def test_empty_patch_changes_nothing(resource: Resource, owner: User, owner_api: ApiClient) -> None:
    row = resource.make(owner=owner)
    before = owner_api.get(resource.item(row.pk)).json()
    assert owner_api.patch(resource.item(row.pk), {}).status_code == 200
    after = owner_api.get(resource.item(row.pk)).json()
    assert {k: v for k, v in after.items() if k != "updated_at"} == {
        k: v for k, v in before.items() if k != "updated_at"
    }


@each_resource
def test_delete_answers_204_then_the_id_is_404(
    resource: Resource, owner: User, owner_api: ApiClient
) -> None:
    row = resource.make(owner=owner)
    response = owner_api.delete(resource.item(row.pk))
    assert response.status_code == 204
    assert response.content == b""
    assert owner_api.get(resource.item(row.pk)).status_code == 404
    assert not resource.model._default_manager.filter(pk=row.pk).exists()


@each_resource
def test_delete_of_a_missing_id_is_404(resource: Resource, owner_api: ApiClient) -> None:
    assert owner_api.delete(resource.item(999_999)).status_code == 404


@each_resource
def test_times_come_back_with_an_offset(
    resource: Resource, owner: User, owner_api: ApiClient
) -> None:
    created = owner_api.post(resource.url, resource.body(owner)).json()
    read = owner_api.get(resource.item(created["id"])).json()
    listed = owner_api.get(resource.url).json()["items"][0]
    for body in (created, read, listed):
        times = {
            key: value
            for key, value in body.items()
            if (key.endswith("_at") or key in {"at", "scheduled_start"}) and value
        }
        assert times, body
        for value in times.values():
            parse_time(value)
