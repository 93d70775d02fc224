"""Scheduling page, the invite download and the subscribable calendar feed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from coffeechat.accounts.models import Profile
from coffeechat.accounts.services import profile_of
from coffeechat.core.http import user_of, whole_number
from coffeechat.interviews.calendar import feed_ics, invite_http_response
from coffeechat.interviews.models import Interview, Mode
from coffeechat.interviews.schedule_forms import SLOT_NUMBERS, ScheduleForm, zone_times
from coffeechat.interviews.scheduling import (
    cancel_interview,
    request_sent_at,
    schedule_interview,
)
from coffeechat.interviews.services import get_interview
from coffeechat.playbook.timing import ScheduleIssue


@login_required
@require_safe
def interview_invite(request: HttpRequest, pk: int) -> HttpResponse:
    """The invite as an .ics file to send them (P12); a cancellation once cancelled."""
    user = user_of(request)
    interview = get_interview(user, pk)
    if interview.scheduled_start is None:
        context = {"interview": interview, "person": interview.person}
        return render(request, "interviews/invite_unavailable.html", context, status=409)
    return invite_http_response(interview, user)


def _confirmed_slot(request: HttpRequest) -> int | None:
    number = whole_number(request.POST.get("confirm", ""))
    return number if number in SLOT_NUMBERS else None


@login_required
def interview_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    """Propose up to three slots (shown in their time and yours), then confirm the one they chose.

    "Show the times" checks every slot (P11, P14) and shows warnings without saving anything;
    "Confirm slot N" schedules the interview at that slot; "Cancel the conversation" cancels it.
    """
    user = user_of(request)
    interview = get_interview(user, pk)
    if request.method == "POST" and "cancel" in request.POST:
        return _cancel(request, interview)
    user_zone = profile_of(user).time_zone
    form = ScheduleForm(request.POST or None, interview=interview, user_time_zone=user_zone)
    warnings: list[ScheduleIssue] = []
    requested_at = request_sent_at(interview)
    if request.method == "POST" and form.is_valid():
        slot = _confirmed_slot(request)
        if slot is None:
            warnings = form.check(now=timezone.now(), request_sent_at=requested_at)
        elif slot not in form.slots:
            form.add_error(f"slot_{slot}", f"Slot {slot} is empty: there is nothing to confirm.")
        else:
            data = form.cleaned_data
            try:
                warnings = schedule_interview(
                    interview,
                    start=form.slots[slot],
                    time_zone=data["time_zone"],
                    duration_minutes=form.duration_minutes or 0,
                    mode=data["mode"],
                    location=data["location"],
                    video_url=data["video_url"],
                    longer_agreed=data["longer_agreed"],
                )
            except ValidationError as error:
                form.add_service_errors(error, slot)
            else:
                messages.success(
                    request, f"Scheduled. Now send {interview.person.name} the invite."
                )
                for warning in warnings:
                    messages.warning(request, warning.message)
                return redirect(interview)
    current = None
    if interview.scheduled_start is not None:
        current = zone_times(interview.scheduled_start, interview.duration_minutes, form.zones())
    checked = form.is_bound and not form.errors
    mode = form.cleaned_data.get("mode") if checked else interview.mode
    context = {
        "interview": interview,
        "person": interview.person,
        "form": form,
        "warnings": warnings,
        "rows": form.slot_rows() if checked else [],
        "proposal": form.proposal_text() if checked else "",
        "current": current,
        "requested_at": requested_at,
        "cafe": mode == Mode.CAFE,
    }
    return render(request, "interviews/schedule.html", context)


def _cancel(request: HttpRequest, interview: Interview) -> HttpResponse:
    try:
        cancel_interview(interview)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            "Cancelled. Send them the cancellation (the calendar file) with a short note, "
            "so it leaves their calendar too.",
        )
    return redirect(interview)


@require_safe
def calendar_feed(request: HttpRequest, secret: str) -> HttpResponse:
    """The user's calendar to subscribe to; the secret in the address is the only key."""
    profile = (
        Profile.objects.select_related("user")
        .filter(feed_secret=secret, user__is_active=True)
        .first()
    )
    if not secret or profile is None:
        raise Http404("No such calendar feed.")
    body = feed_ics(profile.user, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response.headers["Content-Disposition"] = 'inline; filename="coffeechat.ics"'
    response.headers["Cache-Control"] = "private, max-age=300"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
