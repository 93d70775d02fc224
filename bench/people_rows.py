"""Rows of users, profiles, organizations, tags and people (the contact book)."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from bench import words
from bench.layout import Layout
from bench.scales import Scale
from bench.writer import Row

STAR = 3  # each user's person with the long timeline, two referrers above, five referrals below
DAY = 86_400.0


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


FIRST_SLUGS = tuple(_ascii(name) for name in words.FIRST_NAMES)
LAST_SLUGS = tuple(_ascii(name).replace("'", "") for name in words.LAST_NAMES)
ORG_COMBINATIONS = len(words.ORG_FIRST) * len(words.ORG_SECOND) * len(words.ORG_KINDS)


def username(number: int) -> str:
    """The generated user number ``number`` (1-based)."""
    return f"bench{number:04d}"


def rng(seed: int, table: str, user: int) -> random.Random:
    """One random stream per user and table: the same data whatever the order of writing."""
    return random.Random(f"{seed}:{table}:{user}")


def first_and_last(user: int, index: int) -> tuple[int, int]:
    """A person's name, as indexes into the name lists (a hash: nothing to keep in memory)."""
    mixed = (index * 2_654_435_761 + user * 40_503 + 12_345) & 0xFFFFFFFF
    return mixed % len(words.FIRST_NAMES), (mixed >> 11) % len(words.LAST_NAMES)


def organization_name(user: int, index: int) -> str:
    # 7919 is prime to the number of combinations: distinct names within a user.
    combination = (index * 7919 + user * 131) % ORG_COMBINATIONS
    first = words.ORG_FIRST[combination % len(words.ORG_FIRST)]
    rest = combination // len(words.ORG_FIRST)
    second = words.ORG_SECOND[rest % len(words.ORG_SECOND)]
    kind = words.ORG_KINDS[rest // len(words.ORG_SECOND)]
    return f"{first} {second} {kind}".strip()


def past(generator: random.Random, now: datetime, days: float) -> datetime:
    return now - timedelta(seconds=generator.random() * days * DAY)


def weighted(generator: random.Random, choices: tuple[tuple[str, int], ...]) -> str:
    total = sum(weight for _, weight in choices)
    pick = generator.random() * total
    for value, weight in choices:
        pick -= weight
        if pick < 0:
            return value
    return choices[-1][0]


RELATIONSHIPS = (
    ("new_connection", 40),
    ("alumni", 15),
    ("colleague", 15),
    ("met_at_event", 12),
    ("shared_group", 8),
    ("friend", 6),
    ("referral", 4),
)
CHANNELS = (("email", 60), ("professional_network", 30), ("phone", 5), ("message", 5))
HIRING_POWER = (("unknown", 70), ("no", 20), ("yes", 10))


@dataclass(frozen=True)
class Contacts:
    """The layouts of the contact book, for rows that refer to it."""

    scale: Scale
    seed: int
    now: datetime
    first_user: int  # the number of the first user written (bench0001 is 1)
    users: Layout
    organizations: Layout
    tags: Layout
    people: Layout

    def streams(self, table: str) -> list[random.Random]:
        """One random stream per user of this batch, by the user's number."""
        return [rng(self.seed, table, self.first_user + user) for user in range(self.scale.users)]

    USER_COLUMNS = (
        "id",
        "username",
        "password",
        "email",
        "first_name",
        "last_name",
        "date_joined",
    )

    def user_rows(self, password_hash: str) -> Iterator[Row]:
        for user, _ in self.users.order():
            name = username(self.first_user + user)
            yield (
                self.users.id(user, 0),
                name,
                password_hash,
                f"{name}@example.edu",
                words.FIRST_NAMES[user % len(words.FIRST_NAMES)],
                words.LAST_NAMES[user % len(words.LAST_NAMES)],
                self.now - timedelta(days=400),
            )

    PROFILE_COLUMNS = ("user_id", "time_zone")

    def profile_rows(self) -> Iterator[Row]:
        for user, _ in self.users.order():
            yield (self.users.id(user, 0), "America/Toronto")

    ORGANIZATION_COLUMNS = (
        "id",
        "owner_id",
        "name",
        "website",
        "industry",
        "location",
        "research_notes",
        "created_at",
        "updated_at",
    )

    def organization_rows(self) -> Iterator[Row]:
        streams = self.streams("organizations")
        for user, index in self.organizations.order():
            generator = streams[user]
            name = organization_name(self.first_user + user, index)
            slug = _ascii(name).replace(" ", "-").replace(".", "")
            created = past(generator, self.now, 900)
            yield (
                self.organizations.id(user, index),
                self.users.id(user, 0),
                name,
                f"https://{slug}.example.com",
                generator.choice(words.INDUSTRIES),
                generator.choice(words.LOCATIONS),
                generator.choice(words.NOTES) if generator.random() < 0.2 else "",
                created,
                created,
            )

    TAG_COLUMNS = ("id", "owner_id", "name")

    def tag_rows(self) -> Iterator[Row]:
        for user, index in self.tags.order():
            yield (self.tags.id(user, index), self.users.id(user, 0), words.TAGS[index])

    PERSON_COLUMNS = (
        "id",
        "owner_id",
        "name",
        "title",
        "organization_id",
        "location",
        "time_zone",
        "emails",
        "phones",
        "profile_url",
        "relationship",
        "relationship_context",
        "relationship_since",
        "preferred_channel",
        "hiring_power",
        "what_they_do",
        "referred_by_id",
        "referral_kind",
        "keep_posted",
        "created_at",
        "updated_at",
    )

    def _referrer(self, generator: random.Random, index: int) -> tuple[int | None, str]:
        # The star's line: 1 referred 2, 2 referred the star, the star referred five people.
        if index in (2, STAR):
            return index - 1, "introduce"
        if 10 <= index < 15:
            return STAR, "introduce"
        if index >= 20 and generator.random() < 0.04:
            return generator.randrange(index), "mention"
        return None, ""

    def person_rows(self) -> Iterator[Row]:
        streams = self.streams("people")
        orgs = self.scale.organizations
        for user, index in self.people.order():
            generator = streams[user]
            first, last = first_and_last(self.first_user + user, index)
            has_org = orgs > 0 and (index == STAR or generator.random() < 0.88)
            organization = (
                self.organizations.id(user, generator.randrange(orgs)) if has_org else None
            )
            email = f"{FIRST_SLUGS[first]}.{LAST_SLUGS[last]}{index}@example.org"
            referrer, referral_kind = self._referrer(generator, index)
            created = past(generator, self.now, 1000)
            since = past(generator, self.now, 3650).date() if generator.random() < 0.7 else None
            relationship = "alumni" if index == STAR else weighted(generator, RELATIONSHIPS)
            yield (
                self.people.id(user, index),
                self.users.id(user, 0),
                f"{words.FIRST_NAMES[first]} {words.LAST_NAMES[last]}",
                generator.choice(words.TITLES),
                organization,
                generator.choice(words.LOCATIONS),
                generator.choice(words.TIME_ZONES),
                [email] if generator.random() < 0.6 else [],
                [f"+1 416 555 {index % 10_000:04d}"] if generator.random() < 0.15 else [],
                f"https://www.linkedin.com/in/{FIRST_SLUGS[first]}-{LAST_SLUGS[last]}-{index:x}"
                if generator.random() < 0.5
                else "",
                relationship,
                generator.choice(words.RELATIONSHIP_CONTEXTS),
                since,
                weighted(generator, CHANNELS),
                weighted(generator, HIRING_POWER),
                generator.choice(words.WHAT_THEY_DO),
                None if referrer is None else self.people.id(user, referrer),
                referral_kind,
                generator.random() < 0.05,
                created,
                created,
            )

    PERSON_TAG_COLUMNS = ("person_id", "tag_id")

    def person_tag_rows(self) -> Iterator[Row]:
        tags = self.scale.tags
        if tags == 0:
            return
        streams = self.streams("person-tags")
        for user, index in self.people.order():
            generator = streams[user]
            if index == STAR:
                chosen = [0, 1 % tags]
            elif generator.random() < 0.3:
                chosen = generator.sample(range(tags), min(tags, generator.randint(1, 2)))
            else:
                continue
            person = self.people.id(user, index)
            for tag in sorted(set(chosen)):
                yield (person, self.tags.id(user, tag))
