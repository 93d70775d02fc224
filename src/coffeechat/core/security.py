"""Security headers on every response: what the browser may load, embed and use.

The Content-Security-Policy allows scripts from this site only: no inline script, no event
handler attribute, no eval (htmx needs none of these as long as no template uses `hx-on` or a
trigger filter; page scripts live in each app's static folder). Styles allow 'unsafe-inline'
because pages use `style=""` attributes, htmx adds its small indicator stylesheet, and the brief
keeps its stylesheet inline so WeasyPrint can render the PDF with no static files. An injected
style cannot send anything away: images, fonts and connections are limited to this site too.

Django's own middleware already sets X-Frame-Options (X_FRAME_OPTIONS = "DENY"),
X-Content-Type-Options, Referrer-Policy and Cross-Origin-Opener-Policy; they are set here too
when missing, so the headers hold whatever the settings say.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# Powerful features no page uses. Live mode keeps the screen awake (screen-wake-lock) and the
# composer copies to the clipboard: both stay allowed for this site.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in [
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    ]
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
}


class SecurityHeadersMiddleware:
    """Adds HEADERS to every response that does not set its own (a view that must be framed or
    load something else sets its own headers)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response


def nul_field(request: HttpRequest) -> str | None:
    """The first query parameter holding a NUL character, which PostgreSQL refuses outright.

    Form fields need no check here: Django's form fields refuse NUL with a message of their own.
    """
    for name, values in request.GET.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            return name.replace("\x00", "")
    return None


class RefuseNulMiddleware:
    """A NUL character in a query parameter gets a 400 naming it, not a server error."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):
            return self.get_response(request)  # the API answers 422 naming the field itself
        name = nul_field(request)
        if name is not None:
            return HttpResponseBadRequest(
                f"The field “{name}” contains a NUL character (\\0); remove it and try again.",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
