"""Small helpers shared by the views."""

from __future__ import annotations

from typing import TypeVar

from django.contrib.auth.models import User
from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet
from django.http import HttpRequest

PAGE_SIZE = 50
M = TypeVar("M", bound=Model)


def user_of(request: HttpRequest) -> User:
    """The signed-in user (views using this are behind login_required)."""
    user = request.user
    assert isinstance(user, User)
    return user


def paginate(request: HttpRequest, queryset: QuerySet[M], size: int = PAGE_SIZE) -> Page[M]:
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def whole_number(raw: str, max_digits: int = 18) -> int | None:
    """``raw`` as a whole number when it is only ASCII digits, and few enough for a database id.

    ``str.isdigit`` alone lets through "²" (which ``int`` refuses) and numbers too long for
    ``int`` or for the database: each was a 500 from a hand-edited query string or form.
    """
    if raw.isascii() and raw.isdigit() and len(raw) <= max_digits:
        return int(raw)
    return None


def int_param(request: HttpRequest, name: str) -> int | None:
    return whole_number(request.GET.get(name, ""))
