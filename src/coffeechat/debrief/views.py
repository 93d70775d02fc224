"""Live mode during the conversation and the debrief right after it (P14, P20-P22, P26-P28)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import BaseFormSet
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from coffeechat.core.http import user_of, whole_number
from coffeechat.debrief.forms import ROWS, DebriefForm
from coffeechat.debrief.models import Debrief
from coffeechat.debrief.services import (
    EXTENSION_STEP_MINUTES,
    agreed_minutes,
    debrief_of,
    end_conversation,
    extend_time,
    held_minutes,
    minutes_phrase,
    next_step_questions,
    notes_taken,
    record_extension,
    referrals_from,
    save_debrief,
    save_note,
    start_conversation,
)
from coffeechat.interviews.models import Interview
from coffeechat.interviews.services import get_interview
from coffeechat.playbook.live import (
    LAST_QUESTIONS_SHARE,
    NEXT_STEPS_SECONDS_BEFORE_END,
    clock_state,
    format_clock,
)
from coffeechat.prep.services import plan_on_first_use

# A time sent by the browser (taken while offline, say) is believed within these bounds.
_CLIENT_CLOCK_SLACK = timedelta(minutes=1)
_OLDEST_START = timedelta(hours=12)


def _epoch_ms(moment: datetime | None) -> str:
    return str(int(moment.timestamp() * 1000)) if moment else ""


def _client_time(
    request: HttpRequest, name: str, *, not_before: datetime | None = None
) -> datetime | None:
    """A time the browser sent in milliseconds since the epoch, if it is plausible."""
    milliseconds = whole_number(request.POST.get(name, ""), max_digits=15)
    if milliseconds is None:
        return None
    moment = datetime.fromtimestamp(milliseconds / 1000, tz=UTC)
    now = timezone.now()
    earliest = not_before if not_before is not None else now - _OLDEST_START
    if earliest <= moment <= now + _CLIENT_CLOCK_SLACK:
        return min(moment, now)
    return None


def _posted_interview(request: HttpRequest, pk: int) -> Interview | HttpResponse:
    """The user's interview for a POST-only view; the lookup comes first, so another user's id
    answers 404 whatever the method, like a missing one."""
    interview = get_interview(user_of(request), pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return interview


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _live_url(interview: Interview, anchor: str = "") -> str:
    url = reverse("interview_live", args=[interview.pk])
    return f"{url}#{anchor}" if anchor else url


def _error_response(
    request: HttpRequest, interview: Interview, error: ValidationError
) -> HttpResponse:
    text = " ".join(error.messages)
    if _wants_json(request):
        return JsonResponse({"errors": error.message_dict}, status=422)
    messages.error(request, text)
    return redirect(_live_url(interview))


@never_cache  # a reload must bring the server's clock and the notes, never a cached copy
@login_required
def live(request: HttpRequest, pk: int) -> HttpResponse:
    """The conversation on a phone: the clock, one question at a time, notes saved as you type."""
    interview = get_interview(user_of(request), pk)
    debrief = debrief_of(interview)
    plan = plan_on_first_use(interview)
    agreed = agreed_minutes(interview, debrief)
    now = timezone.now()
    elapsed = max(0, int((now - debrief.started_at).total_seconds())) if debrief.started_at else 0
    context = {
        "interview": interview,
        "person": interview.person,
        "debrief": debrief,
        "questions": plan.questions,
        "next_steps": next_step_questions(interview, plan),
        "agreed_minutes": agreed,
        "clock": clock_state(elapsed, agreed) if debrief.started_at else None,
        "elapsed_clock": format_clock(elapsed),
        "agreed_clock": format_clock(agreed * 60),
        "extension_step": EXTENSION_STEP_MINUTES,
        "last_questions_share": LAST_QUESTIONS_SHARE,
        "next_steps_seconds": NEXT_STEPS_SECONDS_BEFORE_END,
        "started_at_ms": _epoch_ms(debrief.started_at),
        "server_now_ms": _epoch_ms(now),
    }
    return render(request, "debrief/live.html", context)


@login_required
def live_start(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _posted_interview(request, pk)
    if isinstance(interview, HttpResponse):
        return interview
    debrief = start_conversation(interview, _client_time(request, "at"))
    if _wants_json(request):
        return JsonResponse({"started_at": _epoch_ms(debrief.started_at)})
    return redirect(_live_url(interview))


@login_required
def live_extend(request: HttpRequest, pk: int) -> HttpResponse:
    """They offered more time: +5 minutes a tap, or the total live mode shows (safe to resend)."""
    interview = _posted_interview(request, pk)
    if isinstance(interview, HttpResponse):
        return interview
    total = whole_number(request.POST.get("total", ""))
    try:
        if total is not None:
            debrief = record_extension(interview, total)
        else:
            debrief = extend_time(interview)
    except ValidationError as error:
        return _error_response(request, interview, error)
    agreed = agreed_minutes(interview, debrief)
    if _wants_json(request):
        return JsonResponse(
            {"extended_minutes": debrief.extended_minutes, "agreed_minutes": agreed}
        )
    messages.success(request, f"Thank them: you now have {minutes_phrase(agreed)} in all.")
    return redirect(_live_url(interview))


@login_required
def live_note(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the notes on one question (sent as you type; a plain form post works too)."""
    interview = _posted_interview(request, pk)
    if isinstance(interview, HttpResponse):
        return interview
    entry_id = whole_number(request.POST.get("entry", ""))
    if entry_id is None:
        return _error_response(
            request, interview, ValidationError({"entry": "Which question is this note for?"})
        )
    try:
        entry = save_note(interview, entry_id, request.POST.get("notes", ""))
    except ValidationError as error:
        return _error_response(request, interview, error)
    if _wants_json(request):
        return JsonResponse({"entry": entry.pk, "saved_at": _epoch_ms(entry.notes_updated_at)})
    messages.success(request, "Note saved.")
    return redirect(_live_url(interview, f"q-{entry.pk}"))


@login_required
def live_end(request: HttpRequest, pk: int) -> HttpResponse:
    """End the conversation: keep the real times, move it to held, go to the debrief."""
    interview = _posted_interview(request, pk)
    if isinstance(interview, HttpResponse):
        return interview
    debrief = debrief_of(interview)
    started_at = debrief.started_at or _client_time(request, "started_at")
    ended_at = _client_time(request, "ended_at", not_before=started_at) or timezone.now()
    if started_at is None:
        # Never started on this page: assume it lasted the agreed time.
        started_at = ended_at - timedelta(minutes=interview.duration_minutes)
    ended_at = max(ended_at, started_at)
    debrief = end_conversation(interview, started_at, ended_at)
    minutes = held_minutes(debrief) or 0
    length = minutes_phrase(minutes) if minutes else "less than a minute"
    messages.success(
        request,
        f"Conversation recorded as held ({length}). Write down what you heard while it is fresh.",
    )
    return redirect("interview_debrief", pk=interview.pk)


# ------------------------------------------------------------------------------ debrief


def _bind_rows(request: HttpRequest) -> dict[str, BaseFormSet[Any]]:
    data = request.POST if request.method == "POST" else None
    return {prefix: formset(data, prefix=prefix) for prefix, formset in ROWS}


def _filled_forms(formset: BaseFormSet[Any]) -> list[Any]:
    return [form for form in formset.forms if form.has_changed()]


def _apply_errors(
    form: DebriefForm, rows: dict[str, BaseFormSet[Any]], error: ValidationError
) -> None:
    """Put the service's errors next to the fields they name (``referrals-0-email``)."""
    for name, texts in error.message_dict.items():
        prefix, _, rest = name.partition("-")
        if prefix in rows and rest:
            index, _, field = rest.partition("-")
            row = rows[prefix].forms[int(index)] if index.isdigit() else None
            if row is not None:
                row.add_error(field if field in row.fields else None, texts)
                continue
        form.add_error(name if name in form.fields else None, texts)


def _joined(errors: Any) -> str:
    return " ".join(str(error) for error in errors)


def _error_summary(form: DebriefForm, rows: dict[str, BaseFormSet[Any]]) -> list[dict[str, str]]:
    """One line per field in error, linking to it, for the top of the page."""
    labels = {"resources": "Resource", "skills": "Skill", "referrals": "Person suggested"}
    lines = []
    for name, errors in form.errors.items():
        if name == "__all__":
            lines.append({"href": "", "text": _joined(errors)})
        else:
            label = form.fields[name].label or name
            lines.append({"href": f"#id_{name}", "text": f"{label}: {_joined(errors)}"})
    for prefix, formset in rows.items():
        for text in formset.non_form_errors():
            lines.append({"href": "", "text": f"{labels[prefix]}s: {text}"})
        for index, row in enumerate(formset.forms):
            for name, errors in row.errors.items():
                where = f"{labels[prefix]} {index + 1}"
                if name == "__all__":
                    lines.append({"href": "", "text": f"{where}: {_joined(errors)}"})
                else:
                    label = row.fields[name].label or name
                    lines.append(
                        {
                            "href": f"#id_{prefix}-{index}-{name}",
                            "text": f"{where}, {str(label).lower()}: {_joined(errors)}",
                        }
                    )
    return lines


@login_required
def debrief(request: HttpRequest, pk: int) -> HttpResponse:
    """What you learned, right after the conversation; all of it is saved at once or not at all."""
    interview = get_interview(user_of(request), pk)
    record: Debrief = debrief_of(interview)
    form = DebriefForm(request.POST or None, instance=record)
    rows = _bind_rows(request)
    if request.method == "POST":
        # Every part is validated, so all the errors show at once.
        checks = [form.is_valid()] + [formset.is_valid() for formset in rows.values()]
        if all(checks):
            try:
                with transaction.atomic():
                    save_debrief(
                        form.save(commit=False),
                        resources=[f.as_input() for f in _filled_forms(rows["resources"])],
                        skills=[f.as_input() for f in _filled_forms(rows["skills"])],
                        referrals=[f.as_input() for f in _filled_forms(rows["referrals"])],
                    )
            except ValidationError as error:
                _apply_errors(form, rows, error)
            else:
                messages.success(request, "Debrief saved.")
                if request.POST.get("action") == "more":
                    return redirect("interview_debrief", pk=interview.pk)
                return redirect(interview)
    context = {
        "interview": interview,
        "person": interview.person,
        "debrief": record,
        "form": form,
        "resource_rows": rows["resources"],
        "skill_rows": rows["skills"],
        "referral_rows": rows["referrals"],
        "errors": _error_summary(form, rows) if request.method == "POST" else [],
        "held_minutes": held_minutes(record),
        "agreed_minutes": agreed_minutes(interview, record),
        "notes": notes_taken(interview),
        "resources": interview.resources.all(),
        "skills": interview.skills.all(),
        "referrals": referrals_from(interview),
    }
    return render(request, "debrief/debrief.html", context)
