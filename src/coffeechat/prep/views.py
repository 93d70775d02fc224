"""Web pages of the question bank and the elevator pitch (the plan is in plan_views)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from coffeechat.core.http import paginate, user_of
from coffeechat.playbook.pitch import PITCH_MAX_SECONDS, PITCH_MIN_SECONDS, check_pitch
from coffeechat.prep.forms import (
    MAX_PITCH_LENGTH,
    PitchForm,
    QuestionFilterForm,
    QuestionForm,
    StarForm,
)
from coffeechat.prep.models import Question
from coffeechat.prep.services import (
    current_pitch,
    delete_question,
    get_pitch,
    get_question,
    googleable,
    pitch_versions,
    plans_using,
    question_tags,
    restore_pitch,
    save_pitch,
    save_question,
    search_questions,
    star_question,
)

# The question pages belong to the "Questions" entry of the main navigation.
_QUESTIONS = {"nav_section": "questions"}


def _is_htmx(request: HttpRequest) -> bool:
    return bool(request.headers.get("HX-Request"))


def _safe_next(request: HttpRequest, default: str) -> str:
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return next_url
    return default


# ------------------------------------------------------------------------------ question bank


@login_required
def question_list(request: HttpRequest) -> HttpResponse:
    """The bank: search and filters answer live (htmx), like the people list."""
    user = user_of(request)
    form = QuestionFilterForm(request.GET or None, tags=question_tags(user))
    filters = form.filters()
    page = paginate(request, search_questions(user, **filters))
    context = {"page": page, "form": form, "filtered": bool(filters), **_QUESTIONS}
    template = "prep/_question_rows.html" if _is_htmx(request) else "prep/question_list.html"
    return render(request, template, context)


def _question_form(request: HttpRequest, form: QuestionForm, title: str) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            question = save_question(form.save(commit=False))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            verdict = googleable(question)
            if verdict.googleable:
                messages.warning(request, f"Saved. A web search may answer it: {verdict.reason}")
            else:
                messages.success(request, "The question is saved.")
            return redirect("question_list")
    context = {"form": form, "title": title, "cancel_url": "/questions/", **_QUESTIONS}
    return render(request, "core/form_page.html", context)


@login_required
def question_create(request: HttpRequest) -> HttpResponse:
    form = QuestionForm(request.POST or None, instance=Question(owner=user_of(request)))
    return _question_form(request, form, "Write a question")


@login_required
def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question(user_of(request), pk)
    form = QuestionForm(request.POST or None, instance=question)
    return _question_form(request, form, "Edit the question")


@login_required
def question_delete(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question(user_of(request), pk)
    if request.method == "POST":
        delete_question(question)
        messages.success(request, "The question is deleted.")
        return redirect("question_list")
    plans = plans_using(question)
    where = f" It is also taken out of {plans} interview plan{'s' if plans != 1 else ''}."
    context = {
        "object": question,
        "consequence": f"{where if plans else ''} This cannot be undone.".strip(),
        "cancel_url": "/questions/",
        **_QUESTIONS,
    }
    return render(request, "core/confirm_delete.html", context)


@login_required
@require_POST
def question_star(request: HttpRequest, pk: int) -> HttpResponse:
    """Star or unstar; htmx swaps just the button, without JS the page reloads."""
    question = get_question(user_of(request), pk)
    form = StarForm(request.POST)
    form.is_valid()  # a missing or odd value reads as "not starred"
    star_question(question, bool(form.cleaned_data.get("starred")))
    next_url = _safe_next(request, "/questions/")
    if _is_htmx(request):
        return render(request, "prep/_star.html", {"question": question, "next_url": next_url})
    return redirect(next_url)


# ------------------------------------------------------------------------------ pitch (P18)


def _pitch_page(request: HttpRequest, form: PitchForm) -> HttpResponse:
    user = user_of(request)
    text = form.data.get("text", "") if form.is_bound else form.initial.get("text", "")
    context: dict[str, Any] = {
        "form": form,
        "check": check_pitch(str(text)[:MAX_PITCH_LENGTH]),
        "versions": [(version, check_pitch(version.text)) for version in pitch_versions(user)],
        "min_seconds": PITCH_MIN_SECONDS,
        "max_seconds": PITCH_MAX_SECONDS,
        "nav_section": "pitch",
    }
    return render(request, "prep/pitch.html", context)


@login_required
def pitch(request: HttpRequest) -> HttpResponse:
    """The elevator pitch: edited with a live timer; every saved change is kept as a version."""
    user = user_of(request)
    if request.method == "POST":
        form = PitchForm(request.POST)
        if form.is_valid():
            try:
                _, check = save_pitch(user, form.cleaned_data["text"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, f"Your pitch is saved. {check.message}")
                return redirect("pitch")
        return _pitch_page(request, form)
    current = current_pitch(user)
    return _pitch_page(request, PitchForm(initial={"text": current.text if current else ""}))


@login_required
@require_POST
def pitch_check(request: HttpRequest) -> HttpResponse:
    """The live word count and spoken time (htmx)."""
    check = check_pitch(request.POST.get("text", "")[:MAX_PITCH_LENGTH])
    context = {"check": check, "min_seconds": PITCH_MIN_SECONDS, "max_seconds": PITCH_MAX_SECONDS}
    return render(request, "prep/_pitch_check.html", context)


@login_required
@require_POST
def pitch_restore(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_pitch(user_of(request), pk)
    restore_pitch(version.owner, version)
    messages.success(request, "That version is your pitch again; the others are kept.")
    return redirect("pitch")
