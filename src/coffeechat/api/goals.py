"""Series goals (P5): a target number of conversations of a kind by a date, and the pace."""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.api.common import Pages, apply, patch_data, request_user
from coffeechat.insights.goals import (
    MAX_TARGET,
    MIN_TARGET,
    get_goal,
    goal_progress,
    goals_of,
    save_goal,
    today_for,
)
from coffeechat.insights.models import Goal

router = Router(tags=["goals"])


class GoalIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    target_count: int = Field(ge=MIN_TARGET, le=MAX_TARGET)
    start_date: date | None = None  # today in your time zone when left out
    due_date: date
    role_keywords: str = Field("", max_length=200)
    industry: str = Field("", max_length=200)
    location: str = Field("", max_length=200)
    tags: list[str] = []


class GoalPatch(Schema):
    title: str | None = Field(None, min_length=1, max_length=200)
    target_count: int | None = Field(None, ge=MIN_TARGET, le=MAX_TARGET)
    start_date: date | None = None
    due_date: date | None = None
    role_keywords: str | None = Field(None, max_length=200)
    industry: str | None = Field(None, max_length=200)
    location: str | None = Field(None, max_length=200)
    tags: list[str] | None = None


class GoalOut(Schema):
    id: int
    title: str
    target_count: int
    start_date: date
    due_date: date
    role_keywords: str
    industry: str
    location: str
    tags: list[str]
    created_at: datetime
    updated_at: datetime


class ProgressOut(Schema):
    counted: int  # conversations held in the window with people who match
    target: int
    pipeline: int  # matching interviews not held yet (idea to scheduled)
    percent: int
    expected: float  # by today, on the straight line from start to due
    status: str  # not_started, on_track, behind, met, missed
    shortfall: int  # N of "behind by N" or "missed by N"
    label: str
    sentence: str
    today: date  # in your time zone
    counted_interview_ids: list[int]
    pipeline_interview_ids: list[int]


class GoalDetailOut(GoalOut):
    progress: ProgressOut

    @staticmethod
    def resolve_progress(goal: Goal) -> ProgressOut:
        progress = goal_progress(goal)
        return ProgressOut(
            counted=progress.counted_count,
            target=progress.target,
            pipeline=len(progress.pipeline),
            percent=progress.percent,
            expected=round(progress.expected, 2),
            status=progress.status.value,
            shortfall=progress.pace.shortfall,
            label=progress.label,
            sentence=progress.sentence,
            today=progress.today,
            counted_interview_ids=[held.interview.pk for held in progress.counted],
            pipeline_interview_ids=[interview.pk for interview in progress.pipeline],
        )


@router.get("", response=list[GoalOut])
@paginate(Pages, page_size=50)
def list_goals(request: HttpRequest) -> QuerySet[Goal]:
    return goals_of(request_user(request))


@router.post("", response={201: GoalDetailOut})
def create_goal(request: HttpRequest, payload: GoalIn) -> Status[Goal]:
    user = request_user(request)
    data = payload.dict()
    data["start_date"] = data["start_date"] or today_for(user)
    goal = Goal(owner=user)
    apply(goal, data)
    return Status(201, save_goal(goal))


@router.get("/{goal_id}", response=GoalDetailOut)
def read_goal(request: HttpRequest, goal_id: int) -> Goal:
    return get_goal(request_user(request), goal_id)


@router.patch("/{goal_id}", response=GoalDetailOut)
def update_goal(request: HttpRequest, goal_id: int, payload: GoalPatch) -> Goal:
    goal = get_goal(request_user(request), goal_id)
    apply(goal, patch_data(payload, Goal))
    return save_goal(goal)


@router.delete("/{goal_id}", response={204: None})
def delete_goal(request: HttpRequest, goal_id: int) -> Status[None]:
    get_goal(request_user(request), goal_id).delete()
    return Status(204, None)
