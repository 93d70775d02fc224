from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from coffeechat.core.limits import note_limit
from coffeechat.core.timezones import validate_time_zone
from coffeechat.core.validators import validate_email_list, validate_phone_list


class Organization(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organizations"
    )
    name = models.CharField(max_length=200)
    website = models.URLField(max_length=500, blank=True)
    industry = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    research_notes = models.TextField(blank=True, validators=note_limit())
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["owner", "name"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organization", args=[self.pk])


class Tag(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tags"
    )
    name = models.CharField(max_length=50)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="unique_tag_per_owner")
        ]

    def __str__(self) -> str:
        return self.name


class Relationship(models.TextChoices):
    FRIEND = "friend", "Friend"
    COLLEAGUE = "colleague", "Colleague"
    ALUMNI = "alumni", "Alumni"
    SHARED_GROUP = "shared_group", "Shared group"
    MET_AT_EVENT = "met_at_event", "Met at an event"
    REFERRAL = "referral", "Referral"
    NEW_CONNECTION = "new_connection", "New connection"


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    PROFESSIONAL_NETWORK = "professional_network", "Professional network message"
    PHONE = "phone", "Phone"
    MESSAGE = "message", "Message"
    IN_PERSON = "in_person", "In person"


class HiringPower(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    UNKNOWN = "unknown", "Unknown"


class ReferralKind(models.TextChoices):
    INTRODUCE = "introduce", "They will introduce us"
    MENTION = "mention", "I may mention their name"


class Person(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="people"
    )
    name = models.CharField(max_length=200)
    title = models.CharField(max_length=200, blank=True)
    organization = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="people"
    )
    location = models.CharField(max_length=200, blank=True)
    time_zone = models.CharField(max_length=64, blank=True, validators=[validate_time_zone])
    emails = models.JSONField(default=list, blank=True, validators=[validate_email_list])
    phones = models.JSONField(default=list, blank=True, validators=[validate_phone_list])
    profile_url = models.URLField(max_length=500, blank=True)
    relationship = models.CharField(
        max_length=20, choices=Relationship.choices, default=Relationship.NEW_CONNECTION
    )
    relationship_context = models.CharField(
        max_length=300,
        blank=True,
        help_text="How you know them: “we met at…”, “both in the … association”.",
    )
    relationship_since = models.DateField(null=True, blank=True)
    preferred_channel = models.CharField(
        max_length=24, choices=Channel.choices, default=Channel.EMAIL
    )
    hiring_power = models.CharField(
        max_length=8, choices=HiringPower.choices, default=HiringPower.UNKNOWN
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="people")
    what_they_do = models.TextField(
        blank=True,
        validators=note_limit(),
        help_text="What they work on, as a phrase: “research for the booking service” (P2, P3).",
    )
    what_they_have_done = models.TextField(
        blank=True,
        validators=note_limit(),
        help_text="What they did, as a phrase: “gave a talk on inclusive research” (P2, P3).",
    )
    referred_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="referrals"
    )
    referral_kind = models.CharField(
        "how the referrer helps", max_length=10, choices=ReferralKind.choices, blank=True
    )
    postal_address = models.TextField(
        blank=True,
        validators=note_limit(),
        help_text="For a handwritten thank-you note sent by post (P23).",
    )
    # P24: they asked to be kept posted; the reminder recurs every ``keep_posted_weeks`` after the
    # latest real interaction. Turning it off dismisses the cadence for this person only.
    keep_posted = models.BooleanField("keep them posted", default=False)
    keep_posted_weeks = models.PositiveSmallIntegerField(
        "every (weeks)", default=6, validators=[MinValueValidator(1), MaxValueValidator(52)]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["owner", "name"]),
            models.Index(fields=["owner", "organization"]),
            models.Index(fields=["owner", "relationship"]),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("person", args=[self.pk])

    def clean(self) -> None:
        # Forms limit the choices already; this guards the API and services too.
        errors: dict[str, str] = {}
        if (
            self.organization_id
            and not Organization.objects.filter(
                pk=self.organization_id, owner_id=self.owner_id
            ).exists()
        ):
            errors["organization"] = "No such organization."
        if self.referred_by_id:
            if not Person.objects.filter(pk=self.referred_by_id, owner_id=self.owner_id).exists():
                errors["referred_by"] = "No such person."
            elif self.pk and self.referred_by_id == self.pk:
                errors["referred_by"] = "A person cannot refer themselves."
        if errors:
            raise ValidationError(errors)

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.split() else self.name

    @property
    def primary_email(self) -> str:
        return self.emails[0] if self.emails else ""
