from __future__ import annotations

from django.urls import URLPattern, path

from coffeechat.network import views

urlpatterns: list[URLPattern] = [
    path("network/", views.network, name="network"),
]
