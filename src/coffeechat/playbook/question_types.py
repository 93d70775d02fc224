"""The shape of a prepared question, shared by the bank, the googleable check and plan fitting."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    PATH = "path"  # the person's path and story (P17)
    ROLE = "role"  # the role and a typical day
    ORGANIZATION = "organization"  # the organization and its culture
    INDUSTRY = "industry"  # the industry and its trends
    ADVICE = "advice"
    NEXT_STEPS = "next_steps"  # resources and next steps (P22)
    CAREER_CHANGE = "career_change"  # transferable skills and gaps (P27)


class Tiara(StrEnum):
    """The TIARA frame: Trends, Insights, Advice, Resources, Assignments."""

    TRENDS = "trends"
    INSIGHTS = "insights"
    ADVICE = "advice"
    RESOURCES = "resources"
    ASSIGNMENTS = "assignments"


class Phase(StrEnum):
    """The three phases of the conversation, in order."""

    SMALL_TALK = "small_talk"
    QUESTIONS = "questions"
    NEXT_STEPS = "next_steps"


@dataclass(frozen=True)
class BankQuestion:
    key: str  # stable slug, e.g. "path-first-break"; never reused for another text
    text: str  # may hold placeholders: {organization} {their_role} {topic} {their_work}
    category: Category
    tiara: Tiara
    minutes: float  # typical time to ask and hear the answer
    fits_15: bool  # suits a 15-minute call
    phase: Phase
