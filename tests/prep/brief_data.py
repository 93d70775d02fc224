"""A realistic, full interview for the brief tests: every section filled, 14 long questions."""

from __future__ import annotations

from datetime import UTC, datetime

from django.contrib.auth.models import User

from coffeechat.accounts.services import profile_of
from coffeechat.interviews.models import Interview, Mode, Stage
from coffeechat.prep.services import PlanItem, set_plan
from tests.factories import (
    InterviewFactory,
    OrganizationFactory,
    PersonFactory,
    PitchFactory,
    PreparationFactory,
    QuestionFactory,
)

# 14 questions (P15's most), long ones, so the page-count test is a worst case.
QUESTIONS = [
    "How did you come to work on accessibility research after your years in classroom teaching?",
    "What does a typical week look like for you, and which part of it would surprise an outsider?",
    "Which of your projects at {organization} taught you the most, and what would you change now?",
    "How do research findings travel from your team to the people who decide what gets built?",
    "What do you look for in someone's first research plan, and what usually goes missing?",
    "Which skills from teaching carried over for you, and which did you have to learn from zero?",
    "How has the way {organization} runs studies changed since remote sessions became normal?",
    "What trends in the field do you think a newcomer underestimates over the next five years?",
    "What is the hardest trade-off you made between research rigour and the product's deadlines?",
    "If you were starting again today, what would you do differently in your first two years?",
    "Which small project could I take on to find out whether this work really suits me?",
    "Who else would you suggest I talk to, inside or outside {organization}, to learn more?",
    "Which books, talks, meetups or professional associations helped you most along the way?",
    "Would it be all right if I kept you posted on how my exploration goes in a few months?",
]

PITCH = (
    "I taught secondary science for eight years and I am now exploring user research, because "
    "the part of teaching I loved most was watching how people learn and adapting to what I saw. "
    "I have run two small usability studies for a local library's website and I am deciding "
    "between in-house research and consulting, so I am talking to people on both sides."
)


def full_interview(owner: User) -> Interview:
    """Scheduled at 14:00 in Paris, their time; the owner lives in Toronto (08:00 for them)."""
    profile = profile_of(owner)
    profile.time_zone = "America/Toronto"
    profile.save()
    organization = OrganizationFactory(
        owner=owner,
        name="Lumen Health",
        research_notes="Makes patient-facing apps; a 40-person design team; hiring slowed in "
        "2024; their design blog publishes a study write-up every month.",
    )
    person = PersonFactory(
        owner=owner,
        name="Amara Okafor",
        title="Principal User Researcher",
        organization=organization,
        time_zone="Europe/Paris",
        what_they_do="Leads research for the patient app: discovery studies, usability tests and "
        "a quarterly survey of 2,000 patients.",
        what_they_have_done="Gave the talk 'Research with people who are tired of being "
        "researched' at a 2024 conference; moved from teaching into research ten years ago.",
    )
    interview = InterviewFactory(
        owner=owner,
        person=person,
        topic="What a first year in health-care user research is like",
        stage=Stage.SCHEDULED,
        duration_minutes=20,
        scheduled_start=datetime(2030, 5, 14, 12, 0, tzinfo=UTC),
        time_zone="Europe/Paris",
        mode=Mode.CAFE,
        location="Café Lomi, 3 ter rue Marcadet, Paris",
    )
    PreparationFactory(
        interview=interview,
        why_them="She moved from teaching into research, the move I am weighing, and she "
        "writes openly about research ethics.",
        already_public="Her team's size and tools are on the design blog; the talk covers "
        "consent and fatigue in patient studies.",
        objectives="Learn what the first year looks like and which skills matter most; leave "
        "with two more people to talk to.",
    )
    PitchFactory(owner=owner, text=PITCH)
    bank = [QuestionFactory(owner=owner, text=text) for text in QUESTIONS]
    set_plan(interview, [PlanItem(question.pk) for question in bank])
    return interview
