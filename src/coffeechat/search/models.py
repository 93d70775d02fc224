"""One row per searchable thing, denormalised for the full-text index (issue #7).

The primary key packs the owner, the kind of source and the source's id (``entry_id``), so one
user's entries, and within them each kind, are a contiguous range of ids: both full-text indexes
can then keep to one user and list hits kind by kind, newest first, without reading the rest.

Each row belongs to exactly one source object through a key that cascades (unique where set), so
any deletion Django performs (a person with their notes, a plan rebuilt, a whole account) removes
the rows with it, in bulk and without signals. The `about_*` keys are the links shown with a hit and
are nulled the way the source's own keys are.

The index itself is vendor SQL created by the migration: an FTS5 table kept in sync by triggers on
SQLite, generated tsvector columns with GIN indexes on PostgreSQL. Both index `title_words` and
`body_words`, text already folded in Python (no accents, lower case, words only), so both
databases see exactly the same words.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from coffeechat.debrief.models import Debrief, Resource
from coffeechat.interviews.models import Activity, Interview
from coffeechat.people.models import Organization, Person
from coffeechat.prep.models import PlanEntry


class Source(models.TextChoices):
    PERSON = "person", "Person"
    ORGANIZATION = "organization", "Organization"
    INTERVIEW = "interview", "Interview"
    ACTIVITY = "activity", "Note"
    PLAN_ENTRY = "plan_entry", "Live note"
    DEBRIEF = "debrief", "Debrief"
    RESOURCE = "resource", "Resource"


class Kind(models.TextChoices):
    """What a hit is, in the order hits of equal standing are listed."""

    PERSON = "person", "Person"
    ORGANIZATION = "organization", "Organization"
    INTERVIEW = "interview", "Interview"
    NOTE = "note", "Note"
    DEBRIEF = "debrief", "Debrief"
    RESOURCE = "resource", "Resource"


KIND_OF_SOURCE: dict[str, Kind] = {
    Source.PERSON: Kind.PERSON,
    Source.ORGANIZATION: Kind.ORGANIZATION,
    Source.INTERVIEW: Kind.INTERVIEW,
    Source.ACTIVITY: Kind.NOTE,
    Source.PLAN_ENTRY: Kind.NOTE,
    Source.DEBRIEF: Kind.DEBRIEF,
    Source.RESOURCE: Kind.RESOURCE,
}
# Higher codes come first when ids are read in descending order: the kind order of hits.
SOURCE_CODES: dict[str, int] = {
    Source.PERSON: 7,
    Source.ORGANIZATION: 6,
    Source.INTERVIEW: 5,
    Source.ACTIVITY: 4,
    Source.PLAN_ENTRY: 3,
    Source.DEBRIEF: 2,
    Source.RESOURCE: 1,
}
OBJECT_BITS = 36  # 68 billion objects of a kind
SOURCE_BITS = 3
OWNER_SHIFT = OBJECT_BITS + SOURCE_BITS
MAX_OWNER_ID = 2 ** (63 - OWNER_SHIFT) - 1  # 16.7 million accounts


def entry_id(owner_id: int, source: str, object_id: int) -> int:
    if not 0 < object_id < 2**OBJECT_BITS or not 0 < owner_id <= MAX_OWNER_ID:
        raise OverflowError(f"Search cannot index {source} {object_id} of user {owner_id}.")
    return owner_id << OWNER_SHIFT | SOURCE_CODES[source] << OBJECT_BITS | object_id


def owner_range(owner_id: int) -> tuple[int, int]:
    """The ids of one user's entries: from ``low`` to ``high``, both included."""
    low = owner_id << OWNER_SHIFT
    return low, low | (2**OWNER_SHIFT - 1)


# Deleting the source deletes its entry (deleting what an entry links to nulls the link).
_SOURCE: Any = {"on_delete": models.CASCADE, "null": True, "blank": True, "related_name": "+"}
_SOURCE["db_index"] = False
_SOURCE_FIELDS = [source.value for source in Source]
_LINK_FIELDS = ["about_person", "about_interview"]


class SearchEntry(models.Model):
    id = models.BigIntegerField(primary_key=True)  # entry_id(owner, source, object id)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=16, choices=Source.choices)
    # Exactly one of these is set: the object this row stands for. A unique index on the rows
    # that have it (see Meta) rather than a one-to-one key, whose index would hold every other
    # row's empty value too.
    person = models.ForeignKey(Person, **_SOURCE)
    organization = models.ForeignKey(Organization, **_SOURCE)
    interview = models.ForeignKey(Interview, **_SOURCE)
    activity = models.ForeignKey(Activity, **_SOURCE)
    plan_entry = models.ForeignKey(PlanEntry, **_SOURCE)
    debrief = models.ForeignKey(Debrief, **_SOURCE)
    resource = models.ForeignKey(Resource, **_SOURCE)
    # Who and which conversation a note, a debrief or a resource is about (the hit's link).
    about_person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", db_index=False
    )
    about_interview = models.ForeignKey(
        Interview,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    title = models.CharField(max_length=600)
    body = models.TextField(blank=True)
    title_words = models.TextField(blank=True)
    body_words = models.TextField(blank=True)
    # When it happened (a note, a conversation): newer first among equal hits.
    dated = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "search entries"
        constraints = [
            models.UniqueConstraint(
                fields=[name],
                condition=models.Q(**{f"{name}__isnull": False}),
                name=f"search_one_entry_per_{name}",
            )
            for name in _SOURCE_FIELDS
        ]
        # Deleting a person or an interview nulls these links: found through these indexes.
        indexes = [
            models.Index(
                fields=[name],
                condition=models.Q(**{f"{name}__isnull": False}),
                name=f"search_{name}",
            )
            for name in _LINK_FIELDS
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.title}"

    @property
    def object_id(self) -> int:
        value = getattr(self, f"{self.source}_id")
        assert isinstance(value, int)
        return value
