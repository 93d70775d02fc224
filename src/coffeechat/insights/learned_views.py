"""What was learned across conversations: insights, careers compared, resources, skills (P22,
P26, P27), and everything learned about one organization before a later job interview there."""

from __future__ import annotations

from typing import cast
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.core.http import user_of
from coffeechat.debrief.models import ResourceKind, SkillStatus
from coffeechat.insights.compare import (
    CAREER_GROUPINGS,
    CareerGrouping,
    career_matrix,
    csv_filename,
    matrix_csv,
)
from coffeechat.insights.learned import (
    GROUPINGS,
    Grouping,
    grouping_key,
    learned_about,
    learned_by,
)
from coffeechat.insights.library import (
    get_resource,
    has_resources,
    resource_anchor,
    resource_library,
    set_resource_done,
    set_skill_status,
    skills_map,
)
from coffeechat.people.services import get_organization

_DONE_VALUES = {"1": True, "0": False}


def _choice(request: HttpRequest, name: str, label: str, choices: dict[str, str]) -> str:
    """The ?name= value if it is one of the choices, else the first and a message saying so."""
    default = next(iter(choices))
    value = request.GET.get(name) or default
    if value not in choices:
        options = ", ".join(choices)
        messages.error(request, f"{label}: choose one of {options}; showing by {default}.")
        return default
    return value


@login_required
def insights(request: HttpRequest) -> HttpResponse:
    """Everything the debriefs said, gathered per field, role or organization (P26)."""
    user = user_of(request)
    by = cast(Grouping, _choice(request, "by", "Group by", GROUPINGS))
    context = {"groups": learned_by(user, by), "by": by, "groupings": GROUPINGS}
    return render(request, "insights/learned.html", context)


@login_required
def insights_compare(request: HttpRequest) -> HttpResponse:
    """The careers explored side by side: one row per field or role (P26)."""
    user = user_of(request)
    by = cast(CareerGrouping, _choice(request, "by", "Compare by", CAREER_GROUPINGS))
    context = {"rows": career_matrix(user, by), "by": by, "groupings": CAREER_GROUPINGS}
    return render(request, "insights/compare.html", context)


@login_required
def insights_compare_csv(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    by = cast(CareerGrouping, request.GET.get("by", "field"))
    if by not in CAREER_GROUPINGS:
        return HttpResponse("Compare by: choose field or role.", status=400)
    response = HttpResponse(
        matrix_csv(career_matrix(user, by), by), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{csv_filename(by)}"'
    return response


def _resource_filters(data: dict[str, str]) -> tuple[dict[str, str], str]:
    """The library's valid filters (kind, not done yet), and what was wrong with the others."""
    filters, error = {}, ""
    kind = data.get("kind", "")
    if kind in ResourceKind.values:
        filters["kind"] = kind
    elif kind:
        error = f"Kind: “{kind[:40]}” is not a kind of resource; showing all."
    if data.get("todo") == "1":
        filters["todo"] = "1"
    return filters, error


@login_required
def resource_list(request: HttpRequest) -> HttpResponse:
    """Every book, website, association… recommended, one entry per title (P22)."""
    user = user_of(request)
    filters, error = _resource_filters(request.GET.dict())
    if error:
        messages.error(request, error)
    entries = resource_library(user, kind=filters.get("kind", ""), not_done_only="todo" in filters)
    context = {
        "entries": entries,
        "filters": filters,
        "kinds": ResourceKind.choices,
        "has_any": bool(entries) or has_resources(user),
    }
    return render(request, "insights/resource_list.html", context)


@login_required
def resource_done(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark a resource read / joined, or not, for every recommendation of its title."""
    user = user_of(request)
    resource = get_resource(user, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    filters, _ = _resource_filters(request.POST.dict())  # a bad one is dropped from the way back
    wanted = request.POST.get("done", "")
    if wanted and wanted not in _DONE_VALUES:
        return HttpResponseBadRequest("Done: send 1 (read / joined) or 0 (not yet).")
    done = set_resource_done(resource, _DONE_VALUES.get(wanted))
    status = f"“{resource.title}” is marked {'done' if done else 'not done yet'}."
    if request.headers.get("HX-Request"):
        # The entry is drawn again as the page shows it (the same kind filter), in place.
        key, kind = grouping_key(resource.title), filters.get("kind", "")
        for entry in resource_library(user, kind=kind, key=key):
            context = {"entry": entry, "filters": filters, "status": status}
            return render(request, "insights/_learned_resource.html", context)
    messages.success(request, status)
    query = f"?{urlencode(filters)}" if filters else ""
    anchor = resource_anchor(grouping_key(resource.title))
    return redirect(f"{reverse('resource_list')}{query}#{anchor}")


@login_required
def skill_map(request: HttpRequest) -> HttpResponse:
    """The skills heard as needed, by status: have, learning, gap (P27)."""
    user = user_of(request)
    field_key = request.GET.get("field", "")
    found = skills_map(user, field_key)
    if field_key and field_key not in dict(found.fields):
        messages.error(request, "Field: no skills were heard in that field; showing all.")
        field_key, found = "", skills_map(user)
    context = {"map": found, "field": field_key, "statuses": SkillStatus.choices}
    return render(request, "insights/skill_map.html", context)


@login_required
@require_POST
def skill_status(request: HttpRequest) -> HttpResponse:
    """Change the status of a skill everywhere it was heard; a bad input changes nothing."""
    user = user_of(request)
    name, status = request.POST.get("name", ""), request.POST.get("status", "")
    try:
        set_skill_status(user, name, status)
    except ValidationError as error:
        labels = {"name": "Skill", "status": "Status"}
        for field, texts in error.message_dict.items():
            messages.error(request, f"{labels.get(field, field)}: {' '.join(texts)}")
    else:
        messages.success(request, f"“{name.strip()}” is now: {SkillStatus(status).label}.")
    field_key = request.POST.get("field", "")
    query = f"?{urlencode({'field': field_key})}" if field_key else ""
    return redirect(f"{reverse('skill_map')}{query}")


@login_required
def organization_learned(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything learned about one organization and from whom, to prepare a job interview (P26)."""
    organization = get_organization(user_of(request), pk)
    context = {"learned": learned_about(organization), "organization": organization}
    return render(request, "insights/organization_learned.html", context)
