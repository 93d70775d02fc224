"""Importing a file: read it, preview what it would do, then write it in one transaction.

The web page (upload → preview → confirm) and ``coffeechat import`` both come here.
Nothing is written while the file has a problem; the first one names the file, line and field.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from coffeechat.interviews.models import Activity, ActivityKind
from coffeechat.people.models import Organization, Person
from coffeechat.portability import json_import
from coffeechat.portability.google import looks_like_google, parse_google
from coffeechat.portability.json_check import Document
from coffeechat.portability.linkedin import parse_linkedin
from coffeechat.portability.merge import ImportPlan, Merge, Target, plan_import
from coffeechat.portability.records import (
    ImportProblem,
    Kind,
    Parsed,
    PersonRecord,
    Progress,
    Skipped,
)
from coffeechat.portability.sources import count_lines, decode, header_key
from coffeechat.portability.vcard import parse_vcard
from coffeechat.search.index import index_objects

BATCH = 1000
PARSERS: dict[str, Callable[[bytes, str, Progress | None], Parsed]] = {
    "linkedin": parse_linkedin,
    "google": parse_google,
    "vcard": parse_vcard,
}


@dataclass
class Preview:
    """What an import does (or did): the counts, each merge's changes, what was skipped."""

    kind: Kind
    file: str
    new: list[PersonRecord] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    new_organizations: int = 0
    also: dict[str, int] = field(default_factory=dict)  # JSON: interviews, tasks…

    @property
    def counts(self) -> dict[str, int]:
        return {"new": len(self.new), "merged": len(self.merges), "skipped": len(self.skipped)}

    def summary(self) -> str:
        counts = self.counts
        text = (
            f"{self.file}: {counts['new']} new, {counts['merged']} merged, "
            f"{counts['skipped']} skipped"
        )
        extras = [f"{self.new_organizations} new organizations"] if self.new_organizations else []
        extras += [f"{count} {name}" for name, count in self.also.items() if count]
        return text + (f" ({', '.join(extras)})" if extras else "") + "."


@dataclass
class Steps:
    """Progress callbacks for the command line: reading (in lines), writing (in people)."""

    reading: Progress | None = None
    writing: Progress | None = None
    on_size: Callable[[str, int], None] | None = None  # ("reading" | "writing", total)


def detect_kind(data: bytes) -> Kind | None:
    """The format of an upload, from its first bytes; None when it is none of them."""
    start = data[:8192]
    utf16 = start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    head = start.decode("utf-16" if utf16 else "utf-8-sig", errors="replace")
    stripped = head.lstrip()
    if stripped.startswith("{"):
        return "json"
    if stripped[:11].upper() == "BEGIN:VCARD":
        return "vcard"
    lines = [line for line in stripped.splitlines()[:30] if line.strip()]
    if lines and lines[0].strip().casefold().startswith("notes:"):
        return "linkedin"
    if lines:
        header = next(csv.reader([lines[0]]), [])
        keys = {header_key(cell) for cell in header}
        if {"first name", "last name", "connected on"} <= keys:
            return "linkedin"
        if looks_like_google(header):
            return "google"
    return None


def _size(steps: Steps | None, stage: str, total: int) -> None:
    if steps is not None and steps.on_size is not None:
        steps.on_size(stage, total)


def _parse(kind: Kind, data: bytes, file: str, steps: Steps | None) -> Parsed:
    if steps is not None and steps.on_size is not None:
        with contextlib.suppress(ImportProblem):  # the parser reports it, with the rest
            steps.on_size("reading", count_lines(decode(data, file)))
    parsed = PARSERS[kind](data, file, steps.reading if steps else None)
    if parsed.problems:
        raise parsed.problems[0]
    return parsed


def _preview_of(plan: ImportPlan) -> Preview:
    return Preview(
        kind=plan.parsed.kind,
        file=plan.parsed.file,
        new=[_record_of(plan, target) for target in plan.new],
        merges=plan.merges,
        skipped=plan.skipped,
        new_organizations=len(plan.new_organizations),
    )


def _record_of(plan: ImportPlan, target: Target) -> PersonRecord:
    person = target.person
    org = plan.organizations.get(target.organization_key)
    return PersonRecord(
        line=target.line or 0,
        name=person.name,
        title=person.title,
        organization=org.name if org else "",
        emails=person.emails,
    )


def preview_import(
    user: User, kind: Kind, data: bytes, file: str, steps: Steps | None = None
) -> Preview:
    """What importing the file would do; writes nothing. Raises ``ImportProblem``."""
    if kind == "json":
        document = json_import.read_document(data, file, user)
        json_import.check_empty(user, file)
        return _json_preview(file, document)
    return _preview_of(plan_import(user, _parse(kind, data, file, steps)))


def run_import(
    user: User, kind: Kind, data: bytes, file: str, steps: Steps | None = None
) -> Preview:
    """Import the file into ``user``'s account, all or nothing. Raises ``ImportProblem``."""
    if kind == "json":
        document = json_import.read_document(data, file, user)
        json_import.load_document(user, document, file)
        preview = _json_preview(file, document)
    else:
        parsed = _parse(kind, data, file, steps)
        with transaction.atomic():
            plan = plan_import(user, parsed)  # planned inside: nothing changes underneath
            preview = _preview_of(plan)
            apply_plan(plan, steps)
    return preview


def _json_preview(file: str, document: Document) -> Preview:
    counts = document.counts
    names = [PersonRecord(line=0, name=person.name) for person in document.people]
    counts.pop("people")
    return Preview(kind="json", file=file, new=names, also=counts)


def apply_plan(plan: ImportPlan, steps: Steps | None = None) -> None:
    """Write the plan: new organizations, new people, changed people, notes. Call it inside a
    transaction (``run_import`` does)."""
    organizations = Organization.objects.bulk_create(plan.new_organizations, batch_size=BATCH)
    for target in [*plan.new, *plan.updated]:
        new_or_moved = target.line is not None or "organization" in target.changed
        if target.organization_key and new_or_moved:
            target.person.organization = plan.organizations[target.organization_key]
    people = [target.person for target in plan.new]
    _size(steps, "writing", len(people))
    for start in range(0, len(people), BATCH):
        Person.objects.bulk_create(people[start : start + BATCH])
        if steps is not None and steps.writing is not None:
            steps.writing(min(start + BATCH, len(people)))
    updated = plan.updated
    if updated:
        now = timezone.now()
        fields = {"updated_at"}.union(*(target.changed for target in updated))
        for target in updated:
            target.person.updated_at = now
        Person.objects.bulk_update(
            [target.person for target in updated], sorted(fields), batch_size=BATCH
        )
    notes: list[Activity] = []
    if plan.notes:
        now = timezone.now()
        notes = Activity.objects.bulk_create(
            (
                Activity(
                    owner=plan.user, kind=ActivityKind.NOTE, at=now, person=t.person, text=text
                )
                for t, text in plan.notes
            ),
            batch_size=BATCH,
        )
    # Bulk writes send no signals: the search index is brought up to date here.
    index_objects([*organizations, *people, *(t.person for t in updated), *notes])
