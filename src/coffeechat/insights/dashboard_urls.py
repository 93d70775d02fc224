from __future__ import annotations

from django.urls import URLPattern, path

from coffeechat.insights import dashboard_views

urlpatterns: list[URLPattern] = [
    path("dashboard/", dashboard_views.dashboard, name="dashboard"),
]
