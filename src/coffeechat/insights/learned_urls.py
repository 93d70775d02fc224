from __future__ import annotations

from django.urls import URLPattern, path

from coffeechat.insights import learned_views as views

urlpatterns: list[URLPattern] = [
    path("insights/", views.insights, name="insights"),
    path("insights/compare/", views.insights_compare, name="insights_compare"),
    path("insights/compare.csv", views.insights_compare_csv, name="insights_compare_csv"),
    path("resources/", views.resource_list, name="resource_list"),
    path("resources/<int:pk>/done/", views.resource_done, name="resource_done"),
    path("skills/", views.skill_map, name="skill_map"),
    path("skills/status/", views.skill_status, name="skill_status"),
    path(
        "organizations/<int:pk>/learned/",
        views.organization_learned,
        name="organization_learned",
    ),
]
