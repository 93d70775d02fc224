from django.apps import AppConfig


class DebriefConfig(AppConfig):
    name = "coffeechat.debrief"
    label = "debrief"
    verbose_name = "Conversation and debrief"
