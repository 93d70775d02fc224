"""An interview's question plan, fitted into the agreed time (P15, P20, P22)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Field, Router, Schema

from coffeechat.api.common import MAX_ID, request_user
from coffeechat.interviews.models import Interview
from coffeechat.interviews.services import get_interview
from coffeechat.prep.services import Plan, PlanItem, plan_of, plan_on_first_use, set_plan

router = Router(tags=["plans"])


class PlanEntryOut(Schema):
    question_id: int
    text: str  # placeholders filled for this interview
    minutes: float
    phase: str
    pinned: bool
    fits: bool  # False: "if time allows"
    starts_at_minute: float  # from the start of the call, the opening included
    notes: str


class PlanOut(Schema):
    interview_id: int
    duration_minutes: int
    budget_minutes: float  # the agreed time minus the opening and the wrap-up
    fitting_minutes: float
    over_budget: bool  # the must-ask and next-step questions alone overrun the budget
    entries: list[PlanEntryOut]  # in the order they will be asked


class PlanItemIn(Schema):
    question_id: int = Field(ge=1, le=MAX_ID)
    pinned: bool = False


class PlanIn(Schema):
    questions: list[PlanItemIn]  # the new plan, in order


def _plan_out(interview: Interview, plan: Plan) -> PlanOut:
    return PlanOut(
        interview_id=interview.pk,
        duration_minutes=interview.duration_minutes,
        budget_minutes=plan.budget_minutes,
        fitting_minutes=plan.fitting_minutes,
        over_budget=plan.over_budget,
        entries=[
            PlanEntryOut(
                question_id=planned.entry.question_id,
                text=planned.text,
                minutes=planned.entry.question.minutes,
                phase=planned.entry.question.phase,
                pinned=planned.entry.pinned,
                fits=planned.fits,
                starts_at_minute=planned.starts_at_minute,
                notes=planned.entry.notes,
            )
            for planned in plan.questions
        ],
    )


@router.get("/{interview_id}/plan", response=PlanOut)
def read_plan(request: HttpRequest, interview_id: int) -> PlanOut:
    """The plan; built from the question bank the first time it is asked for."""
    interview = get_interview(request_user(request), interview_id)
    return _plan_out(interview, plan_on_first_use(interview))


@router.put("/{interview_id}/plan", response=PlanOut)
def replace_plan(request: HttpRequest, interview_id: int, payload: PlanIn) -> PlanOut:
    """Replace the plan with these questions in this order; notes already taken are kept."""
    interview = get_interview(request_user(request), interview_id)
    set_plan(interview, [PlanItem(item.question_id, item.pinned) for item in payload.questions])
    return _plan_out(interview, plan_of(interview))
