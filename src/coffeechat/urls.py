from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import include, path

from coffeechat.accounts import views as accounts
from coffeechat.accounts.login import ThrottledLoginView
from coffeechat.api import api
from coffeechat.followup import views as followup
from coffeechat.interviews import calendar_views
from coffeechat.interviews import views as interviews
from coffeechat.outreach import views as outreach
from coffeechat.people import views as people


def home(request: HttpRequest) -> HttpResponse:
    return redirect("today")


def healthz(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"status": "ok"})


# A request body over the limits (core.limits) answers 413 in words, not Django's bare 400.
handler400 = "coffeechat.core.errors.bad_request"

urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("setup/", accounts.setup, name="setup"),
    path("accounts/login/", ThrottledLoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", accounts.account, name="account"),
    path("account/tokens/", accounts.account_token_create, name="account_token_create"),
    path(
        "account/tokens/<int:token_id>/revoke/",
        accounts.account_token_revoke,
        name="account_token_revoke",
    ),
    path("account/feed/", accounts.account_feed_regenerate, name="account_feed_regenerate"),
    path("people/", people.person_list, name="person_list"),
    path("people/new/", people.person_create, name="person_create"),
    path("people/<int:pk>/", people.person_detail, name="person"),
    path("people/<int:pk>/edit/", people.person_edit, name="person_edit"),
    path("people/<int:pk>/delete/", people.person_delete, name="person_delete"),
    path("organizations/", people.organization_list, name="organization_list"),
    path("organizations/new/", people.organization_create, name="organization_create"),
    path("organizations/<int:pk>/", people.organization_detail, name="organization"),
    path("organizations/<int:pk>/edit/", people.organization_edit, name="organization_edit"),
    path("organizations/<int:pk>/delete/", people.organization_delete, name="organization_delete"),
    path("interviews/", interviews.interview_board, name="interview_board"),
    path("interviews/new/", interviews.interview_create, name="interview_create"),
    path("interviews/<int:pk>/", interviews.interview_detail, name="interview"),
    path("interviews/<int:pk>/edit/", interviews.interview_edit, name="interview_edit"),
    path("interviews/<int:pk>/delete/", interviews.interview_delete, name="interview_delete"),
    path("interviews/<int:pk>/move/", interviews.interview_move, name="interview_move"),
    path(
        "interviews/<int:pk>/schedule/",
        calendar_views.interview_schedule,
        name="interview_schedule",
    ),
    path(
        "interviews/<int:pk>/invite.ics", calendar_views.interview_invite, name="interview_invite"
    ),
    path("feeds/<str:secret>.ics", calendar_views.calendar_feed, name="calendar_feed"),
    path("interviews/<int:pk>/compose/", outreach.compose, name="compose"),
    path("interviews/<int:pk>/compose/lint/", outreach.compose_lint, name="compose_lint"),
    path("interviews/<int:pk>/invite/send/", outreach.invite_send, name="invite_send"),
    path("interviews/<int:pk>/reply/", outreach.reply_received, name="reply_received"),
    path("people/<int:pk>/called/", outreach.called, name="called_no_answer"),
    path("activities/new/", interviews.activity_create, name="activity_create"),
    path("today/", followup.today, name="today"),
    path("tasks/new/", followup.task_create, name="task_create"),
    path("tasks/<int:pk>/edit/", followup.task_edit, name="task_edit"),
    path("tasks/<int:pk>/toggle/", followup.task_toggle, name="task_toggle"),
    path("tasks/<int:pk>/delete/", followup.task_delete, name="task_delete"),
    path("", include("coffeechat.followup.urls")),
    path("", include("coffeechat.prep.urls")),
    path("", include("coffeechat.prep.brief_urls")),
    path("", include("coffeechat.debrief.urls")),
    path("", include("coffeechat.portability.urls")),
    path("", include("coffeechat.insights.urls")),
    path("", include("coffeechat.network.urls")),
    path("", include("coffeechat.search.urls")),
    path("api/v1/", api.urls),
]
