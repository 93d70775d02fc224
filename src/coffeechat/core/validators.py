from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

_PHONE = re.compile(r"^\+?[0-9 ().\-/]{3,40}(?:\s*(?:x|ext\.?)\s*\d{1,6})?$", re.IGNORECASE)


def validate_email_list(value: Any) -> None:
    if not isinstance(value, list):
        raise ValidationError("Emails must be a list of addresses.", code="invalid_list")
    for item in value:
        if not isinstance(item, str):
            raise ValidationError("Each email must be text.", code="invalid_list")
        try:
            validate_email(item)
        except ValidationError:
            raise ValidationError(
                "%(value)s is not a valid email address.",
                params={"value": item},
                code="invalid_list",
            ) from None


def validate_phone_list(value: Any) -> None:
    if not isinstance(value, list):
        raise ValidationError("Phones must be a list of numbers.", code="invalid_list")
    for item in value:
        if not isinstance(item, str) or not _PHONE.match(item.strip()):
            raise ValidationError(
                "%(value)s is not a phone number (digits, spaces, + ( ) - . allowed).",
                params={"value": item},
                code="invalid_list",
            )
