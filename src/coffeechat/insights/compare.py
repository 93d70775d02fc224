"""The comparison matrix of the careers explored (P26): one row per field or role.

Each row lines up what the debriefs of that field or role said: how many conversations, how well
it fits (the average of the fit scores given), what people like and find hard, how people get in,
the skills needed most often and the resources recommended. The CSV holds the same matrix.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from django.contrib.auth.models import User

from coffeechat.core.spreadsheet import csv_text
from coffeechat.debrief.models import Debrief
from coffeechat.insights.learned import Group, Mention, learned_by

CareerGrouping = Literal["field", "role"]
CAREER_GROUPINGS: dict[str, str] = {"field": "Field", "role": "Role"}
# The matrix names the skills heard most; the rest are on the skills map.
TOP_SKILLS = 5


@dataclass(frozen=True)
class Said:
    """One thing one person said, e.g. what they like about the work."""

    text: str
    who: str


@dataclass
class CareerRow:
    label: str
    conversations: int
    average_fit: Decimal | None
    fit_count: int
    fit_percent: int
    likes: list[Said]
    challenges: list[Said]
    entry_paths: list[Said]
    skills: list[Mention]
    resources: list[Mention]


def _said(debriefs: list[Debrief], name: str) -> list[Said]:
    return [
        Said(text=getattr(d, name).strip(), who=d.interview.person.name)
        for d in debriefs
        if getattr(d, name).strip()
    ]


def _row(group: Group) -> CareerRow:
    return CareerRow(
        label=group.label,
        conversations=group.conversation_count,
        average_fit=group.average_fit,
        fit_count=group.fit_count,
        fit_percent=group.fit_percent,
        likes=_said(group.debriefs, "likes"),
        challenges=_said(group.debriefs, "challenges"),
        entry_paths=_said(group.debriefs, "entry_path"),
        skills=group.skills[:TOP_SKILLS],
        resources=group.resources,
    )


def career_matrix(user: User, by: CareerGrouping) -> list[CareerRow]:
    """The careers explored, most talked about first (the same groups as the insights page)."""
    return [_row(group) for group in learned_by(user, by)]


def _joined(said: list[Said]) -> str:
    return "\n".join(f"{item.text} ({item.who})" for item in said)


def matrix_csv(rows: list[CareerRow], by: CareerGrouping) -> str:
    """The matrix as CSV: one row per career, several answers in a cell one per line.

    Every cell goes through the spreadsheet-safe writer: a debrief that starts with "=" is text.
    """
    header = [
        CAREER_GROUPINGS[by],
        "Conversations",
        "Average fit (1-5)",
        "What people like",
        "What they find hard",
        "How people get in",
        "Skills needed",
        "Resources",
    ]
    lines = [
        [
            row.label,
            row.conversations,
            "" if row.average_fit is None else row.average_fit,
            _joined(row.likes),
            _joined(row.challenges),
            _joined(row.entry_paths),
            "\n".join(f"{skill.label} ({skill.count})" for skill in row.skills),
            "\n".join(resource.label for resource in row.resources),
        ]
        for row in rows
    ]
    return csv_text(header, lines)


def csv_filename(by: CareerGrouping) -> str:
    return f"coffeechat-careers-by-{by}.csv"
