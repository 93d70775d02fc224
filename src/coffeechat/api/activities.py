from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.api.common import ID_FILTER, Instant, Pages, apply, owned, request_user
from coffeechat.interviews.models import Activity, ActivityKind, Interview
from coffeechat.interviews.services import get_activity, record_activity
from coffeechat.people.models import Person

router = Router(tags=["activities"])


class ActivityIn(Schema):
    kind: ActivityKind = ActivityKind.NOTE
    at: Instant | None = None
    interview_id: int | None = None
    person_id: int | None = None
    text: str = ""


class ActivityPatch(Schema):
    kind: ActivityKind | None = None
    at: Instant | None = None
    text: str | None = None


class ActivityOut(Schema):
    id: int
    kind: str
    at: datetime
    interview_id: int | None
    person_id: int | None
    text: str


@router.get("", response=list[ActivityOut])
@paginate(Pages, page_size=50)
def list_activities(
    request: HttpRequest,
    person_id: int | None = ID_FILTER,
    interview_id: int | None = ID_FILTER,
    kind: str = "",
) -> QuerySet[Activity]:
    activities = Activity.objects.filter(owner=request_user(request))
    if person_id is not None:
        activities = activities.filter(person_id=person_id)
    if interview_id is not None:
        activities = activities.filter(interview_id=interview_id)
    if kind:
        activities = activities.filter(kind=kind)
    return activities


@router.post("", response={201: ActivityOut})
def create_activity(request: HttpRequest, payload: ActivityIn) -> Status[Activity]:
    user = request_user(request)
    activity = record_activity(
        user,
        payload.kind,
        at=payload.at,
        person=owned(Person, user, payload.person_id, "person_id"),
        interview=owned(Interview, user, payload.interview_id, "interview_id"),
        text=payload.text,
    )
    return Status(201, activity)


@router.get("/{activity_id}", response=ActivityOut)
def read_activity(request: HttpRequest, activity_id: int) -> Activity:
    return get_activity(request_user(request), activity_id)


@router.patch("/{activity_id}", response=ActivityOut)
def update_activity(request: HttpRequest, activity_id: int, payload: ActivityPatch) -> Activity:
    activity = get_activity(request_user(request), activity_id)
    apply(activity, {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None})
    activity.full_clean()
    activity.save()
    return activity


@router.delete("/{activity_id}", response={204: None})
def delete_activity(request: HttpRequest, activity_id: int) -> Status[None]:
    get_activity(request_user(request), activity_id).delete()
    return Status(204, None)
