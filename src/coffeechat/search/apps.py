from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _fill_empty_index(using: str = "default", **kwargs: Any) -> None:
    """After an upgrade (or restoring an older backup) the new index starts empty: fill it."""
    from coffeechat.search.index import needs_filling, rebuild

    if using == "default" and needs_filling():
        rebuild()


class SearchConfig(AppConfig):
    name = "coffeechat.search"
    label = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        from coffeechat.search import signals

        signals.connect()
        post_migrate.connect(_fill_empty_index, sender=self, dispatch_uid="coffeechat.search.fill")
