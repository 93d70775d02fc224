"""A realistic sample for `coffeechat demo`: a career changer exploring UX and product roles."""

from __future__ import annotations

import random
import secrets
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from coffeechat.accounts.models import Profile
from coffeechat.debrief.models import Debrief, Resource, ResourceKind, Skill, SkillStatus
from coffeechat.followup.models import Task, TaskKind
from coffeechat.insights.models import Goal
from coffeechat.interviews.models import Activity, ActivityKind, Interview, Mode, Stage
from coffeechat.people.models import (
    HiringPower,
    Organization,
    Person,
    ReferralKind,
    Relationship,
)
from coffeechat.people.services import set_tags
from coffeechat.prep.models import Preparation
from coffeechat.prep.services import build_plan, save_pitch
from coffeechat.search.index import reindex_user

DEMO_USERNAME = "demo"

ORGANIZATIONS = [
    ("Northwind Health", "Healthcare technology", "Toronto", "https://northwind.example"),
    ("Maple Transit Authority", "Public transport", "Toronto", "https://mapletransit.example"),
    ("Lumen Analytics", "Data and analytics", "Montréal", "https://lumen.example"),
    ("Harbour Bank", "Financial services", "Toronto", "https://harbourbank.example"),
    ("Fieldnote Studio", "Design agency", "Vancouver", "https://fieldnote.example"),
    ("Cedar Learning", "Education technology", "Ottawa", "https://cedarlearning.example"),
    ("Granite Robotics", "Industrial robotics", "Waterloo", "https://granite.example"),
    ("Open Shelf Library", "Public library", "Toronto", "https://openshelf.example"),
    ("Kestrel Games", "Video games", "Montréal", "https://kestrel.example"),
    ("Tidewater Energy", "Renewable energy", "Halifax", "https://tidewater.example"),
    ("Brightside Nonprofit", "Nonprofit", "Toronto", "https://brightside.example"),
    ("Atlas Logistics", "Logistics", "Mississauga", "https://atlas.example"),
    ("Quill Media", "Digital media", "Toronto", "https://quill.example"),
    ("Summit Consulting", "Management consulting", "Calgary", "https://summit.example"),
    ("Pixel & Pine", "Software", "Victoria", "https://pixelpine.example"),
]

PEOPLE = [
    ("Amara Okafor", "Senior UX Researcher"),
    ("Daniel Chen", "Product Manager"),
    ("Sofia Rossi", "Service Designer"),
    ("Liam O'Connor", "Data Analyst"),
    ("Priya Raman", "Design Lead"),
    ("Mateo García", "Engineering Manager"),
    ("Hannah Schmidt", "Content Strategist"),
    ("Kenji Watanabe", "UX Designer"),
    ("Fatima Haddad", "Head of Research"),
    ("Noah Tremblay", "Product Designer"),
    ("Chloé Gagnon", "Accessibility Specialist"),
    ("Oliver Brown", "Customer Insights Lead"),
    ("Aisha Mohammed", "Program Manager"),
    ("Lucas Martin", "UX Writer"),
    ("Mei Lin", "Research Operations Manager"),
    ("Ethan Wilson", "Product Owner"),
    ("Zara Ahmed", "Interaction Designer"),
    ("Gabriel Silva", "Data Scientist"),
    ("Isabelle Roy", "Design Systems Lead"),
    ("Samuel Adeyemi", "Growth Product Manager"),
    ("Nina Petrova", "Quantitative Researcher"),
    ("Jacob Nguyen", "Front-end Developer"),
    ("Elena Popescu", "Service Design Manager"),
    ("Marcus Johnson", "Director of Product"),
    ("Yasmin Farah", "User Researcher"),
    ("Thomas Leblanc", "Innovation Lead"),
    ("Grace Kim", "Product Analyst"),
    ("Arjun Mehta", "Technical Program Manager"),
    ("Olivia Davis", "Learning Designer"),
    ("Rafael Costa", "Creative Director"),
    ("Leah Cohen", "Policy Analyst"),
    ("Ibrahim Diallo", "Operations Manager"),
    ("Emily Clarke", "Communications Manager"),
    ("Hiro Tanaka", "Game Designer"),
    ("Sara Lindqvist", "Sustainability Analyst"),
    ("Victor Moreau", "Consultant"),
    ("Ana Ribeiro", "Community Manager"),
    ("Ben Carter", "Solutions Architect"),
    ("Maya Patel", "Product Marketing Manager"),
    ("Jonas Weber", "Design Researcher"),
]

TOPICS = [
    "How UX research works day to day",
    "Moving from teaching into learning design",
    "What product managers really do",
    "Service design in the public sector",
    "Breaking into data analysis without a CS degree",
    "How design teams work with engineering",
    "Research operations as a career",
    "Accessibility work in large organizations",
]

WORK = [
    "usability research for the customer-facing services",
    "the design of the booking and payment journeys",
    "turning survey and usage data into product decisions",
    "the words people read in the app and on the website",
]

TAGS = ["ux", "product", "data", "design", "public sector", "toronto", "career change", "alumni"]

# Every stage, with more where a real pipeline has more.
STAGE_PLAN = (
    [Stage.IDEA] * 4
    + [Stage.RESEARCHING] * 3
    + [Stage.REQUESTED] * 4
    + [Stage.SCHEDULED] * 3
    + [Stage.HELD] * 2
    + [Stage.THANKED] * 3
    + [Stage.CLOSED] * 2
    + [Stage.DECLINED]
    + [Stage.NO_RESPONSE] * 2
    + [Stage.CANCELLED]
)


def create_demo(seed: int = 7) -> str:
    """(Re)create the demo user with fresh sample data; returns its new password."""
    password = secrets.token_urlsafe(9)
    with transaction.atomic():
        User.objects.filter(username=DEMO_USERNAME).delete()
        user = User.objects.create_user(DEMO_USERNAME, "demo@example.com", password)
        Profile.objects.create(
            user=user,
            time_zone="America/Toronto",
            about_me="a high-school teacher exploring UX research and learning design",
            career_change=True,
        )
        _fill(user, random.Random(seed))
        reindex_user(user)  # the sample is written in bulk, without signals
    return password


def _fill(user: User, rng: random.Random) -> None:
    now = timezone.now()
    organizations = Organization.objects.bulk_create(
        Organization(
            owner=user,
            name=name,
            industry=industry,
            location=city,
            website=site,
            research_notes=f"{name} is a {industry.lower()} organization based in {city}.",
        )
        for name, industry, city, site in ORGANIZATIONS
    )
    people: list[Person] = []
    for index, (name, title) in enumerate(PEOPLE):
        organization = organizations[index % len(organizations)]
        first = name.split()[0].lower()
        person = Person.objects.create(
            owner=user,
            name=name,
            title=title,
            organization=organization,
            location=organization.location,
            time_zone="America/Toronto"
            if organization.location != "Vancouver"
            else "America/Vancouver",
            emails=[f"{first}@{organization.website.split('//')[1]}"] if index % 4 else [],
            relationship=list(Relationship.values)[index % len(Relationship.values)],
            relationship_context=rng.choice(
                [
                    "We met at the UX Toronto meetup in May",
                    "Both alumni of the University of Toronto",
                    "Both members of the Service Design Network",
                    "Found their talk on inclusive research",
                    "",
                    "A former colleague from my school board",
                ]
            ),
            hiring_power=rng.choice(list(HiringPower.values)),
            what_they_do=rng.choice(WORK),
            what_they_have_done=rng.choice(
                [
                    "Spoke at a 2025 conference on research with hard-to-reach users.",
                    "Wrote an article on moving from classroom teaching into design.",
                    "Led the redesign of the organization's booking service.",
                    "",
                ]
            ),
        )
        set_tags(person, rng.sample(TAGS, k=rng.randint(0, 3)))
        people.append(person)
    people[5].referred_by = people[0]
    people[5].relationship = Relationship.REFERRAL
    people[5].save()

    activities: list[Activity] = []
    tasks: list[Task] = []
    interviews: list[Interview] = []
    for index, stage in enumerate(STAGE_PLAN):
        person = people[index]
        created = now - timedelta(days=40 - index, hours=rng.randint(0, 8))
        interview = Interview.objects.create(
            owner=user,
            person=person,
            topic=TOPICS[index % len(TOPICS)],
            stage=stage,
            duration_minutes=rng.choice([15, 20, 20, 30]),
            mode=rng.choice(list(Mode.values)),
            time_zone=person.time_zone,
        )
        interviews.append(interview)
        Interview.objects.filter(pk=interview.pk).update(
            created_at=created, stage_changed_at=created
        )
        timeline = _timeline_for(stage, created)
        for kind, at in timeline:
            activities.append(
                Activity(
                    owner=user,
                    kind=kind,
                    at=at,
                    person=person,
                    interview=interview,
                    text=f"{ActivityKind(kind).label} — {interview.topic}.",
                )
            )
        if stage == Stage.SCHEDULED:
            start = (now + timedelta(days=index % 6 - 1)).replace(
                hour=15, minute=0, second=0, microsecond=0
            )
            Interview.objects.filter(pk=interview.pk).update(
                scheduled_start=start, location="Café near their office"
            )
            tasks.append(
                Task(
                    owner=user,
                    kind=TaskKind.PREPARE,
                    interview=interview,
                    person=person,
                    title=f"Prepare questions for {person.first_name}",
                    due_at=start - timedelta(days=1),
                )
            )
        elif stage == Stage.REQUESTED:
            tasks.append(
                Task(
                    owner=user,
                    kind=TaskKind.NUDGE,
                    interview=interview,
                    person=person,
                    title=f"Nudge {person.first_name} if no reply",
                    due_at=now + timedelta(days=index - 9),
                )
            )
        elif stage == Stage.HELD:
            tasks.append(
                Task(
                    owner=user,
                    kind=TaskKind.THANK_YOU,
                    interview=interview,
                    person=person,
                    title=f"Thank {person.first_name}",
                    due_at=now + timedelta(hours=index * 3 - 40),
                )
            )
        elif stage in (Stage.IDEA, Stage.RESEARCHING):
            tasks.append(
                Task(
                    owner=user,
                    kind=TaskKind.RESEARCH,
                    interview=interview,
                    person=person,
                    title=f"Research {person.name}'s recent work",
                    due_at=now + timedelta(days=index % 5),
                )
            )
        elif stage == Stage.THANKED:
            tasks.append(
                Task(
                    owner=user,
                    kind=TaskKind.KEEP_POSTED,
                    person=person,
                    title=f"Send {person.first_name} an update",
                    due_at=now + timedelta(weeks=3),
                )
            )
    Activity.objects.bulk_create(activities)
    Task.objects.bulk_create(tasks)
    _prepare_and_debrief(user, people, interviews, rng)
    _set_goals(user)


def _set_goals(user: User) -> None:
    """A series of conversations (P5), one on pace and one stretching ahead."""
    today = timezone.localdate()
    Goal.objects.create(
        owner=user,
        title="8 conversations with researchers by spring",
        target_count=8,
        start_date=today - timedelta(days=60),
        due_date=today + timedelta(days=90),
        role_keywords="research, researcher",
    )
    Goal.objects.create(
        owner=user,
        title="5 conversations in Toronto before the job fair",
        target_count=5,
        start_date=today - timedelta(days=30),
        due_date=today + timedelta(days=30),
        location="Toronto",
    )


PITCHES = (
    "I'm a high-school science teacher. I'm exploring user research because the part of "
    "teaching I love is watching how people learn.",
    "I've taught secondary science for eight years, and the part I love most is watching how "
    "people learn and where they get stuck. I'm exploring user research and learning design, "
    "where that curiosity is the job. I asked you because your work on inclusive research is "
    "the kind I'd like to do.",
)
RESOURCES = (
    (ResourceKind.BOOK, "Just Enough Research", ""),
    (ResourceKind.ASSOCIATION, "The local UX research association", ""),
    (ResourceKind.WEBSITE, "A research methods library", "https://example.org/methods"),
    (ResourceKind.COURSE, "An evening course in interaction design", ""),
)
SKILLS = (
    ("Interviewing", SkillStatus.HAVE),
    ("Workshop facilitation", SkillStatus.HAVE),
    ("Survey design", SkillStatus.LEARNING),
    ("Usability testing", SkillStatus.TO_LEARN),
    ("Figma", SkillStatus.TO_LEARN),
)


# What different people said, so the comparison of careers has something to compare.
HEARD = (
    (
        "Research teams value clear writing and patient listening over tools.",
        "Seeing a product change because of something a participant said.",
        "Recruiting the right participants on a tight timeline.",
        "Many came from teaching, psychology or journalism; a portfolio of two studies helps.",
    ),
    (
        "Learning designers spend more time with subject experts than with learners.",
        "Building a course that people actually finish.",
        "Deadlines set by the catalogue, not by the learning.",
        "Teachers move in through instructional design certificates and contract work.",
    ),
    (
        "Product teams want researchers who can say what to do next, not just what they saw.",
        "The pace, and working closely with engineers.",
        "Priorities change every quarter; some studies are never used.",
        "An internal move from support or QA is the most common path.",
    ),
)


def _prepare_and_debrief(
    user: User, people: list[Person], interviews: list[Interview], rng: random.Random
) -> None:
    """Pitch versions, research and plans for what is coming, debriefs for what was held."""
    for text in PITCHES:
        save_pitch(user, text)
    for interview in interviews:
        if interview.stage in (Stage.RESEARCHING, Stage.REQUESTED, Stage.SCHEDULED):
            Preparation.objects.create(
                interview=interview,
                why_them=f"{interview.person.first_name} made the same move I hope to make.",
                objectives="Hear what a first year looks like and which skills matter most.",
                right_person="yes" if interview.stage == Stage.SCHEDULED else "",
            )
        if interview.stage == Stage.SCHEDULED:
            build_plan(interview)
        if interview.stage in (Stage.HELD, Stage.THANKED, Stage.CLOSED):
            ended = interview.stage_changed_at - timedelta(days=1)
            insights, likes, challenges, entry_path = rng.choice(HEARD)
            Debrief.objects.create(
                interview=interview,
                started_at=ended - timedelta(minutes=interview.duration_minutes),
                ended_at=ended,
                insights=insights,
                likes=likes,
                challenges=challenges,
                entry_path=entry_path,
                memorable="the best researchers are curious about the boring parts",
                next_step="join the local research meetup",
                fit_score=rng.randint(3, 5),
                fit_line="The field feels like teaching without the marking.",
                may_contact_again="yes",
                offered_keep_in_touch=interview.stage == Stage.THANKED,
            )
            for kind, title, url in rng.sample(RESOURCES, k=2):
                Resource.objects.create(
                    owner=user,
                    kind=kind,
                    title=title,
                    url=url,
                    done=title == "Just Enough Research",
                    recommended_by=interview.person,
                    interview=interview,
                )
            for name, status in rng.sample(SKILLS, k=2):
                Skill.objects.create(
                    owner=user,
                    name=name,
                    status=status,
                    mentioned_by=interview.person,
                    interview=interview,
                )
            if interview.stage == Stage.THANKED:
                Person.objects.filter(pk=interview.person_id).update(keep_posted=True)
    # A chain of referrals: the first person led to the sixth, who led to the thirtieth.
    Person.objects.filter(pk=people[5].pk).update(referral_kind=ReferralKind.INTRODUCE)
    Person.objects.filter(pk=people[29].pk).update(
        referred_by=people[5],
        relationship=Relationship.REFERRAL,
        referral_kind=ReferralKind.MENTION,
    )


def _timeline_for(stage: str, start: datetime) -> list[tuple[str, datetime]]:
    road = [
        (Stage.REQUESTED, ActivityKind.REQUEST_SENT),
        (Stage.SCHEDULED, ActivityKind.REPLY_RECEIVED),
        (Stage.SCHEDULED, ActivityKind.SCHEDULED),
        (Stage.HELD, ActivityKind.HELD),
        (Stage.THANKED, ActivityKind.THANK_YOU_SENT),
    ]
    order = [
        s.value
        for s in (
            Stage.IDEA,
            Stage.RESEARCHING,
            Stage.REQUESTED,
            Stage.SCHEDULED,
            Stage.HELD,
            Stage.THANKED,
            Stage.CLOSED,
        )
    ]
    reached = order.index(stage) if stage in order else 2  # exits happened after a request
    events: list[tuple[str, datetime]] = [
        (kind, start + timedelta(days=2 * step + 1))
        for step, (needed, kind) in enumerate(road)
        if order.index(needed) <= reached
    ]
    if stage == Stage.NO_RESPONSE:
        events.append((ActivityKind.NUDGE_SENT, start + timedelta(days=9)))
    return events
