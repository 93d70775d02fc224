"""Rows of interviews (stages spread over the pipeline), activities (the timelines) and tasks."""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from random import Random

from bench import words
from bench.layout import Layout
from bench.people_rows import DAY, STAR, Contacts, first_and_last, past, weighted
from bench.writer import Row

STAGES = (
    "idea",
    "researching",
    "requested",
    "scheduled",
    "held",
    "thanked",
    "closed",
    "declined",
    "no_response",
    "cancelled",
)
STAGE_WEIGHTS = (15, 10, 15, 8, 7, 10, 20, 5, 8, 2)
STAR_STAGES = ("held", "thanked", "scheduled", "requested", "idea")
# The activity that brought an interview to its stage (the timeline's milestone).
MILESTONE = {
    "idea": "note",
    "researching": "note",
    "requested": "request_sent",
    "scheduled": "scheduled",
    "held": "held",
    "thanked": "thank_you_sent",
    "closed": "thank_you_sent",
    "declined": "request_sent",
    "no_response": "request_sent",
    "cancelled": "stage_changed",
}
INTERVIEW_KINDS = (
    ("request_sent", 25),
    ("nudge_sent", 10),
    ("reply_received", 20),
    ("scheduled", 15),
    ("rescheduled", 5),
    ("held", 10),
    ("thank_you_sent", 10),
    ("stage_changed", 5),
)
PERSON_KINDS = (("note", 60), ("update_sent", 20), ("intro_requested", 10), ("intro_made", 10))
MODES = (("video", 50), ("cafe", 25), ("workplace", 15), ("phone", 10))
TASK_KINDS = (
    ("custom", 20),
    ("research", 15),
    ("prepare", 15),
    ("nudge", 12),
    ("thank_you", 12),
    ("contact_another", 10),
    ("keep_posted", 8),
    ("thank_referrer", 8),
)
TASK_TITLES = {
    "research": "Read {first}'s latest talk before writing",
    "prepare": "Prepare 12 questions for {first}",
    "nudge": "Nudge {first} if there is no reply",
    "contact_another": "Contact the person {first} suggested",
    "thank_you": "Thank {first} within 24 hours",
    "keep_posted": "Tell {first} how the course is going",
    "thank_referrer": "Thank {first} for the introduction",
    "custom": "Send {first} the article we discussed",
}
TEXTS = {
    kind: tuple(text.format(topic=topic) for text in templates for topic in words.TOPICS)
    for kind, templates in words.ACTIVITY_TEXTS.items()
}


@dataclass
class InterviewPlan:
    """Per user: each interview's person (index), stage and time of the last stage change."""

    people: list[array[int]] = field(default_factory=list)
    stages: list[bytearray] = field(default_factory=list)
    changed: list[array[float]] = field(default_factory=list)


@dataclass(frozen=True)
class Pipeline:
    contacts: Contacts
    interviews: Layout
    activities: Layout
    tasks: Layout
    plan: InterviewPlan = field(default_factory=InterviewPlan)

    def make_plan(self) -> None:
        scale, now = self.contacts.scale, self.contacts.now.timestamp()
        for generator in self.contacts.streams("interview-plan"):
            people, stages, changed = array("q"), bytearray(), array("d")
            for index in range(scale.interviews):
                if index < len(STAR_STAGES):
                    person, stage = STAR, STAGES.index(STAR_STAGES[index])
                else:
                    person = generator.randrange(scale.people)
                    stage = generator.choices(range(len(STAGES)), STAGE_WEIGHTS)[0]
                # Requests are recent (some past the 7 business days of a nudge); the rest older.
                days = {2: 25.0, 3: 20.0}.get(stage, 400.0)
                people.append(person)
                stages.append(stage)
                changed.append(now - (1 + generator.random() * days) * DAY)
            self.plan.people.append(people)
            self.plan.stages.append(stages)
            self.plan.changed.append(changed)

    INTERVIEW_COLUMNS = (
        "id",
        "owner_id",
        "person_id",
        "topic",
        "stage",
        "duration_minutes",
        "scheduled_start",
        "time_zone",
        "mode",
        "location",
        "video_url",
        "outcome_notes",
        "stage_changed_at",
        "created_at",
        "updated_at",
    )

    def _start(self, generator: Random, stage: str, changed: datetime) -> datetime | None:
        now = self.contacts.now
        if stage == "scheduled":
            if generator.random() < 0.2:  # today, during the user's working hours
                today = now.replace(hour=13, minute=0, second=0, microsecond=0)
                return today + timedelta(hours=int(generator.random() * 9))
            return now + timedelta(days=1 + generator.random() * 20)
        if stage in ("held", "thanked", "closed"):
            return changed - timedelta(days=generator.random() * 2)
        if stage == "cancelled":
            return changed + timedelta(days=3)
        return None

    def interview_rows(self) -> Iterator[Row]:
        contacts = self.contacts
        streams = contacts.streams("interviews")
        for user, index in self.interviews.order():
            generator = streams[user]
            stage = STAGES[self.plan.stages[user][index]]
            changed = datetime.fromtimestamp(self.plan.changed[user][index], UTC)
            mode = weighted(generator, MODES)
            yield (
                self.interviews.id(user, index),
                contacts.users.id(user, 0),
                contacts.people.id(user, self.plan.people[user][index]),
                generator.choice(words.TOPICS),
                stage,
                generator.choice((15, 20, 20, 20, 30)),
                self._start(generator, stage, changed),
                generator.choice(words.TIME_ZONES),
                mode,
                f"Café near the {generator.choice(words.LOCATIONS)} office"
                if mode in ("cafe", "workplace")
                else "",
                f"https://meet.example.com/bench-{user}-{index}" if mode == "video" else "",
                generator.choice(words.NOTES) if stage in ("held", "thanked", "closed") else "",
                changed,
                changed - timedelta(days=generator.random() * 30),
                changed,
            )

    ACTIVITY_COLUMNS = ("id", "owner_id", "kind", "at", "interview_id", "person_id", "text")

    def activity_rows(self) -> Iterator[Row]:
        contacts, scale = self.contacts, self.contacts.scale
        streams = contacts.streams("activities")
        star_interviews = min(len(STAR_STAGES), scale.interviews)
        for user, index in self.activities.order():
            generator = streams[user]
            people, stages, changed = (
                self.plan.people[user],
                self.plan.stages[user],
                self.plan.changed[user],
            )
            interview: int | None
            milestone = index - scale.star_activities
            if index < scale.star_activities:  # the star's long timeline
                person = STAR
                interview = (
                    generator.randrange(star_interviews) if generator.random() < 0.5 else None
                )
                kind = weighted(
                    generator, INTERVIEW_KINDS if interview is not None else PERSON_KINDS
                )
                at = past(generator, contacts.now, 700)
            elif milestone < scale.interviews:  # each interview's latest step
                interview = milestone
                person = people[interview]
                kind = MILESTONE[STAGES[stages[interview]]]
                at = datetime.fromtimestamp(changed[interview], UTC)
            elif generator.random() < 0.6:  # an earlier step of an interview
                interview = generator.randrange(scale.interviews)
                person = people[interview]
                kind = weighted(generator, INTERVIEW_KINDS)
                at = datetime.fromtimestamp(changed[interview] - generator.random() * 30 * DAY, UTC)
            else:  # a note or an update about a person
                interview, person = None, generator.randrange(scale.people)
                kind = weighted(generator, PERSON_KINDS)
                at = past(generator, contacts.now, 700)
            yield (
                self.activities.id(user, index),
                contacts.users.id(user, 0),
                kind,
                at,
                None if interview is None else self.interviews.id(user, interview),
                contacts.people.id(user, person),
                generator.choice(TEXTS[kind]),
            )

    TASK_COLUMNS = (
        "id",
        "owner_id",
        "kind",
        "title",
        "due_at",
        "done",
        "done_at",
        "dismissed",
        "interview_id",
        "person_id",
        "notes",
        "created_at",
    )

    def task_rows(self) -> Iterator[Row]:
        contacts, scale, now = self.contacts, self.contacts.scale, self.contacts.now
        streams = contacts.streams("tasks")
        for user, index in self.tasks.order():
            generator = streams[user]
            interview: int | None = None
            kind = weighted(generator, TASK_KINDS)
            if index < 3:  # the star's open tasks: yesterday, today, tomorrow
                person, done, due = STAR, False, now + timedelta(days=index - 1)
            else:
                if generator.random() < 0.5:
                    interview = generator.randrange(scale.interviews)
                    person = self.plan.people[user][interview]
                else:
                    person = generator.randrange(scale.people)
                done = generator.random() < 0.35
                due = now + timedelta(days=generator.random() * 31 - 10)
            due_at = None if index >= 3 and generator.random() < 0.05 else due
            first, _ = first_and_last(contacts.first_user + user, person)
            yield (
                self.tasks.id(user, index),
                contacts.users.id(user, 0),
                kind,
                TASK_TITLES[kind].format(first=words.FIRST_NAMES[first]),
                due_at,
                done,
                due - timedelta(hours=generator.random() * 48) if done else None,
                done and generator.random() < 0.1,
                None if interview is None else self.interviews.id(user, interview),
                contacts.people.id(user, person),
                generator.choice(words.NOTES) if generator.random() < 0.1 else "",
                due - timedelta(days=1 + generator.random() * 30),
            )
