from __future__ import annotations

from datetime import datetime

from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from coffeechat.api.common import ID_FILTER, Instant, Pages, apply, owned, patch_data, request_user
from coffeechat.interviews.calendar import invite_http_response
from coffeechat.interviews.models import DEFAULT_DURATION_MINUTES, Interview, Mode, Stage
from coffeechat.interviews.services import (
    get_interview,
    interviews_of,
    move_to_stage,
    save_interview,
)
from coffeechat.people.models import Person

router = Router(tags=["interviews"])


class InterviewIn(Schema):
    person_id: int
    topic: str = Field(min_length=1, max_length=300)
    stage: Stage = Stage.IDEA
    duration_minutes: int = Field(DEFAULT_DURATION_MINUTES, ge=5, le=180)
    scheduled_start: Instant | None = None
    time_zone: str = ""
    mode: Mode = Mode.VIDEO
    location: str = ""
    video_url: str = ""
    outcome_notes: str = ""


class InterviewPatch(Schema):
    person_id: int | None = None
    topic: str | None = Field(None, min_length=1, max_length=300)
    stage: Stage | None = None
    duration_minutes: int | None = Field(None, ge=5, le=180)
    scheduled_start: Instant | None = None
    time_zone: str | None = None
    mode: Mode | None = None
    location: str | None = None
    video_url: str | None = None
    outcome_notes: str | None = None


class InterviewOut(Schema):
    id: int
    person_id: int
    person_name: str = Field(alias="person.name")
    topic: str
    stage: str
    duration_minutes: int
    scheduled_start: datetime | None
    time_zone: str
    mode: str
    location: str
    video_url: str
    outcome_notes: str
    stage_changed_at: datetime
    created_at: datetime
    updated_at: datetime


@router.get("", response=list[InterviewOut])
@paginate(Pages, page_size=50)
def list_interviews(
    request: HttpRequest, q: str = "", stage: str = "", person_id: int | None = ID_FILTER
) -> QuerySet[Interview]:
    interviews = interviews_of(request_user(request))
    for word in q.split():
        interviews = interviews.filter(Q(topic__icontains=word) | Q(person__name__icontains=word))
    if stage:
        interviews = interviews.filter(stage=stage)
    if person_id is not None:
        interviews = interviews.filter(person_id=person_id)
    return interviews


@router.post("", response={201: InterviewOut})
def create_interview(request: HttpRequest, payload: InterviewIn) -> Status[Interview]:
    user = request_user(request)
    data = payload.dict()
    person = owned(Person, user, data.pop("person_id"), "person_id")
    interview = save_interview(Interview(owner=user, person=person, **data))
    return Status(201, interview)


@router.get("/{interview_id}", response=InterviewOut)
def read_interview(request: HttpRequest, interview_id: int) -> Interview:
    return get_interview(request_user(request), interview_id)


@router.patch("/{interview_id}", response=InterviewOut)
def update_interview(request: HttpRequest, interview_id: int, payload: InterviewPatch) -> Interview:
    user = request_user(request)
    interview = get_interview(user, interview_id)
    data = patch_data(payload, Interview)
    if "person_id" in data:
        data["person"] = owned(Person, user, data.pop("person_id"), "person_id")
    stage = data.pop("stage", None)
    apply(interview, data)
    save_interview(interview)
    if stage is not None:
        move_to_stage(interview, stage)  # records the change in the timeline, like the board
    return interview


@router.delete("/{interview_id}", response={204: None})
def delete_interview(request: HttpRequest, interview_id: int) -> Status[None]:
    get_interview(request_user(request), interview_id).delete()
    return Status(204, None)


_ICS_RESPONSES = {
    200: {
        "description": "The calendar invite (RFC 5545); METHOD:CANCEL once cancelled.",
        "content": {"text/calendar": {"schema": {"type": "string"}}},
    },
    409: {"description": "The interview has no scheduled start yet."},
}


@router.get("/{interview_id}/invite.ics", openapi_extra={"responses": _ICS_RESPONSES})
def interview_invite(request: HttpRequest, interview_id: int) -> HttpResponse:
    """The calendar invite for a scheduled interview, the same file as the web page's."""
    user = request_user(request)
    interview = get_interview(user, interview_id)
    if interview.scheduled_start is None:
        raise HttpError(409, "The interview has no scheduled start yet; schedule it first.")
    return invite_http_response(interview, user)
