from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from coffeechat.core.http import int_param, paginate, user_of
from coffeechat.followup.forms import KeepPostedForm, SnoozeForm, TaskForm
from coffeechat.followup.models import Task, TaskKind
from coffeechat.followup.no_response import no_response
from coffeechat.followup.services import (
    SNOOZE_DAYS,
    TASK_SECTIONS,
    agenda,
    dismiss,
    get_task,
    save_task,
    section_tasks,
    set_done,
    set_keep_posted,
    snooze,
    thank_you_sent,
)
from coffeechat.outreach.composer import draft_for
from coffeechat.people.services import get_person


@login_required
def today(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    context = {"agenda": agenda(user), "no_response": no_response(user, timezone.now())}
    return render(request, "followup/today.html", context)


@login_required
def today_section(request: HttpRequest, section: str) -> HttpResponse:
    """Every task of one section of Today, a page at a time (Today shows the first few)."""
    if section not in TASK_SECTIONS:
        raise Http404("No such section of Today.")
    page = paginate(request, section_tasks(user_of(request), section))
    context = {"page": page, "heading": TASK_SECTIONS[section][1], "section": section}
    return render(request, "followup/today_section.html", context)


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


def _next_url(request: HttpRequest) -> str:
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/today/"
    return next_url


def _task_answer(request: HttpRequest, task: Task, message: str) -> HttpResponse:
    """htmx swaps the task's own item in place; without JavaScript, back to the page."""
    next_url = _next_url(request)
    if request.headers.get("HX-Request"):
        context = {"task": task, "next_url": next_url, "status": message}
        return render(request, "followup/_task_item.html", context)
    messages.success(request, message)
    return redirect(next_url)


@login_required
@require_POST
def task_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    task = set_done(get_task(user_of(request), pk), request.POST.get("done") == "on")
    next_url = _next_url(request)
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


@login_required
@require_POST
def task_snooze(request: HttpRequest, pk: int) -> HttpResponse:
    """Put a reminder off by 1 day, 3 days or 1 week."""
    task = get_task(user_of(request), pk)
    form = SnoozeForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(f"Snooze for {', '.join(SNOOZE_DAYS.values())}.")
    task = snooze(task, form.cleaned_data["days"])
    when = timezone.localtime(task.due_at).strftime("%a %d %b, %H:%M") if task.due_at else ""
    return _task_answer(request, task, f"Snoozed: “{task.title}” is now due {when}.")


@login_required
@require_POST
def task_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    """Close a reminder without acting on it."""
    task = dismiss(get_task(user_of(request), pk))
    return _task_answer(request, task, f"Dismissed: “{task.title}”.")


def _thank_you_task(request: HttpRequest, pk: int) -> Task:
    task = get_task(user_of(request), pk)
    if task.kind != TaskKind.THANK_YOU or task.interview is None:
        raise Http404("Not a thank-you task.")
    return task


@login_required
def thank_you_card(request: HttpRequest, pk: int) -> HttpResponse:
    """P23: the handwritten note to copy onto a card, and the address for the envelope."""
    task = _thank_you_task(request, pk)
    interview = task.interview
    assert interview is not None
    try:
        memorable = interview.debrief.memorable
    except ObjectDoesNotExist:
        memorable = ""
    context = {
        "task": task,
        "interview": interview,
        "person": interview.person,
        "note": draft_for(interview, "thank_you", "email").body,
        "memorable": memorable,
    }
    return render(request, "followup/thank_you_card.html", context)


@login_required
@require_POST
def thank_you_posted(request: HttpRequest, pk: int) -> HttpResponse:
    """The handwritten note is in the post: record it as the thank-you."""
    task = _thank_you_task(request, pk)
    interview = task.interview
    assert interview is not None
    name = interview.person.name
    thank_you_sent(interview, text=f"Handwritten thank-you note posted to {name}.")
    messages.success(request, f"Recorded: your note to {name} is on its way. Well done.")
    return redirect(_next_url(request))


@login_required
@require_POST
def keep_posted_settings(request: HttpRequest, pk: int) -> HttpResponse:
    """P24: turn keeping this person posted on or off, and choose how often."""
    person = get_person(user_of(request), pk)
    form = KeepPostedForm(request.POST)
    task = None
    if form.is_valid():
        data = form.cleaned_data
        task = set_keep_posted(person, on=data["keep_posted"], weeks=data["keep_posted_weeks"])
        if person.keep_posted:
            status = f"You'll be reminded to update {person.first_name} every " + (
                "week." if person.keep_posted_weeks == 1 else f"{person.keep_posted_weeks} weeks."
            )
        else:
            status = f"No more keep-posted reminders for {person.first_name}."
    else:
        status = " ".join(str(e) for errors in form.errors.values() for e in errors)
    if request.headers.get("HX-Request"):
        context = {
            "person": person,
            "tasks": [task] if task else [],
            "keep_posted_form": form,
            "status": status,
        }
        return render(request, "followup/_keep_posted.html", context)
    (messages.success if form.is_valid() else messages.error)(request, status)
    return redirect(person)
