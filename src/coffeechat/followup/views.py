from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from coffeechat.core.http import int_param, user_of
from coffeechat.followup.forms import TaskForm
from coffeechat.followup.services import agenda, get_task, save_task, set_done
from coffeechat.outreach.services import no_response_suggestions, requested_interviews


@login_required
def today(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    context = {
        "agenda": agenda(user),
        "no_response": no_response_suggestions(requested_interviews(user.pk), timezone.now()),
    }
    return render(request, "followup/today.html", context)


def _task_form(request: HttpRequest, form: TaskForm, title: str) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            save_task(form.save(commit=False))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The task is saved.")
            return redirect("today")
    return render(
        request, "core/form_page.html", {"form": form, "title": title, "cancel_url": "/today/"}
    )


@login_required
def task_create(request: HttpRequest) -> HttpResponse:
    initial = {"person": int_param(request, "person"), "interview": int_param(request, "interview")}
    form = TaskForm(request.POST or None, owner=user_of(request), initial=initial)
    return _task_form(request, form, "Add a task")


@login_required
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_task(user_of(request), pk)
    form = TaskForm(request.POST or None, owner=task.owner, instance=task)
    return _task_form(request, form, "Edit the task")


@login_required
@require_POST
def task_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    task = set_done(get_task(user_of(request), pk), request.POST.get("done") == "on")
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/today/"
    if request.headers.get("HX-Request"):
        # The swapped-in item keeps the page's own address for its no-JavaScript fallback.
        return render(request, "followup/_task_item.html", {"task": task, "next_url": next_url})
    return redirect(next_url)


@login_required
@require_POST
def task_delete(request: HttpRequest, pk: int) -> HttpResponse:
    get_task(user_of(request), pk).delete()
    messages.success(request, "The task is deleted.")
    return redirect("today")
