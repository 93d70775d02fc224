from __future__ import annotations

from typing import Any

from django import forms
from django.db import models


def formfield(field: models.Field[Any, Any], **kwargs: Any) -> forms.Field | None:
    """ModelForm field builder: links typed without a scheme are https (Django 6's default)."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)
