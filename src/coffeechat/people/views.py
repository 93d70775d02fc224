from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from coffeechat.core.http import int_param, paginate, user_of
from coffeechat.debrief.services import people_referred_by, referral_chain
from coffeechat.interviews.forms import ActivityForm
from coffeechat.interviews.models import Stage
from coffeechat.interviews.services import interviews_of, timeline_of_person
from coffeechat.network.colleagues import colleagues_of
from coffeechat.people.forms import OrganizationForm, PersonForm
from coffeechat.people.models import Organization, Person, Relationship, Tag
from coffeechat.people.services import (
    get_organization,
    get_person,
    people_of,
    save_organization,
    save_person,
    search_organizations,
    search_people,
)


@login_required
def person_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    filters = {
        "q": request.GET.get("q", "").strip(),
        "organization_id": int_param(request, "organization"),
        "tag": request.GET.get("tag", ""),
        "relationship": request.GET.get("relationship", ""),
        "stage": request.GET.get("stage", ""),
    }
    org_name = request.GET.get("org", "").strip()
    people = people_of(user)
    if org_name:
        people = people.filter(organization__name__iexact=org_name)
    page = paginate(request, search_people(people, **filters))  # type: ignore[arg-type]
    context = {
        "page": page,
        "filters": filters,
        "org_name": org_name or _organization_name(user, int_param(request, "organization")),
        "organizations": organization_choices(user),
        "tags": Tag.objects.filter(owner=user),
        "relationships": Relationship.choices,
        "stages": Stage.choices,
    }
    template = (
        "people/_person_rows.html"
        if request.headers.get("HX-Request")
        else "people/person_list.html"
    )
    return render(request, template, context)


# The organization filter suggests this many names (those with the most people): a <select>
# of every organization was 3,000 options and most of a 175 KB page.
ORGANIZATION_SUGGESTIONS = 200


def organization_choices(user: User) -> list[str]:
    """Names of the user's organizations with the most people, for the filter's datalist."""
    rows = (
        Person.objects.filter(owner=user, organization__isnull=False)
        .values("organization__name")
        .annotate(people=Count("id"))
        .order_by("-people", "organization__name")[:ORGANIZATION_SUGGESTIONS]
    )
    return [row["organization__name"] for row in rows]


def _organization_name(user: User, pk: int | None) -> str:
    """The name of the organization of an ``?organization=<id>`` link, to show in the filter."""
    if pk is None:
        return ""
    found = Organization.objects.filter(owner=user, pk=pk).values_list("name", flat=True)
    return found.first() or ""


@login_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person(user_of(request), pk)
    context = {
        "person": person,
        "tags": person.tags.all(),
        "interviews": person.interviews.order_by("-created_at"),
        "timeline": timeline_of_person(person)[:200],
        "tasks": person.tasks.filter(done=False)
        .select_related("person", "interview__person")
        .order_by("due_at"),
        "activity_form": ActivityForm(owner=person.owner, initial={"person": person.pk}),
        "referral_chain": referral_chain(person),
        "referrals": people_referred_by(person),
        "colleagues": colleagues_of(person),
    }
    return render(request, "people/person_detail.html", context)


def _person_form(request: HttpRequest, form: PersonForm, title: str, cancel: str) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        person = form.save(commit=False)
        try:
            save_person(person, tags=form.tag_names())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{person.name} is saved.")
            return redirect(person)
    return render(
        request, "core/form_page.html", {"form": form, "title": title, "cancel_url": cancel}
    )


@login_required
def person_create(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    initial = {"organization": int_param(request, "organization")}
    form = PersonForm(request.POST or None, owner=user, initial=initial)
    return _person_form(request, form, "Add a person", "/people/")


@login_required
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person(user_of(request), pk)
    form = PersonForm(request.POST or None, owner=person.owner, instance=person)
    return _person_form(request, form, f"Edit {person.name}", person.get_absolute_url())


@login_required
def person_delete(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person(user_of(request), pk)
    if request.method == "POST":
        person.delete()
        messages.success(request, f"{person.name} is deleted.")
        return redirect("person_list")
    consequence = (
        "Their interviews, timeline and tasks are deleted with them. This cannot be undone."
    )
    context = {
        "object": person,
        "consequence": consequence,
        "cancel_url": person.get_absolute_url(),
    }
    return render(request, "core/confirm_delete.html", context)


@login_required
def organization_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    organizations = (
        search_organizations(user_of(request), q)
        .annotate(people_count=Count("people"))
        .order_by("name", "id")
    )
    context = {"page": paginate(request, organizations), "q": q}
    return render(request, "people/organization_list.html", context)


@login_required
def organization_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organization = get_organization(user_of(request), pk)
    context = {
        "organization": organization,
        "people": people_of(organization.owner).filter(organization=organization),
        "interviews": interviews_of(organization.owner).filter(person__organization=organization),
    }
    return render(request, "people/organization_detail.html", context)


def _organization_form(
    request: HttpRequest, form: OrganizationForm, title: str, cancel: str
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        organization = save_organization(form.save(commit=False))
        messages.success(request, f"{organization.name} is saved.")
        return redirect(organization)
    return render(
        request, "core/form_page.html", {"form": form, "title": title, "cancel_url": cancel}
    )


@login_required
def organization_create(request: HttpRequest) -> HttpResponse:
    form = OrganizationForm(request.POST or None, owner=user_of(request))
    return _organization_form(request, form, "Add an organization", "/organizations/")


@login_required
def organization_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organization = get_organization(user_of(request), pk)
    form = OrganizationForm(request.POST or None, owner=organization.owner, instance=organization)
    return _organization_form(
        request, form, f"Edit {organization.name}", organization.get_absolute_url()
    )


@login_required
def organization_delete(request: HttpRequest, pk: int) -> HttpResponse:
    organization = get_organization(user_of(request), pk)
    if request.method == "POST":
        organization.delete()
        messages.success(request, f"{organization.name} is deleted.")
        return redirect("organization_list")
    consequence = "Its people stay in your list, without an organization. This cannot be undone."
    context = {
        "object": organization,
        "consequence": consequence,
        "cancel_url": organization.get_absolute_url(),
    }
    return render(request, "core/confirm_delete.html", context)
