"""What every API module shares: ownership lookups, patching and error shapes."""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime
from typing import Annotated, Any, TypeVar

from django.contrib.auth.models import User
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.http import HttpRequest
from ninja import Field, Query, Schema
from ninja import errors as ninja_errors
from ninja.pagination import PageNumberPagination
from pydantic import AfterValidator, AwareDatetime

M = TypeVar("M", bound=models.Model)

# Model field names that the API spells with an _id suffix.
_ID_FIELDS = {"organization", "person", "interview", "referred_by"}

# The largest id a database column can hold: a bigger number in a query crashes the query (500).
MAX_ID = 2**63 - 1
MAX_PAGE = 10**9

# The default of an id filter in the query string (`person_id: int | None = ID_FILTER`):
# a positive id the database can compare. (A default, not an Annotated alias: @paginate's wrapper
# resolves string annotations in ninja's globals, where an alias from here is unknown.)
ID_FILTER: Any = Query(None, ge=1, le=MAX_ID)  # type: ignore[type-arg]


def refuse_nul(request: HttpRequest) -> None:
    """422 for a NUL character anywhere in the query string or the JSON body, naming where.

    PostgreSQL can neither store nor compare text holding one: unchecked, a NUL in any field or
    filter was a 500 there (found by tests/api/test_schema_conformance.py).
    """
    found: list[list[str | int]] = [
        ["query", key] for key, values in request.GET.lists() if "\x00" in key + "".join(values)
    ]
    # Only JSON's escaped form can hold one (a raw NUL makes the body unreadable: ninja's 400).
    if b"\\u0000" in request.body:
        with contextlib.suppress(ValueError):  # not JSON: ninja answers 400 itself
            found += _nul_locations(json.loads(request.body), ["body"])
    if found:
        message = "Text cannot contain the NUL character (\\u0000)."
        raise ninja_errors.ValidationError(
            [{"loc": where, "msg": message, "type": "value_error"} for where in found]
        )


def _nul_locations(value: object, loc: list[str | int]) -> list[list[str | int]]:
    if isinstance(value, str):
        return [loc] if "\x00" in value else []
    if isinstance(value, dict):
        found = [[*loc, str(key)] for key in value if "\x00" in str(key)]
        for key, item in value.items():
            found += _nul_locations(item, [*loc, str(key)])
        return found
    if isinstance(value, list):
        return [where for n, item in enumerate(value) for where in _nul_locations(item, [*loc, n])]
    return []


def _in_utc(value: datetime) -> datetime:
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise ValueError("This time is out of range once converted to UTC.") from None


# A time with its offset, kept in UTC (as the database does anyway): PostgreSQL refuses offsets
# beyond ±15:59 that ISO 8601 and Python allow, which was a 500 (tests/api/test_schema_conformance).
Instant = Annotated[AwareDatetime, AfterValidator(_in_utc)]


class Pages(PageNumberPagination):
    """django-ninja's page-number pagination, with a page number the database can offset to."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1)


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


def patch_data(payload: Schema, model: type[models.Model]) -> dict[str, Any]:
    """The fields a PATCH sets, refusing null for a field the model cannot store as null."""
    data = payload.dict(exclude_unset=True)
    errors: dict[str, str] = {}
    for name, value in data.items():
        if value is not None:
            continue
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if field.concrete and not field.many_to_many and not field.null:
            errors[field.name] = "This field cannot be null; leave it out to keep its value."
    if errors:
        raise ValidationError(errors)
    return data


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
