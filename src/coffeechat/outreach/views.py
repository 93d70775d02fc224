from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from coffeechat.core.http import user_of
from coffeechat.interviews.models import Interview
from coffeechat.interviews.services import get_interview
from coffeechat.outreach.composer import (
    draft_for,
    mailto_link,
    parse_channel,
    parse_kind,
    segments,
)
from coffeechat.outreach.forms import ComposeForm, ReplyForm
from coffeechat.outreach.services import (
    SendError,
    after_sending,
    called_no_answer,
    record_reply,
    record_sent,
    send_email,
    send_invite,
)
from coffeechat.people.services import get_person
from coffeechat.playbook.outreach import RULES, lint_outreach
from coffeechat.prep.services import research_missing


def smtp_configured() -> bool:
    return str(settings.EMAIL_BACKEND).endswith("smtp.EmailBackend")


def _lint_context(interview: Interview, subject: str, body: str, channel: str) -> dict[str, Any]:
    report = lint_outreach(body, parse_channel(channel))
    return {
        "interview": interview,
        "report": report,
        "segments": segments(body, report),
        "rules": RULES,
        "mailto": mailto_link(interview.person.primary_email, subject, body),
        "channel": channel,
    }


@login_required
def compose(request: HttpRequest, pk: int) -> HttpResponse:
    """Write a request (or follow-up) from a template, linted live against the playbook."""
    interview = get_interview(user_of(request), pk)
    if request.method == "POST":
        form = ComposeForm(request.POST)
        if form.is_valid():
            sent = _send_or_record(request, interview, form.cleaned_data)
            if sent:
                return redirect(interview)
    else:
        kind = parse_kind(request.GET.get("kind", ""), interview)
        channel = parse_channel(request.GET.get("channel", ""))
        draft = draft_for(interview, kind, channel)
        initial = {"kind": kind, "channel": channel, "subject": draft.subject, "body": draft.body}
        form = ComposeForm(initial=initial)
    data = form.cleaned_data if form.is_bound and form.is_valid() else form.initial
    context = {
        "form": form,
        "person": interview.person,
        "smtp": smtp_configured(),
        "research_missing": research_missing(interview),
        "after_sending": after_sending(str(data.get("kind", ""))),
        **_lint_context(
            interview, data.get("subject", ""), data.get("body", ""), data.get("channel", "email")
        ),
    }
    return render(request, "outreach/compose.html", context)


def _send_or_record(request: HttpRequest, interview: Interview, data: dict[str, Any]) -> bool:
    if request.POST.get("action") == "send":
        try:
            send_email(interview, subject=data["subject"], body=data["body"])
        except SendError as error:
            messages.error(request, str(error))
            return False
    record_sent(interview, kind=data["kind"], subject=data["subject"], body=data["body"])
    verb = "Sent and recorded" if request.POST.get("action") == "send" else "Recorded as sent"
    messages.success(request, f"{verb}. Follow-ups appear on your Today page when they are due.")
    return True


@login_required
@require_POST
def compose_lint(request: HttpRequest, pk: int) -> HttpResponse:
    """The live lint panel (htmx): counts, findings, highlighted spans and the mailto link."""
    interview = get_interview(user_of(request), pk)
    subject = request.POST.get("subject", "")[:200]
    body = request.POST.get("body", "")[:20_000]
    context = _lint_context(interview, subject, body, request.POST.get("channel", "email"))
    return render(request, "outreach/_lint.html", context)


@login_required
@require_POST
def reply_received(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview(user_of(request), pk)
    form = ReplyForm(request.POST)
    text = form.cleaned_data["text"] if form.is_valid() else ""
    record_reply(interview, text=text)
    messages.success(
        request, "Reply recorded; the pending follow-ups are closed. Answer within 24 hours."
    )
    return redirect(interview)


@login_required
@require_POST
def called(request: HttpRequest, pk: int) -> HttpResponse:
    """P10: a call went unanswered; no voicemail, a retry at another time of day."""
    person = get_person(user_of(request), pk)
    task = called_no_answer(person)
    when = timezone.localtime(task.due_at).strftime("%A %H:%M") if task.due_at else "later"
    messages.success(request, f"Noted. Call again {when}; no voicemail (P10).")
    return redirect(person)


@login_required
@require_POST
def invite_send(request: HttpRequest, pk: int) -> HttpResponse:
    interview = get_interview(user_of(request), pk)
    if interview.scheduled_start is None:
        messages.error(request, "Schedule the conversation first; then there is an invite to send.")
        return redirect(interview)
    try:
        send_invite(interview)
    except SendError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"The invite is on its way to {interview.person.primary_email}.")
    return redirect(interview)
