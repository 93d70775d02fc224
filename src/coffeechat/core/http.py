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


def int_param(request: HttpRequest, name: str) -> int | None:
    raw = request.GET.get(name, "")
    return int(raw) if raw.isdigit() else None
