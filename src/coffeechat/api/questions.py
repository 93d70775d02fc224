"""The question bank: the user's copies of the built-in questions and their own (P15-P17)."""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.api.common import Pages, apply, patch_data, request_user
from coffeechat.prep.models import Question, QuestionCategory, QuestionPhase, QuestionTiara
from coffeechat.prep.services import (
    get_question,
    googleable,
    questions_of,
    save_question,
    search_questions,
)

router = Router(tags=["questions"])

MIN_MINUTES = 0.5
MAX_MINUTES = 30


class QuestionIn(Schema):
    text: str = Field(min_length=1, max_length=500)
    category: QuestionCategory = QuestionCategory.ROLE
    tiara: QuestionTiara = QuestionTiara.INSIGHTS
    phase: QuestionPhase = QuestionPhase.QUESTIONS
    minutes: float = Field(1.5, ge=MIN_MINUTES, le=MAX_MINUTES)
    fits_15: bool = True
    starred: bool = False
    tags: list[str] = []


class QuestionPatch(Schema):
    text: str | None = Field(None, min_length=1, max_length=500)
    category: QuestionCategory | None = None
    tiara: QuestionTiara | None = None
    phase: QuestionPhase | None = None
    minutes: float | None = Field(None, ge=MIN_MINUTES, le=MAX_MINUTES)
    fits_15: bool | None = None
    starred: bool | None = None
    tags: list[str] | None = None


class GoogleableOut(Schema):
    flag: bool
    reason: str


class QuestionOut(Schema):
    id: int
    key: str  # the built-in question it was copied from; blank for the user's own
    text: str
    category: str
    tiara: str
    phase: str
    minutes: float
    fits_15: bool
    starred: bool
    tags: list[str]
    googleable: GoogleableOut  # would a web search answer it? (P16)
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_googleable(question: Question) -> GoogleableOut:
        verdict = googleable(question)
        return GoogleableOut(flag=verdict.googleable, reason=verdict.reason)


def _save(request: HttpRequest, question: Question, data: dict[str, object]) -> Question:
    apply(question, data)
    save_question(question)
    return get_question(request_user(request), question.pk)


@router.get("", response=list[QuestionOut])
@paginate(Pages, page_size=50)
def list_questions(
    request: HttpRequest,
    q: str = "",
    category: str = "",
    tiara: str = "",
    tag: str = "",
    starred: bool = False,
    fits_15: bool = False,
) -> QuerySet[Question]:
    return search_questions(
        request_user(request),
        q,
        category=category,
        tiara=tiara,
        tag=tag,
        starred=starred,
        fits_15=fits_15,
    )


@router.post("", response={201: QuestionOut})
def create_question(request: HttpRequest, payload: QuestionIn) -> Status[Question]:
    user = request_user(request)
    questions_of(user)  # the built-in copies come first, so the new one sorts after them
    return Status(201, _save(request, Question(owner=user), payload.dict()))


@router.get("/{question_id}", response=QuestionOut)
def read_question(request: HttpRequest, question_id: int) -> Question:
    return get_question(request_user(request), question_id)


@router.patch("/{question_id}", response=QuestionOut)
def update_question(request: HttpRequest, question_id: int, payload: QuestionPatch) -> Question:
    question = get_question(request_user(request), question_id)
    return _save(request, question, patch_data(payload, Question))


@router.delete("/{question_id}", response={204: None})
def delete_question(request: HttpRequest, question_id: int) -> Status[None]:
    get_question(request_user(request), question_id).delete()
    return Status(204, None)
