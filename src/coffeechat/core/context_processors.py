from __future__ import annotations

from django.http import HttpRequest

_SECTIONS = (
    ("person", "people"),
    ("organization", "organizations"),
    ("interview", "interviews"),
    ("question", "questions"),
    ("pitch", "pitch"),
    ("activity", "interviews"),
    ("today", "today"),
    ("task", "today"),
    ("account", "account"),
    ("dashboard", "dashboard"),
    ("goal", "insights"),
    ("insights", "insights"),
    ("resource", "insights"),
    ("skill", "insights"),
    ("network", "insights"),
    ("search", "search"),
    ("import", "account"),
    ("export", "account"),
)


def nav_section(request: HttpRequest) -> dict[str, str]:
    """Which main navigation entry the current page belongs to (for aria-current)."""
    match = request.resolver_match
    name = (match.url_name or "") if match else ""
    section = next((section for prefix, section in _SECTIONS if name.startswith(prefix)), "")
    return {"nav_section": section}
