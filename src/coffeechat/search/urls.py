from __future__ import annotations

from django.urls import URLPattern, path

from coffeechat.search import views

urlpatterns: list[URLPattern] = [
    path("search/", views.search_page, name="search"),
]
