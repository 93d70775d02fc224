"""Follow-up routes beyond the task basics: a whole section of Today, snooze, dismiss, the
thank-you card, keep posted."""

from __future__ import annotations

from django.urls import URLPattern, path

from coffeechat.followup import views

urlpatterns: list[URLPattern] = [
    path("today/<slug:section>/", views.today_section, name="today_section"),
    path("tasks/<int:pk>/snooze/", views.task_snooze, name="task_snooze"),
    path("tasks/<int:pk>/dismiss/", views.task_dismiss, name="task_dismiss"),
    path("tasks/<int:pk>/card/", views.thank_you_card, name="thank_you_card"),
    path("tasks/<int:pk>/posted/", views.thank_you_posted, name="thank_you_posted"),
    path("people/<int:pk>/keep-posted/", views.keep_posted_settings, name="keep_posted_settings"),
]
