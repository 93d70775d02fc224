from __future__ import annotations

from django.urls import URLPattern, path

from coffeechat.prep import brief_views

urlpatterns: list[URLPattern] = [
    path("interviews/<int:pk>/brief/", brief_views.interview_brief, name="interview_brief"),
    path(
        "interviews/<int:pk>/brief.pdf", brief_views.interview_brief_pdf, name="interview_brief_pdf"
    ),
]
