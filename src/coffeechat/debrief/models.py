"""The conversation itself and what was learned from it (P20-P22, P26-P28)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from coffeechat.core.limits import note_limit
from coffeechat.interviews.models import Interview
from coffeechat.people.models import Person


class YesNo(models.TextChoices):
    UNKNOWN = "", "Not asked"
    YES = "yes", "Yes"
    NO = "no", "No"


class Debrief(models.Model):
    """The real start and end of the conversation and the notes taken right after it."""

    interview = models.OneToOneField(
        Interview, on_delete=models.CASCADE, primary_key=True, related_name="debrief"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # Minutes the other person offered beyond the agreed time (P14: only they may extend it).
    extended_minutes = models.PositiveSmallIntegerField(default=0)
    insights = models.TextField("insights and advice heard", blank=True, validators=note_limit())
    memorable = models.CharField(
        "a specific thing they said",
        max_length=500,
        blank=True,
        help_text="Quoted in the thank-you note (P23).",
    )
    next_step = models.CharField(
        "the next step you will take",
        max_length=300,
        blank=True,
        help_text="As a phrase: “read the book they recommended”.",
    )
    fit_score = models.PositiveSmallIntegerField(
        "how the field fits you (1-5)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    fit_line = models.CharField("how you felt about the field", max_length=300, blank=True)
    # The comparison matrix of careers explored (P26) lines these up across conversations.
    likes = models.TextField("what they like about the work", blank=True, validators=note_limit())
    challenges = models.TextField("what they find hard", blank=True, validators=note_limit())
    entry_path = models.TextField(
        "how people get into the field", blank=True, validators=note_limit()
    )
    may_contact_again = models.CharField(
        "may you contact them again?", max_length=3, choices=YesNo.choices, blank=True, default=""
    )
    offered_keep_in_touch = models.BooleanField("they asked to be kept posted", default=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Debrief of {self.interview}"


class ResourceKind(models.TextChoices):
    BOOK = "book", "Book"
    WEBSITE = "website", "Website"
    ASSOCIATION = "association", "Professional association"
    COURSE = "course", "Course"
    EVENT = "event", "Event"
    OTHER = "other", "Other"


class Resource(models.Model):
    """Something recommended in a conversation: a book, a website, an association (P22)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="resources"
    )
    kind = models.CharField(max_length=12, choices=ResourceKind.choices, default=ResourceKind.OTHER)
    title = models.CharField(max_length=300)
    url = models.URLField(max_length=500, blank=True)
    notes = models.TextField(blank=True, validators=note_limit())
    recommended_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="resources"
    )
    interview = models.ForeignKey(
        Interview, on_delete=models.SET_NULL, null=True, blank=True, related_name="resources"
    )
    # Read, joined or attended: the resources library ticks them off.
    done = models.BooleanField("read / joined", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "-created_at"])]

    def __str__(self) -> str:
        return self.title


class SkillStatus(models.TextChoices):
    # The skills map of P27: a transferable skill, one being learned, or a gap to close.
    HAVE = "have", "Have (transferable)"
    LEARNING = "learning", "Learning"
    TO_LEARN = "to_learn", "Gap"


class Skill(models.Model):
    """A skill mentioned as needed in the field, for the career-change skills map (P27)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skills"
    )
    name = models.CharField(max_length=100)
    status = models.CharField(
        max_length=8, choices=SkillStatus.choices, default=SkillStatus.TO_LEARN
    )
    mentioned_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="skills_mentioned"
    )
    interview = models.ForeignKey(
        Interview, on_delete=models.SET_NULL, null=True, blank=True, related_name="skills"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["owner", "name"])]

    def __str__(self) -> str:
        return self.name
