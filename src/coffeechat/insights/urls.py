from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("coffeechat.insights.dashboard_urls")),
    path("", include("coffeechat.insights.goal_urls")),
    path("", include("coffeechat.insights.learned_urls")),
]
