from __future__ import annotations

from django.urls import URLPattern, path

from coffeechat.prep import plan_views, views

urlpatterns: list[URLPattern] = [
    path("questions/", views.question_list, name="question_list"),
    path("questions/new/", views.question_create, name="question_create"),
    path("questions/<int:pk>/edit/", views.question_edit, name="question_edit"),
    path("questions/<int:pk>/delete/", views.question_delete, name="question_delete"),
    path("questions/<int:pk>/star/", views.question_star, name="question_star"),
    path("pitch/", views.pitch, name="pitch"),
    path("pitch/check/", views.pitch_check, name="pitch_check"),
    path("pitch/<int:pk>/restore/", views.pitch_restore, name="pitch_restore"),
    path("interviews/<int:pk>/prepare/", plan_views.interview_prepare, name="interview_prepare"),
    path(
        "interviews/<int:pk>/prepare/move/",
        plan_views.interview_plan_move,
        name="interview_plan_move",
    ),
    path(
        "interviews/<int:pk>/prepare/reorder/",
        plan_views.interview_plan_reorder,
        name="interview_plan_reorder",
    ),
    path(
        "interviews/<int:pk>/prepare/pin/", plan_views.interview_plan_pin, name="interview_plan_pin"
    ),
    path(
        "interviews/<int:pk>/prepare/remove/",
        plan_views.interview_plan_remove,
        name="interview_plan_remove",
    ),
    path(
        "interviews/<int:pk>/prepare/swap/",
        plan_views.interview_plan_swap,
        name="interview_plan_swap",
    ),
    path(
        "interviews/<int:pk>/prepare/add/", plan_views.interview_plan_add, name="interview_plan_add"
    ),
    path(
        "interviews/<int:pk>/prepare/write/",
        plan_views.interview_plan_write,
        name="interview_plan_write",
    ),
    path(
        "interviews/<int:pk>/prepare/rebuild/",
        plan_views.interview_plan_rebuild,
        name="interview_plan_rebuild",
    ),
    path(
        "interviews/<int:pk>/prepare/research/",
        plan_views.interview_research,
        name="interview_research",
    ),
]
