"""Preparation: the user's question bank, each interview's question plan, research and pitch."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from coffeechat.core.limits import MAX_PITCH_CHARACTERS, MaxCharacters, note_limit
from coffeechat.interviews.models import Interview
from coffeechat.playbook.question_types import Category, Phase, Tiara

MAX_TAGS = 10
MAX_TAG_LENGTH = 40


class QuestionCategory(models.TextChoices):
    PATH = Category.PATH.value, "Their path and story"
    ROLE = Category.ROLE.value, "The role and a typical day"
    ORGANIZATION = Category.ORGANIZATION.value, "The organization and its culture"
    INDUSTRY = Category.INDUSTRY.value, "The industry and its trends"
    ADVICE = Category.ADVICE.value, "Advice"
    NEXT_STEPS = Category.NEXT_STEPS.value, "Resources and next steps"
    CAREER_CHANGE = Category.CAREER_CHANGE.value, "Career change: transferable skills and gaps"


class QuestionTiara(models.TextChoices):
    TRENDS = Tiara.TRENDS.value, "Trends"
    INSIGHTS = Tiara.INSIGHTS.value, "Insights"
    ADVICE = Tiara.ADVICE.value, "Advice"
    RESOURCES = Tiara.RESOURCES.value, "Resources"
    ASSIGNMENTS = Tiara.ASSIGNMENTS.value, "Assignments"


class QuestionPhase(models.TextChoices):
    SMALL_TALK = Phase.SMALL_TALK.value, "Small talk"
    QUESTIONS = Phase.QUESTIONS.value, "Questions"
    NEXT_STEPS = Phase.NEXT_STEPS.value, "Next steps"


def validate_tags(value: object) -> None:
    if not isinstance(value, list) or not all(isinstance(tag, str) for tag in value):
        raise ValidationError("Tags must be a list of words.")
    if len(value) > MAX_TAGS:
        raise ValidationError(f"At most {MAX_TAGS} tags, got {len(value)}.")
    for tag in value:
        if not tag.strip():
            raise ValidationError("A tag cannot be empty.")
        if len(tag) > MAX_TAG_LENGTH:
            raise ValidationError(f"The tag “{tag[:20]}…” is longer than {MAX_TAG_LENGTH}.")


class Question(models.Model):
    """A question in one user's bank: a copy of a built-in question (``key`` set) or their own."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="questions"
    )
    # The built-in question this row started from; blank for the user's own questions.
    key = models.CharField(max_length=64, blank=True)
    text = models.CharField(
        max_length=500,
        help_text="Placeholders {organization}, {their_role}, {topic} and {their_work} are "
        "filled from the interview (P16).",
    )
    category = models.CharField(
        max_length=16, choices=QuestionCategory.choices, default=QuestionCategory.ROLE
    )
    tiara = models.CharField(
        "TIARA", max_length=12, choices=QuestionTiara.choices, default=QuestionTiara.INSIGHTS
    )
    phase = models.CharField(
        max_length=12, choices=QuestionPhase.choices, default=QuestionPhase.QUESTIONS
    )
    minutes = models.FloatField(
        default=1.5,
        validators=[MinValueValidator(0.5), MaxValueValidator(30)],
        help_text="About how long it takes to ask and hear the answer.",
    )
    fits_15 = models.BooleanField("suits a 15-minute call", default=True)
    starred = models.BooleanField(default=False)
    tags = models.JSONField(default=list, blank=True, validators=[validate_tags])
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["owner", "category"]),
            models.Index(fields=["owner", "starred"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "key"],
                condition=~models.Q(key=""),
                name="unique_bank_key_per_owner",
            )
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def is_own(self) -> bool:
        return not self.key


class PlanEntry(models.Model):
    """One question in an interview's plan, in order; live-mode notes are kept with it."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="plan_entries")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="plan_entries")
    position = models.PositiveSmallIntegerField(default=0)
    pinned = models.BooleanField(
        default=False, help_text="Must ask: always kept within the time (P15)."
    )
    notes = models.TextField(blank=True, validators=note_limit())
    notes_updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "question"], name="unique_question_per_plan"
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}: {self.question.text}"


class RightPerson(models.TextChoices):
    UNSURE = "", "Not checked yet"
    YES = "yes", "Yes, they are the right person"
    NO = "no", "No, look for someone else"


class Preparation(models.Model):
    """The research checklist and objectives for one interview (P1-P3, P18)."""

    interview = models.OneToOneField(
        Interview, on_delete=models.CASCADE, primary_key=True, related_name="preparation"
    )
    why_them = models.TextField(
        blank=True, validators=note_limit(), help_text="Why this person, not someone else (P2, P3)."
    )
    already_public = models.TextField(
        blank=True,
        validators=note_limit(),
        help_text="What is already public about them and their organization, so you don't ask "
        "it (P16).",
    )
    right_person = models.CharField(
        "the right person?", max_length=3, choices=RightPerson.choices, blank=True, default=""
    )
    objectives = models.TextField(
        blank=True,
        validators=note_limit(),
        help_text="What you want to come away with from this conversation.",
    )
    # When the plan was first built: an emptied plan is not rebuilt behind the user's back.
    plan_built_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Preparation for {self.interview}"


class Pitch(models.Model):
    """One version of the user's elevator pitch (P18); the newest is the current one."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pitches"
    )
    text = models.TextField(validators=[MaxCharacters(MAX_PITCH_CHARACTERS)])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "-created_at"])]
        verbose_name_plural = "pitches"

    def __str__(self) -> str:
        return self.text[:60]
