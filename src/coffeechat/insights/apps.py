from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "coffeechat.insights"
    label = "insights"
    verbose_name = "What was learned: dashboard, goals, insights"
