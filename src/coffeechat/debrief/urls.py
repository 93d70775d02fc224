from __future__ import annotations

from django.urls import URLPattern, path

from coffeechat.debrief import views

urlpatterns: list[URLPattern] = [
    path("interviews/<int:pk>/live/", views.live, name="interview_live"),
    path("interviews/<int:pk>/live/start/", views.live_start, name="interview_live_start"),
    path("interviews/<int:pk>/live/extend/", views.live_extend, name="interview_live_extend"),
    path("interviews/<int:pk>/live/note/", views.live_note, name="interview_live_note"),
    path("interviews/<int:pk>/live/end/", views.live_end, name="interview_live_end"),
    path("interviews/<int:pk>/debrief/", views.debrief, name="interview_debrief"),
]
