"""What every API module shares: ownership lookups, patching and error shapes."""

from __future__ import annotations

from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest

M = TypeVar("M", bound=models.Model)

# Model field names that the API spells with an _id suffix.
_ID_FIELDS = {"organization", "person", "interview", "referred_by"}


def request_user(request: HttpRequest) -> User:
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user


def owned(model: type[M], user: User, pk: int | None, field: str) -> M | None:
    """Resolve an id given in a request body: another user's id is reported like a missing one."""
    if pk is None:
        return None
    obj = model._default_manager.filter(pk=pk, owner=user).first()
    if obj is None:
        raise ValidationError({field: f"No such {model._meta.verbose_name} with id {pk}."})
    return obj


def apply(obj: models.Model, data: dict[str, Any]) -> None:
    for name, value in data.items():
        setattr(obj, name, value)


def validation_details(error: ValidationError) -> list[dict[str, Any]]:
    """The shape of ninja's own 422 answers: one entry per field, the field named in `loc`."""
    if hasattr(error, "error_dict"):
        return [
            {
                "loc": ["body", f"{field}_id" if field in _ID_FIELDS else field],
                "msg": " ".join(messages),
                "type": "value_error",
            }
            for field, messages in error.message_dict.items()
        ]
    return [{"loc": ["body"], "msg": " ".join(error.messages), "type": "value_error"}]
