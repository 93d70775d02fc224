from django.apps import AppConfig


class PrepConfig(AppConfig):
    name = "coffeechat.prep"
    label = "prep"
    verbose_name = "Preparation"
