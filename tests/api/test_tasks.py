"""Tasks: the done filter, done_at, and what a bad body says."""

from __future__ import annotations

from django.contrib.auth.models import User

from coffeechat.followup.models import Task
from tests.api.helpers import API, error_fields, parse_time
from tests.conftest import ApiClient
from tests.factories import TaskFactory

TASKS = f"{API}/tasks"


def ids(api: ApiClient, **params: object) -> set[int]:
    response = api.get(TASKS, **params)
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_filter_done_true(owner: User, owner_api: ApiClient) -> None:
    done = TaskFactory(owner=owner, done=True)
    TaskFactory(owner=owner, done=False)
    assert ids(owner_api, done="true") == {done.pk}


def test_filter_done_false(owner: User, owner_api: ApiClient) -> None:
    TaskFactory(owner=owner, done=True)
    open_task = TaskFactory(owner=owner, done=False)
    assert ids(owner_api, done="false") == {open_task.pk}


def test_without_the_done_filter_every_task_is_listed(owner: User, owner_api: ApiClient) -> None:
    tasks = {TaskFactory(owner=owner, done=True).pk, TaskFactory(owner=owner, done=False).pk}
    assert ids(owner_api) == tasks


def test_a_done_filter_that_is_not_a_boolean_is_422(owner_api: ApiClient) -> None:
    assert error_fields(owner_api.get(TASKS, done="maybe")) == ["done"]


def test_filter_by_kind(owner: User, owner_api: ApiClient) -> None:
    nudge = TaskFactory(owner=owner, kind="nudge")
    TaskFactory(owner=owner, kind="research")
    assert ids(owner_api, kind="nudge") == {nudge.pk}


def test_marking_done_sets_done_at(owner: User, owner_api: ApiClient) -> None:
    task = TaskFactory(owner=owner)
    body = owner_api.patch(f"{TASKS}/{task.pk}", {"done": True}).json()
    assert body["done"] is True
    parse_time(body["done_at"])


def test_marking_undone_clears_done_at(owner: User, owner_api: ApiClient) -> None:
    task = TaskFactory(owner=owner)
    owner_api.patch(f"{TASKS}/{task.pk}", {"done": True})
    body = owner_api.patch(f"{TASKS}/{task.pk}", {"done": False}).json()
    assert (body["done"], body["done_at"]) == (False, None)


def test_patch_due_at_null_clears_it(owner: User, owner_api: ApiClient) -> None:
    task = TaskFactory(owner=owner)
    assert owner_api.patch(f"{TASKS}/{task.pk}", {"due_at": None}).json()["due_at"] is None


def test_missing_title_is_422(owner: User, owner_api: ApiClient) -> None:
    assert error_fields(owner_api.post(TASKS, {"kind": "nudge"})) == ["title"]
    assert not Task.objects.filter(owner=owner).exists()


def test_unknown_kind_is_422(owner: User, owner_api: ApiClient) -> None:
    assert error_fields(owner_api.post(TASKS, {"title": "x", "kind": "someday"})) == ["kind"]


def test_naive_due_at_is_422(owner: User, owner_api: ApiClient) -> None:
    response = owner_api.post(TASKS, {"title": "Nudge Ada", "due_at": "2030-05-01T09:00:00"})
    assert error_fields(response) == ["due_at"]
    assert not Task.objects.filter(owner=owner).exists()


def test_naive_due_at_on_patch_is_422(owner: User, owner_api: ApiClient) -> None:
    task = TaskFactory(owner=owner)
    response = owner_api.patch(f"{TASKS}/{task.pk}", {"due_at": "2030-05-01T09:00:00"})
    assert error_fields(response) == ["due_at"]
    assert Task.objects.get(pk=task.pk).due_at == task.due_at
