"""The JSON API at /api/v1/: thin handlers over the same services as the web pages."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.security import HttpBearer

from coffeechat.accounts.services import user_for_token
from coffeechat.api import (
    activities,
    interviews,
    me,
    organizations,
    people,
    plans,
    questions,
    tasks,
)
from coffeechat.api.common import validation_details


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="coffeechat API",
    version="1",
    description="Informational interviews, end to end. Authenticate with "
    "`Authorization: Bearer <token>` (`coffeechat token USERNAME`, or Account → API tokens).",
    auth=BearerToken(),
    urls_namespace="api",
)


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
# The plan lives under its interview: /interviews/{id}/plan.
api.add_router("/interviews", plans.router)
