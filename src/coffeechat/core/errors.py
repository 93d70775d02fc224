"""Error pages for requests refused before any view could answer them in its own words."""

from __future__ import annotations

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views import defaults

from coffeechat.core.limits import MAX_REQUEST_BYTES, MAX_REQUEST_FIELDS, megabytes

_TOO_LARGE = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


def too_large_message(request: HttpRequest, exception: Exception) -> str:
    """What was too much, and the limit (the size comes from the request's own header)."""
    if isinstance(exception, TooManyFieldsSent):
        return f"The form sent more than {MAX_REQUEST_FIELDS:,} fields; nothing was saved."
    if isinstance(exception, TooManyFilesSent):
        return "The form sent too many files at once; nothing was saved."
    try:
        size = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        size = 0
    sent = f" is {megabytes(size)};" if size else " is over"
    return (
        f"What was sent{sent} the limit is {megabytes(MAX_REQUEST_BYTES)} (a file to import "
        "goes through the import page). Nothing was saved: shorten the text and send it again."
    )


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 400 page, except for a body too large: a 413 saying what the limit is."""
    if not isinstance(exception, _TOO_LARGE):
        return defaults.bad_request(request, exception)
    message = too_large_message(request, exception)
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=413)
    return render(request, "413.html", {"message": message}, status=413)
