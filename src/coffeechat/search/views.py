"""The search page: one box over people, organizations, interviews, notes, debriefs, resources."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coffeechat.core.http import user_of
from coffeechat.search.backends import search
from coffeechat.search.models import Kind
from coffeechat.search.text import query_terms

PAGE_SIZE = 50
MAX_QUERY_LENGTH = 200
# The kind filter, in the order hits are listed.
KIND_FILTERS: list[tuple[str, str]] = [
    (Kind.PERSON, "People"),
    (Kind.ORGANIZATION, "Organizations"),
    (Kind.INTERVIEW, "Interviews"),
    (Kind.NOTE, "Notes"),
    (Kind.DEBRIEF, "Debriefs"),
    (Kind.RESOURCE, "Resources"),
]


def _partial(request: HttpRequest) -> bool:
    """htmx asks for the results alone while typing; restoring history needs the whole page."""
    headers = request.headers
    return bool(headers.get("HX-Request")) and not headers.get("HX-History-Restore-Request")


@login_required
def search_page(request: HttpRequest) -> HttpResponse:
    """Live results while typing (htmx), the same page for a plain GET without JavaScript."""
    user = user_of(request)
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    kind = request.GET.get("kind", "")
    kind = kind if kind in Kind.values else ""
    hits = search(user, query, limit=PAGE_SIZE, kinds=[kind] if kind else None)
    context = {
        "q": query,
        "kind": kind,
        "kind_label": dict(KIND_FILTERS).get(kind, ""),
        "kinds": KIND_FILTERS,
        "hits": hits,
        "searched": bool(query_terms(query)),
        "page_size": PAGE_SIZE,
    }
    template = "search/_results.html" if _partial(request) else "search/search.html"
    return render(request, template, context)
