"""Matching incoming people with the ones already there, in memory, and planning the changes.

An incoming person is the same as an existing one (or as an earlier row of the same file) when
they share an email address, the same profile address, or the same name at the same organization
(names and organizations compared without case or extra spaces). A match is merged: details the
existing person lacks are filled in and new emails and phones added; nothing they have is
overwritten. A match that brings nothing new is skipped. The plan is computed with three reads
(organizations, people, notes) and no write, so the preview and ``--dry-run`` show exactly what
the import will do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import User

from coffeechat.interviews.models import Activity, ActivityKind
from coffeechat.people.models import Channel, Organization, Person
from coffeechat.portability.records import Parsed, PersonRecord, Skipped, one_line, url_key

FILLED_FIELDS = (
    "title",
    "profile_url",
    "location",
    "time_zone",
    "postal_address",
    "relationship_since",
)
_LOADED = ("id", "owner", "name", "organization", "emails", "phones", *FILLED_FIELDS)
LABELS = {
    "title": "Title",
    "organization": "Organization",
    "emails": "Emails",
    "phones": "Phones",
    "profile_url": "Profile URL",
    "location": "Location",
    "time_zone": "Time zone",
    "postal_address": "Postal address",
    "relationship_since": "Relationship since",
    "note": "Note",
}


def name_key(name: str) -> str:
    return one_line(name).casefold()


def phone_key(phone: str) -> str:
    return "".join(char for char in phone if char.isalnum()).casefold()


@dataclass(frozen=True, slots=True)
class Change:
    field: str
    before: str
    after: str


@dataclass(slots=True)
class Merge:
    line: int
    name: str
    matched_by: str
    changes: list[Change]
    into_line: int | None = None  # merged into a person this same file creates


@dataclass(slots=True)
class Target:
    """A person the import may change: one already there, or one this import creates."""

    person: Person
    organization_key: str
    line: int | None = None  # set for people this import creates
    notes: set[str] = field(default_factory=set)
    changed: set[str] = field(default_factory=set)


@dataclass
class ImportPlan:
    user: User
    parsed: Parsed
    new: list[Target] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    organizations: dict[str, Organization] = field(default_factory=dict)  # key → org (new: no pk)
    notes: list[tuple[Target, str]] = field(default_factory=list)
    touched: list[Target] = field(default_factory=list)

    @property
    def updated(self) -> list[Target]:
        """People already there that the import changes, each once."""
        unique = {id(t): t for t in self.touched if t.line is None and t.changed}
        return list(unique.values())

    @property
    def new_organizations(self) -> list[Organization]:
        return [org for org in self.organizations.values() if org.pk is None]

    @property
    def counts(self) -> dict[str, int]:
        return {"new": len(self.new), "merged": len(self.merges), "skipped": len(self.skipped)}


def organization_key(name: str) -> str:
    return name_key(name)


class _Index:
    def __init__(self) -> None:
        self.email: dict[str, Target] = {}
        self.url: dict[str, Target] = {}
        self.name: dict[tuple[str, str], Target] = {}

    def add(self, target: Target) -> None:
        person = target.person
        for email in person.emails:
            self.email.setdefault(email.casefold(), target)
        if key := url_key(person.profile_url):
            self.url.setdefault(key, target)
        self.name.setdefault((name_key(person.name), target.organization_key), target)

    def find(self, record: PersonRecord) -> tuple[Target, str] | None:
        for email in record.emails:
            if found := self.email.get(email.casefold()):
                return found, "email"
        if (key := url_key(record.profile_url)) and (found := self.url.get(key)):
            return found, "profile URL"
        found = self.name.get((name_key(record.name), organization_key(record.organization)))
        return (found, "name and organization") if found else None


def plan_import(user: User, parsed: Parsed) -> ImportPlan:
    """What importing ``parsed`` into ``user``'s people would do; reads only."""
    plan = ImportPlan(user, parsed, skipped=list(parsed.skipped))
    keys: dict[int, str] = {}
    for organization in Organization.objects.filter(owner=user).order_by("id"):
        keys[organization.pk] = key = organization_key(organization.name)
        plan.organizations.setdefault(key, organization)
    index = _Index()
    targets: dict[int, Target] = {}
    people = Person.objects.filter(owner=user).only(*_LOADED).order_by("id")
    for person in people:
        org = keys.get(person.organization_id, "") if person.organization_id else ""
        targets[person.pk] = target = Target(person, org)
        index.add(target)
    if any(record.note for record in parsed.records):
        notes = Activity.objects.filter(owner=user, kind=ActivityKind.NOTE, person__isnull=False)
        for person_id, text in notes.values_list("person_id", "text"):
            if person_id in targets:
                targets[person_id].notes.add(text.strip())
    for record in parsed.records:
        found = index.find(record)
        if found is None:
            target = _new_target(plan, record)
            plan.new.append(target)
            if record.note:
                plan.notes.append((target, record.note))
                target.notes.add(record.note)
        else:
            target, matched_by = found
            changes = _merge(plan, target, record)
            if changes:
                plan.merges.append(
                    Merge(record.line, target.person.name, matched_by, changes, target.line)
                )
                plan.touched.append(target)
            else:
                plan.skipped.append(
                    Skipped(record.line, f"already here ({matched_by}): nothing new")
                )
        index.add(target)
    return plan


def _organization(plan: ImportPlan, name: str) -> str:
    key = organization_key(name)
    if key and key not in plan.organizations:
        plan.organizations[key] = Organization(owner=plan.user, name=name)
    return key


def _new_target(plan: ImportPlan, record: PersonRecord) -> Target:
    person = Person(
        owner=plan.user,
        name=record.name,
        title=record.title,
        emails=list(record.emails),
        phones=list(record.phones),
        profile_url=record.profile_url,
        location=record.location,
        time_zone=record.time_zone,
        postal_address=record.postal_address,
        relationship_since=record.relationship_since,
    )
    if plan.parsed.kind == "linkedin" and not record.emails:
        person.preferred_channel = Channel.PROFESSIONAL_NETWORK
    key = _organization(plan, record.organization) if record.organization else ""
    return Target(person, key, line=record.line)


def _show(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value or "")


def _merge(plan: ImportPlan, target: Target, record: PersonRecord) -> list[Change]:
    """Fill what the target lacks from the record; the changes made, for the preview."""
    person = target.person
    changes: list[Change] = []
    for name in FILLED_FIELDS:
        incoming = getattr(record, name)
        if incoming and not getattr(person, name):
            changes.append(Change(LABELS[name], "", _show(incoming)))
            setattr(person, name, incoming)
            target.changed.add(name)
    if record.organization and not target.organization_key:
        target.organization_key = _organization(plan, record.organization)
        changes.append(Change(LABELS["organization"], "", record.organization))
        target.changed.add("organization")
    for name, key in (("emails", str.casefold), ("phones", phone_key)):
        current: list[str] = getattr(person, name)
        known = {key(value) for value in current}
        added = [value for value in getattr(record, name) if key(value) not in known]
        if added:
            changes.append(Change(LABELS[name], _show(current), _show([*current, *added])))
            setattr(person, name, [*current, *added])
            target.changed.add(name)
    if record.note and record.note.strip() not in target.notes:
        target.notes.add(record.note.strip())
        plan.notes.append((target, record.note))
        changes.append(Change(LABELS["note"], "", record.note))
    return changes
