"""Series goals (P5): the list with each goal's pace, one goal's detail, create, edit, delete."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render

from coffeechat.core.http import user_of
from coffeechat.insights.goal_chart import pace_chart
from coffeechat.insights.goal_forms import GoalForm
from coffeechat.insights.goals import get_goal, goal_progress, goals_summary, save_goal


@login_required
def goal_list(request: HttpRequest) -> HttpResponse:
    return render(request, "insights/goal_list.html", {"goals": goals_summary(user_of(request))})


@login_required
def goal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_goal(user_of(request), pk)
    progress = goal_progress(goal)
    context = {"goal": goal, "progress": progress, "chart": pace_chart(progress)}
    return render(request, "insights/goal_detail.html", context)


def _goal_form(request: HttpRequest, form: GoalForm, title: str, cancel: str) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            goal = save_goal(form.save(commit=False))
        except ValidationError as error:
            form.add_error(None, error)  # a dict of errors lands on the fields it names
        else:
            messages.success(request, f"“{goal.title}” is saved.")
            return redirect(goal)
    context = {"form": form, "title": title, "cancel_url": cancel}
    return render(request, "insights/goal_form.html", context)


@login_required
def goal_create(request: HttpRequest) -> HttpResponse:
    form = GoalForm(request.POST or None, owner=user_of(request))
    return _goal_form(request, form, "Set a series goal", "/goals/")


@login_required
def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_goal(user_of(request), pk)
    form = GoalForm(request.POST or None, owner=goal.owner, instance=goal)
    return _goal_form(request, form, f"Edit “{goal.title}”", goal.get_absolute_url())


@login_required
def goal_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Deletes on POST only (the confirmation is on the goal's page); interviews stay."""
    goal = get_goal(user_of(request), pk)  # first, so another user's id is 404 for any method
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    goal.delete()
    messages.success(request, f"The goal “{goal.title}” is deleted; your interviews stay.")
    return redirect("goal_list")
