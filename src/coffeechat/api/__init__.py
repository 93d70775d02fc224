"""The JSON API at /api/v1/: thin handlers over the same services as the web pages."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import NinjaAPI
from ninja.security import HttpBearer

from coffeechat.accounts import throttle
from coffeechat.accounts.services import user_for_token
from coffeechat.api import (
    activities,
    goals,
    interviews,
    me,
    organizations,
    people,
    plans,
    questions,
    search,
    tasks,
)
from coffeechat.api.common import refuse_nul, validation_details


class TooManyBadTokens(Exception):
    def __init__(self, lock: throttle.Lock) -> None:
        super().__init__(lock.message(timezone.now()))
        self.lock = lock


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = user_for_token(token)
        if user is not None:
            request.user = user
            return user
        # Only wrong tokens are counted and refused: a right one always works, so nobody sharing
        # the address can lock a working program out.
        lock = throttle.record_token_failure(throttle.client_address(request), timezone.now())
        if lock is not None:
            raise TooManyBadTokens(lock)
        return None


class CoffeechatAPI(NinjaAPI):
    def create_temporal_response(self, request: HttpRequest) -> HttpResponse:
        # ninja's first step with a request once it is authenticated, before any parameter is
        # read: the one place that sees every operation's input first.
        refuse_nul(request)
        return super().create_temporal_response(request)


api = CoffeechatAPI(
    title="coffeechat API",
    version="1",
    description="Informational interviews, end to end. Authenticate with "
    "`Authorization: Bearer <token>` (`coffeechat token USERNAME`, or Account → API tokens).",
    auth=BearerToken(),
    urls_namespace="api",
)


@api.exception_handler(TooManyBadTokens)
def on_too_many_bad_tokens(request: HttpRequest, error: TooManyBadTokens) -> HttpResponse:
    response = api.create_response(request, {"detail": str(error)}, status=429)
    response["Retry-After"] = str(error.lock.seconds_left(timezone.now()))
    return response


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, error: ValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": validation_details(error)}, status=422)


api.add_router("/people", people.router)
api.add_router("/organizations", organizations.router)
api.add_router("/interviews", interviews.router)
api.add_router("/activities", activities.router)
api.add_router("/tasks", tasks.router)
api.add_router("/me", me.router)
api.add_router("/questions", questions.router)
api.add_router("/goals", goals.router)
api.add_router("/search", search.router)
# The plan lives under its interview: /interviews/{id}/plan.
api.add_router("/interviews", plans.router)
