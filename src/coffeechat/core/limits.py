"""How much coffeechat accepts in one go; docs/reliability.md ("Limits") lists them for users.

Free text is capped so that one paste cannot fill the database or make every page that shows it
slow; the caps sit far above what a person types (20,000 characters is about eight printed
pages). They are model validators, so forms, the API, services and the JSON import all refuse the
same thing with the same message, and the field it belongs to.
"""

from __future__ import annotations

import math
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import BaseValidator
from django.utils.deconstruct import deconstructible

MAX_NOTE_CHARACTERS = 20_000  # every notes-like text field: research, insights, activity text…
MAX_PITCH_CHARACTERS = 5_000  # an elevator pitch is spoken in under a minute (P18)
MEGABYTE = 1024 * 1024
MAX_UPLOAD_BYTES = 10 * MEGABYTE  # an imported file (LinkedIn, Google, vCard, JSON)
# A request body other than an uploaded file: Django's own default, kept explicit. It holds a
# whole form of notes at their limit, and refuses a flood before anything parses it.
MAX_REQUEST_BYTES = 2_621_440  # 2.5 MB
MAX_REQUEST_FIELDS = 1_000  # form fields in one request (Django's default)


def megabytes(size: int) -> str:
    """“50 MB”, “10.1 MB”: rounded up, so a file just over a limit never reads as equal to it."""
    tenths = math.ceil(size * 10 / MEGABYTE)
    return f"{tenths // 10} MB" if tenths % 10 == 0 else f"{tenths / 10:.1f} MB"


@deconstructible
class MaxCharacters(BaseValidator):
    """At most ``limit_value`` characters, with the count in the message (“20,000”)."""

    code = "max_length"

    def __call__(self, value: Any) -> None:
        length = len(value)
        if length > self.limit_value:
            raise ValidationError(
                f"At most {self.limit_value:,} characters fit here; this text has {length:,}.",
                code=self.code,
                params={"limit_value": self.limit_value, "show_value": length},
            )


def note_limit() -> list[MaxCharacters]:
    """The validators of a notes-like ``TextField``."""
    return [MaxCharacters(MAX_NOTE_CHARACTERS)]
