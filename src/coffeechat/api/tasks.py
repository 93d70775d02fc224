from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.api.common import Instant, Pages, apply, owned, patch_data, request_user
from coffeechat.followup.models import Task, TaskKind
from coffeechat.followup.services import get_task, save_task
from coffeechat.interviews.models import Interview
from coffeechat.people.models import Person

router = Router(tags=["tasks"])


class TaskIn(Schema):
    title: str = Field(min_length=1, max_length=300)
    kind: TaskKind = TaskKind.CUSTOM
    due_at: Instant | None = None
    done: bool = False
    interview_id: int | None = None
    person_id: int | None = None
    notes: str = ""


class TaskPatch(Schema):
    title: str | None = Field(None, min_length=1, max_length=300)
    kind: TaskKind | None = None
    due_at: Instant | None = None
    done: bool | None = None
    interview_id: int | None = None
    person_id: int | None = None
    notes: str | None = None


class TaskOut(Schema):
    id: int
    title: str
    kind: str
    due_at: datetime | None
    done: bool
    done_at: datetime | None
    interview_id: int | None
    person_id: int | None
    notes: str


def _resolve_links(request: HttpRequest, data: dict[str, object]) -> None:
    user = request_user(request)
    if "person_id" in data:
        data["person"] = owned(Person, user, data.pop("person_id"), "person_id")  # type: ignore[arg-type]
    if "interview_id" in data:
        data["interview"] = owned(Interview, user, data.pop("interview_id"), "interview_id")  # type: ignore[arg-type]


@router.get("", response=list[TaskOut])
@paginate(Pages, page_size=50)
def list_tasks(
    request: HttpRequest, done: bool | None = None, q: str = "", kind: str = ""
) -> QuerySet[Task]:
    tasks = Task.objects.filter(owner=request_user(request))
    if done is not None:
        tasks = tasks.filter(done=done)
    if kind:
        tasks = tasks.filter(kind=kind)
    for word in q.split():
        tasks = tasks.filter(title__icontains=word)
    return tasks


@router.post("", response={201: TaskOut})
def create_task(request: HttpRequest, payload: TaskIn) -> Status[Task]:
    data = payload.dict()
    _resolve_links(request, data)
    return Status(201, save_task(Task(owner=request_user(request), **data)))


@router.get("/{task_id}", response=TaskOut)
def read_task(request: HttpRequest, task_id: int) -> Task:
    return get_task(request_user(request), task_id)


@router.patch("/{task_id}", response=TaskOut)
def update_task(request: HttpRequest, task_id: int, payload: TaskPatch) -> Task:
    task = get_task(request_user(request), task_id)
    data = patch_data(payload, Task)
    _resolve_links(request, data)
    apply(task, data)
    return save_task(task)


@router.delete("/{task_id}", response={204: None})
def delete_task(request: HttpRequest, task_id: int) -> Status[None]:
    get_task(request_user(request), task_id).delete()
    return Status(204, None)
