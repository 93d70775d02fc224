from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "coffeechat.interviews"
    label = "interviews"
