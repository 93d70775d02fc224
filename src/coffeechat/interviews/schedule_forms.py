"""The scheduling form: up to three proposed slots, shown in their time zone and yours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from coffeechat.core.timezones import time_zone_names
from coffeechat.interviews.calendar import zone_of
from coffeechat.interviews.models import Interview, Mode
from coffeechat.interviews.scheduling import local_datetime
from coffeechat.playbook.timing import MAX_SLOTS, ScheduleIssue, check_schedule
from coffeechat.playbook.timing import parse_duration_minutes as parse_duration

PRESET_MINUTES = (15, 20, 30)
OTHER = "other"
SLOT_NUMBERS = tuple(range(1, MAX_SLOTS + 1))
THEIRS = "their time"
YOURS = "your time"


class LocalDateTimeField(forms.Field):
    """A wall-clock date and time without a time zone; the form's time zone field says which.

    (Django's DateTimeField reads it in the user's own zone, and refuses times that zone skips.)
    """

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    default_error_messages = {
        "invalid": "Enter a date and time, like 2027-03-16 10:00.",
        "out_of_range": "Enter a date between the years %(first)s and %(last)s.",
    }
    # Far from the calendar's ends: a time zone or the call's length added to year 1 or 9999
    # overflows (a 500, found by fuzzing).
    years = (1900, 2999)

    def to_python(self, value: Any) -> datetime | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value.replace(tzinfo=None)
        try:
            parsed = datetime.fromisoformat(str(value).strip().replace(" ", "T", 1))
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if parsed.tzinfo is not None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        first, last = self.years
        if not first <= parsed.year <= last:
            raise ValidationError(
                self.error_messages["out_of_range"],
                code="out_of_range",
                params={"first": first, "last": last},
            )
        return parsed.replace(second=0, microsecond=0)


@dataclass(frozen=True)
class ZoneTime:
    label: str  # "their time", "your time"
    zone: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class SlotRow:
    number: int
    times: list[ZoneTime]


def zone_times(start: datetime, minutes: int, zones: list[tuple[str, str]]) -> list[ZoneTime]:
    """One slot in each (label, zone name); the end is elapsed time, right across clock changes."""
    end = start.astimezone(UTC) + timedelta(minutes=minutes)
    return [
        ZoneTime(label, name, start.astimezone(zone_of(name)), end.astimezone(zone_of(name)))
        for label, name in zones
    ]


def _slot_field(number: int) -> str:
    return f"slot_{number}"


class ScheduleForm(forms.Form):
    time_zone = forms.ChoiceField(
        label="Time zone of the slots",
        help_text="Theirs, usually: the times are typed as their clock shows them.",
        error_messages={
            "invalid_choice": "%(value)s is not a known time zone; use a name like Europe/Paris "
            "or America/Toronto.",
            "required": "Choose the time zone the slots are in.",
        },
    )
    slot_1 = LocalDateTimeField(label="Slot 1", required=False)
    slot_2 = LocalDateTimeField(label="Slot 2", required=False)
    slot_3 = LocalDateTimeField(label="Slot 3", required=False)
    duration = forms.ChoiceField(
        label="Agreed duration",
        choices=[(str(m), f"{m} minutes") for m in PRESET_MINUTES] + [(OTHER, "Other length")],
        widget=forms.RadioSelect,
        help_text="Ask for 15–20 minutes, and stick to what they agreed to (P14).",
    )
    duration_other = forms.CharField(
        label="Other length", required=False, max_length=20, help_text="Like 45, 45 min or 1h."
    )
    longer_agreed = forms.BooleanField(label="They agreed to more than 30 minutes", required=False)
    mode = forms.ChoiceField(
        label="Where",
        choices=Mode.choices,
        widget=forms.RadioSelect,
        help_text="In order of preference: their workplace, a café nearby, video, phone (P13). "
        "At a café, you pay for the coffee (P21).",
    )
    location = forms.CharField(label="Place", required=False, max_length=300)
    video_url = forms.URLField(
        label="Video link", required=False, max_length=500, assume_scheme="https"
    )

    def __init__(
        self, data: Any = None, *, interview: Interview, user_time_zone: str, **kwargs: Any
    ) -> None:
        super().__init__(data, initial=self._initial(interview, user_time_zone), **kwargs)
        self.interview = interview
        self.user_time_zone = user_time_zone or "UTC"
        self.fields["time_zone"].choices = [(n, n) for n in time_zone_names()]  # type: ignore[attr-defined]
        self.slots: dict[int, datetime] = {}
        self.duration_minutes: int | None = None

    @staticmethod
    def _initial(interview: Interview, user_time_zone: str) -> dict[str, Any]:
        zone = interview.time_zone or interview.person.time_zone or user_time_zone or "UTC"
        minutes = interview.duration_minutes
        preset = minutes in PRESET_MINUTES
        initial: dict[str, Any] = {
            "time_zone": zone,
            "duration": str(minutes) if preset else OTHER,
            "duration_other": "" if preset else str(minutes),
            "longer_agreed": minutes > max(PRESET_MINUTES),
            "mode": interview.mode,
            "location": interview.location,
            "video_url": interview.video_url,
        }
        if interview.scheduled_start is not None:
            local = interview.scheduled_start.astimezone(zone_of(zone))
            initial["slot_1"] = local.replace(tzinfo=None)
        return initial

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        choice = data.get("duration")
        if choice == OTHER:
            text = data.get("duration_other", "")
            if not text.strip():
                self.add_error("duration_other", "Give the agreed length, like 45 min.")
            else:
                try:
                    self.duration_minutes = parse_duration(text)
                except ValueError as error:
                    self.add_error("duration_other", str(error))
        elif choice:
            self.duration_minutes = int(choice)
        zone = data.get("time_zone")
        if zone:
            for number in SLOT_NUMBERS:
                wall = data.get(_slot_field(number))
                if wall is None:
                    continue
                try:
                    self.slots[number] = local_datetime(wall, zone)
                except ValueError as error:
                    self.add_error(_slot_field(number), str(error))
        return data

    @property
    def duration_field(self) -> str:
        """Where a duration error goes: next to the length that was typed or chosen."""
        return "duration_other" if self.data.get("duration") == OTHER else "duration"

    def check(self, *, now: datetime, request_sent_at: datetime | None) -> list[ScheduleIssue]:
        """Check every proposed slot (P11, P14): errors go next to their field; warnings are
        returned. Call after ``is_valid()``."""
        numbers = sorted(self.slots)
        issues = check_schedule(
            [self.slots[n] for n in numbers],
            now=now,
            duration_minutes=self.duration_minutes or 0,
            request_sent_at=request_sent_at,
            longer_agreed=bool(self.cleaned_data.get("longer_agreed")),
        )
        for issue in issues:
            if issue.level != "error":
                continue
            if issue.field.startswith("slots["):
                field = _slot_field(numbers[int(issue.field[6:-1])])
            elif issue.field == "slots":
                field = _slot_field(1)
            else:
                field = self.duration_field
            self.add_error(field, issue.message)
        return [issue for issue in issues if issue.level == "warning"]

    def add_service_errors(self, error: ValidationError, slot: int) -> None:
        """Put the errors of ``schedule_interview`` next to the fields they name."""
        fields = {
            "start": _slot_field(slot),
            "duration_minutes": self.duration_field,
            "time_zone": "time_zone",
            "mode": "mode",
            "location": "location",
            "video_url": "video_url",
        }
        if not hasattr(error, "error_dict"):
            self.add_error(None, error.messages)
            return
        for name, messages in error.message_dict.items():
            self.add_error(fields.get(name), messages)

    def zones(self) -> list[tuple[str, str]]:
        """Their time zone and yours (both always shown), and the slots' own zone if neither."""
        cleaned = getattr(self, "cleaned_data", {})
        typed = str(cleaned.get("time_zone") or self.initial["time_zone"])
        theirs = self.interview.person.time_zone or typed
        zones = [(THEIRS, theirs), (YOURS, self.user_time_zone)]
        if typed not in (theirs, self.user_time_zone):
            zones.insert(0, ("as typed", typed))
        return zones

    def slot_rows(self) -> list[SlotRow]:
        minutes = self.duration_minutes or self.interview.duration_minutes
        zones = self.zones()
        return [
            SlotRow(number, zone_times(start, minutes, zones))
            for number, start in sorted(self.slots.items())
        ]

    def proposal_text(self) -> str:
        """The slots in their time, to paste into a reply (P12: make it easy for them)."""
        rows = self.slot_rows()
        if not rows:
            return ""
        theirs = next(time for time in rows[0].times if time.label == THEIRS)
        lines = [f"Would one of these times work for you ({theirs.zone})?"]
        for row in rows:
            time = next(time for time in row.times if time.label == THEIRS)
            lines.append(f"- {time.start:%A %d %B, %H:%M}–{time.end:%H:%M}")
        lines.append("I'm happy to work around your schedule, and I'll send the invite.")
        return "\n".join(lines)
