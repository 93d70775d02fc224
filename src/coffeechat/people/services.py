"""People and organizations: the access getters and the use cases."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from coffeechat.people.models import Organization, Person, Tag


def get_person(user: User, pk: int) -> Person:
    """The user's person, or 404: another user's id looks exactly like a missing one."""
    return get_object_or_404(Person.objects.select_related("organization"), pk=pk, owner=user)


def get_organization(user: User, pk: int) -> Organization:
    return get_object_or_404(Organization, pk=pk, owner=user)


def people_of(user: User) -> QuerySet[Person]:
    from coffeechat.interviews.models import Interview

    latest = Interview.objects.filter(person=OuterRef("pk")).order_by("-created_at", "-id")
    return (
        Person.objects.filter(owner=user)
        .select_related("organization")
        .prefetch_related("tags")
        .annotate(latest_stage=Subquery(latest.values("stage")[:1]))
    )


def search_people(
    people: QuerySet[Person],
    *,
    q: str = "",
    organization_id: int | None = None,
    tag: str = "",
    relationship: str = "",
    stage: str = "",
) -> QuerySet[Person]:
    for word in q.split():
        people = people.filter(
            Q(name__icontains=word)
            | Q(title__icontains=word)
            | Q(organization__name__icontains=word)
            | Q(location__icontains=word)
        )
    if organization_id:
        people = people.filter(organization_id=organization_id)
    if tag:
        people = people.filter(tags__name=tag)
    if relationship:
        people = people.filter(relationship=relationship)
    if stage:
        people = people.filter(latest_stage=stage)  # type: ignore[misc]  # annotated by people_of
    return people


def search_organizations(user: User, q: str = "") -> QuerySet[Organization]:
    organizations = Organization.objects.filter(owner=user)
    for word in q.split():
        organizations = organizations.filter(
            Q(name__icontains=word) | Q(industry__icontains=word) | Q(location__icontains=word)
        )
    return organizations


def normalize_tags(names: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for name in names:
        cleaned = " ".join(name.split())[:50]
        if cleaned:
            seen.setdefault(cleaned, None)
    return list(seen)


@transaction.atomic
def save_person(person: Person, *, tags: Iterable[str] | None = None) -> Person:
    """Validate and save a person (and their tags); raises ValidationError naming the field."""
    person.name = " ".join(person.name.split())  # a blank name is then refused as blank
    person.full_clean()
    person.save()
    if tags is not None:
        set_tags(person, tags)
    return person


def set_tags(person: Person, names: Iterable[str]) -> None:
    wanted = normalize_tags(names)
    existing = {
        tag.name: tag for tag in Tag.objects.filter(owner_id=person.owner_id, name__in=wanted)
    }
    missing = [Tag(owner_id=person.owner_id, name=name) for name in wanted if name not in existing]
    for tag in Tag.objects.bulk_create(missing):
        existing[tag.name] = tag
    person.tags.set([existing[name] for name in wanted])


@transaction.atomic
def save_organization(organization: Organization) -> Organization:
    organization.full_clean()
    organization.save()
    return organization
