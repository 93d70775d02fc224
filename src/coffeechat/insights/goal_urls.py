from __future__ import annotations

from django.urls import URLPattern, path

from coffeechat.insights import goal_views

urlpatterns: list[URLPattern] = [
    path("goals/", goal_views.goal_list, name="goal_list"),
    path("goals/new/", goal_views.goal_create, name="goal_create"),
    path("goals/<int:pk>/", goal_views.goal_detail, name="goal"),
    path("goals/<int:pk>/edit/", goal_views.goal_edit, name="goal_edit"),
    path("goals/<int:pk>/delete/", goal_views.goal_delete, name="goal_delete"),
]
