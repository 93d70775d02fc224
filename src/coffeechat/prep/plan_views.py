"""The prepare page of an interview: the question plan, the research checklist and the pitch.

Every change to the plan is a POST form that works without JavaScript (it answers with a redirect
back to the page); with htmx it answers the plan panel alone, with a status line read out to screen
readers. Practices: P1-P3 and P16 (research), P15 and P20 (the plan against the clock), P18 (pitch),
P22 (next steps close the conversation).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.core.http import user_of
from coffeechat.interviews.models import Interview
from coffeechat.interviews.services import get_interview
from coffeechat.network.colleagues import colleagues_of
from coffeechat.playbook.pitch import check_pitch
from coffeechat.playbook.plan import OPENING_MINUTES, WRAP_UP_MINUTES
from coffeechat.prep.forms import (
    MoveForm,
    PinForm,
    PlannedForm,
    PlanQuestionForm,
    ReorderForm,
    ResearchForm,
    SwapForm,
)
from coffeechat.prep.models import Question, QuestionPhase
from coffeechat.prep.plan_editing import (
    add_to_plan,
    move_in_plan,
    pin_in_plan,
    plan_choices,
    remove_from_plan,
    reorder_plan,
    swap_in_plan,
    write_into_plan,
)
from coffeechat.prep.services import (
    Plan,
    PlannedQuestion,
    build_plan,
    current_pitch,
    placeholder_values,
    plan_of,
    plan_on_first_use,
    preparation_of,
    research_checklist,
    save_research,
)


@dataclass(frozen=True)
class PlanRow:
    planned: PlannedQuestion
    swaps: list[Question]
    first: bool  # first of its phase: it can't move up
    last: bool  # last of its phase: it can't move down


@dataclass(frozen=True)
class PlanSection:
    phase: str
    label: str
    rows: list[PlanRow]


def _sections(plan: Plan, swaps: dict[int, list[Question]]) -> list[PlanSection]:
    """The plan by phase of the conversation: small talk, questions, next steps."""
    sections = []
    for phase in QuestionPhase:
        items = [q for q in plan.questions if q.entry.question.phase == phase.value]
        rows = [
            PlanRow(item, swaps.get(item.entry.question_id, []), i == 0, i == len(items) - 1)
            for i, item in enumerate(items)
        ]
        sections.append(PlanSection(phase.value, str(phase.label), rows))
    return sections


def _context(interview: Interview, **extra: Any) -> dict[str, Any]:
    plan = plan_of(interview)
    choices = plan_choices(interview, [planned.entry for planned in plan.questions])
    pitch = current_pitch(interview.owner)
    context = {
        "interview": interview,
        "person": interview.person,
        "plan": plan,
        "sections": _sections(plan, choices.swaps),
        "choices": choices,
        "values": placeholder_values(interview),
        "opening": OPENING_MINUTES,
        "wrap_up": WRAP_UP_MINUTES,
        "write_form": PlanQuestionForm(),
        "checklist": research_checklist(interview),
        "pitch": pitch,
        "pitch_check": check_pitch(pitch.text) if pitch else None,
        "colleagues": colleagues_of(interview.person),
        "status": "",
        "error": "",
    }
    if "research_form" not in extra:
        context["research_form"] = ResearchForm(
            instance=preparation_of(interview), person=interview.person
        )
    return {**context, **extra}


def _page(request: HttpRequest, interview: Interview, **extra: Any) -> HttpResponse:
    """The plan panel alone for htmx, else the whole page."""
    template = "prep/_plan.html" if request.headers.get("HX-Request") else "prep/prepare.html"
    return render(request, template, _context(interview, **extra))


def _problem(errors: Mapping[str, Iterable[object]], form: forms.BaseForm) -> str:
    """Each problem after its field's label: "Question: That question is not in this plan."."""
    parts = []
    for name, texts in errors.items():
        text = " ".join(str(t) for t in texts)
        if name in (NON_FIELD_ERRORS, ""):
            parts.append(text)
            continue
        field = form.fields.get(name)
        label = field.label if field is not None and field.label else name.capitalize()
        parts.append(f"{label}: {text}")
    return " ".join(parts)


def _change(
    request: HttpRequest, interview: Interview, form: forms.BaseForm, apply: Callable[[], str]
) -> HttpResponse:
    """Validate ``form``, apply the change and answer with the plan (htmx) or a redirect."""
    if form.is_valid():
        try:
            done = apply()
        except ValidationError as error:
            errors = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
            return _page(request, interview, error=_problem(errors, form))
        if request.headers.get("HX-Request"):
            return _page(request, interview, status=done)
        messages.success(request, done)
        return redirect(reverse("interview_prepare", args=[interview.pk]) + "#plan")
    return _page(request, interview, error=_problem(form.errors, form))


@login_required
def interview_prepare(request: HttpRequest, pk: int) -> HttpResponse:
    """Prepare for one conversation: the plan is built from the bank on the first visit."""
    interview = get_interview(user_of(request), pk)
    plan_on_first_use(interview)
    return _page(request, interview)


@login_required
@require_POST
def interview_plan_move(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview(user_of(request), pk)
    form = MoveForm(request.POST)

    def apply() -> str:
        direction = form.cleaned_data["direction"]
        move_in_plan(interview, form.cleaned_data["question"], direction)
        return f"Moved {direction}."

    return _change(request, interview, form, apply)


@login_required
@require_POST
def interview_plan_reorder(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview(user_of(request), pk)
    form = ReorderForm(request.POST)

    def apply() -> str:
        reorder_plan(interview, form.cleaned_data["order"])
        return "The new order is saved."

    return _change(request, interview, form, apply)


@login_required
@require_POST
def interview_plan_pin(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview(user_of(request), pk)
    form = PinForm(request.POST)

    def apply() -> str:
        pinned = form.cleaned_data["pinned"]
        pin_in_plan(interview, form.cleaned_data["question"], pinned)
        return "Marked “must ask”." if pinned else "No longer “must ask”."

    return _change(request, interview, form, apply)


@login_required
@require_POST
def interview_plan_remove(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview(user_of(request), pk)
    form = PlannedForm(request.POST)

    def apply() -> str:
        remove_from_plan(interview, form.cleaned_data["question"])
        return "Taken out of the plan; it stays in your question bank."

    return _change(request, interview, form, apply)


@login_required
@require_POST
def interview_plan_swap(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview(user_of(request), pk)
    form = SwapForm(request.POST)

    def apply() -> str:
        data = form.cleaned_data
        swap_in_plan(interview, data["question"], data["replacement"])
        return "Swapped."

    return _change(request, interview, form, apply)


@login_required
@require_POST
def interview_plan_add(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview(user_of(request), pk)
    form = PlannedForm(request.POST)

    def apply() -> str:
        add_to_plan(interview, form.cleaned_data["question"])
        return "Added to the plan."

    return _change(request, interview, form, apply)


@login_required
@require_POST
def interview_plan_write(request: HttpRequest, pk: int) -> HttpResponse:
    """Write a new question: it goes into the plan and stays in the bank for next time."""
    interview = get_interview(user_of(request), pk)
    form = PlanQuestionForm(request.POST, instance=Question(owner=interview.owner))
    if form.is_valid():
        try:
            write_into_plan(interview, form.save(commit=False))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            done = "Your question is in the plan and in your bank."
            if request.headers.get("HX-Request"):
                return _page(request, interview, status=done)
            messages.success(request, done)
            return redirect(reverse("interview_prepare", args=[interview.pk]) + "#plan")
    return _page(request, interview, write_form=form, error=_problem(form.errors, form))


@login_required
def interview_plan_rebuild(request: HttpRequest, pk: int) -> HttpResponse:
    """Start the plan again from the bank, after a confirmation (the current plan is lost)."""
    interview = get_interview(user_of(request), pk)
    if request.method == "POST":
        build_plan(interview, replace=True)
        messages.success(request, "A fresh plan is built from your question bank.")
        return redirect(reverse("interview_prepare", args=[interview.pk]) + "#plan")
    return render(request, "prep/rebuild_confirm.html", {"interview": interview})


@login_required
@require_POST
def interview_research(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the research checklist and the objectives (P1-P3)."""
    interview = get_interview(user_of(request), pk)
    preparation = preparation_of(interview)
    form = ResearchForm(request.POST, instance=preparation, person=interview.person)
    if form.is_valid():
        try:
            save_research(
                form.save(commit=False),
                what_they_do=form.cleaned_data["what_they_do"],
                what_they_have_done=form.cleaned_data["what_they_have_done"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your research is saved.")
            return redirect(reverse("interview_prepare", args=[interview.pk]) + "#research")
    return render(request, "prep/prepare.html", _context(interview, research_form=form))
