from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from coffeechat.core.http import int_param, user_of
from coffeechat.interviews.forms import ActivityForm, InterviewForm, StageForm
from coffeechat.interviews.models import EXITS, PIPELINE, Interview, Stage
from coffeechat.interviews.services import (
    get_interview,
    interviews_of,
    move_to_stage,
    record_activity,
    save_interview,
)
from coffeechat.network.colleagues import colleagues_of

BOARD_CARDS_PER_COLUMN = 25


@dataclass(frozen=True)
class BoardColumn:
    stage: Stage
    cards: list[Interview]
    count: int

    @property
    def hidden(self) -> int:
        return self.count - len(self.cards)


@login_required
def interview_board(request: HttpRequest) -> HttpResponse:
    """The pipeline: one column per stage, the exits after the main road."""
    return _board(request)


def _board(request: HttpRequest, status: str = "") -> HttpResponse:
    user = user_of(request)
    counts = dict(
        Interview.objects.filter(owner=user)
        .values_list("stage")
        .annotate(count=Count("id"))
        .order_by()
    )
    # The most recently moved cards of each column, in one query whatever the pipeline's size.
    recent = (
        interviews_of(user)
        .annotate(
            rank=Window(
                RowNumber(), partition_by=[F("stage")], order_by=F("stage_changed_at").desc()
            )
        )
        .filter(rank__lte=BOARD_CARDS_PER_COLUMN)
        .order_by("-stage_changed_at", "-id")
    )
    by_stage: dict[str, list[Interview]] = {stage: [] for stage in (*PIPELINE, *EXITS)}
    for interview in recent:
        by_stage[interview.stage].append(interview)
    columns = [
        BoardColumn(Stage(stage), cards, counts.get(stage, 0)) for stage, cards in by_stage.items()
    ]
    context = {
        "columns": columns,
        "stages": Stage.choices,
        "status": status,
        "total": sum(counts.values()),
    }
    return render(request, "interviews/board.html", context)


@login_required
def interview_detail(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview(user_of(request), pk)
    context = {
        "interview": interview,
        "person": interview.person,
        "timeline": interview.activities.all()[:200],
        "tasks": interview.tasks.filter(done=False)
        .select_related("person", "interview__person")
        .order_by("due_at"),
        "activity_form": ActivityForm(
            owner=interview.owner,
            initial={"person": interview.person_id, "interview": interview.pk},
        ),
        "stages": Stage.choices,
        "colleagues": colleagues_of(interview.person),
    }
    return render(request, "interviews/interview_detail.html", context)


def _interview_form(
    request: HttpRequest, form: InterviewForm, title: str, cancel: str
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            interview = save_interview(form.save(commit=False))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The interview is saved.")
            return redirect(interview)
    return render(
        request, "core/form_page.html", {"form": form, "title": title, "cancel_url": cancel}
    )


@login_required
def interview_create(request: HttpRequest) -> HttpResponse:
    initial = {"person": int_param(request, "person")}
    form = InterviewForm(request.POST or None, owner=user_of(request), initial=initial)
    return _interview_form(request, form, "Plan an interview", "/interviews/")


@login_required
def interview_edit(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview(user_of(request), pk)
    form = InterviewForm(request.POST or None, owner=interview.owner, instance=interview)
    return _interview_form(request, form, "Edit the interview", interview.get_absolute_url())


@login_required
def interview_delete(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview(user_of(request), pk)
    if request.method == "POST":
        interview.delete()
        messages.success(request, "The interview is deleted.")
        return redirect("interview_board")
    context = {
        "object": interview,
        "consequence": "Its timeline entries and tasks are deleted too. This cannot be undone.",
        "cancel_url": interview.get_absolute_url(),
    }
    return render(request, "core/confirm_delete.html", context)


@login_required
@require_POST
def interview_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a card (menu or drag): change the stage and record it in the timeline."""
    interview = get_interview(user_of(request), pk)
    form = StageForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Unknown stage.")
    move_to_stage(interview, form.cleaned_data["stage"])
    if request.headers.get("HX-Request"):
        return _board(request, f"{interview.person.name} moved to {interview.get_stage_display()}.")
    messages.success(request, f"Moved to {interview.get_stage_display()}.")
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = interview.get_absolute_url()
    return redirect(next_url)


@login_required
@require_POST
def activity_create(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    form = ActivityForm(request.POST, owner=user)
    if not form.is_valid():
        for field, errors in form.errors.items():
            messages.error(request, f"{field}: {' '.join(str(e) for e in errors)}")
    else:
        data = form.cleaned_data
        record_activity(
            user,
            data["kind"],
            at=data["at"],
            person=data["person"],
            interview=data["interview"],
            text=data["text"],
        )
        messages.success(request, "Added to the timeline.")
    target = form.cleaned_data.get("interview") or form.cleaned_data.get("person")
    return redirect(target.get_absolute_url() if target else "today")
