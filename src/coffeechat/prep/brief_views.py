"""The brief of an interview: a print view in the browser and the same page as a PDF."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from coffeechat.core.http import user_of
from coffeechat.interviews.services import get_interview
from coffeechat.prep.brief import brief_filename, render_brief_html, render_brief_pdf


@login_required
@require_safe
def interview_brief(request: HttpRequest, pk: int) -> HttpResponse:
    """The one-page brief to print for the day of the conversation (P15, P19)."""
    interview = get_interview(user_of(request), pk)
    return HttpResponse(render_brief_html(interview))


@login_required
@require_safe
def interview_brief_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The same brief as a PDF, shown inline so the browser's viewer can print it."""
    interview = get_interview(user_of(request), pk)
    response = HttpResponse(render_brief_pdf(interview), content_type="application/pdf")
    disposition = content_disposition_header(False, brief_filename(interview, "pdf"))
    response["Content-Disposition"] = disposition or "inline"
    return response
