from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime
from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.utils import timezone

from coffeechat.core.forms import formfield
from coffeechat.core.timezones import time_zone_names
from coffeechat.interviews.models import Activity, ActivityKind, Interview, Stage
from coffeechat.people.models import Person

_LOCAL = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class WallClockField(forms.DateTimeField):
    """A date and time as typed, without a time zone: the form decides which zone it is in.

    Django's field would read it in the user's time zone, refusing a time that only the user's
    zone skips (a daylight-saving gap) although it exists where the interview happens.
    """

    def to_python(self, value: Any) -> datetime | None:
        with timezone.override(UTC):
            result = super().to_python(value)
        return result.replace(tzinfo=None) if result else None


class InterviewForm(forms.ModelForm):  # type: ignore[type-arg]
    """The scheduled start is typed as a wall-clock time in the interview's time zone."""

    scheduled_local = WallClockField(
        required=False,
        label="Scheduled start",
        widget=_LOCAL,
        help_text="In the time zone below (theirs, when you meet them where they are).",
    )
    time_zone = forms.ChoiceField(required=False)

    class Meta:
        formfield_callback = formfield
        model = Interview
        fields = [
            "person",
            "topic",
            "stage",
            "duration_minutes",
            "time_zone",
            "mode",
            "location",
            "video_url",
            "outcome_notes",
        ]
        labels = {
            "topic": "Goal",
            "duration_minutes": "Agreed duration (minutes)",
            "video_url": "Video link",
            "location": "Place",
        }
        widgets = {"outcome_notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner
        self.fields["person"].queryset = Person.objects.filter(owner=owner)  # type: ignore[attr-defined]
        self.fields["time_zone"].choices = [("", "My time zone")] + [  # type: ignore[attr-defined]
            (name, name) for name in time_zone_names()
        ]
        self.fields[
            "mode"
        ].help_text = "In order of preference: their workplace, a café nearby, video, phone (P13)."
        start = self.instance.scheduled_start
        if start:
            zone = zoneinfo.ZoneInfo(self.instance.time_zone) if self.instance.time_zone else None
            self.initial["scheduled_local"] = timezone.localtime(start, zone).replace(tzinfo=None)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        local = data.get("scheduled_local")
        if local is not None:
            name = data.get("time_zone") or ""
            zone = zoneinfo.ZoneInfo(name) if name else timezone.get_current_timezone()
            start = local.replace(tzinfo=zone)
            if start.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != local:
                self.add_error(
                    "scheduled_local",
                    f"{local:%Y-%m-%d %H:%M} does not exist in {zone}: the clocks skip it.",
                )
            self.instance.scheduled_start = start
        else:
            self.instance.scheduled_start = None
        return data


class ActivityForm(forms.ModelForm):  # type: ignore[type-arg]
    at = forms.DateTimeField(label="When", widget=_LOCAL, initial=timezone.localtime)

    class Meta:
        formfield_callback = formfield
        model = Activity
        fields = ["kind", "at", "text", "person", "interview"]
        labels = {"kind": "What happened", "text": "Notes"}
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "person": forms.HiddenInput,
            "interview": forms.HiddenInput,
        }

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner
        self.fields["person"].queryset = Person.objects.filter(owner=owner)  # type: ignore[attr-defined]
        self.fields["interview"].queryset = Interview.objects.filter(owner=owner)  # type: ignore[attr-defined]
        self.fields["kind"].choices = [  # type: ignore[attr-defined]
            c for c in ActivityKind.choices if c[0] != ActivityKind.STAGE_CHANGED
        ]


class StageForm(forms.Form):
    stage = forms.ChoiceField(choices=Stage.choices)
