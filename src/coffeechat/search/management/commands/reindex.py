"""`coffeechat manage reindex [--user USERNAME]`: rebuild the search index from the data."""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser

from coffeechat.search.index import rebuild, reindex_user


class Command(BaseCommand):
    help = (
        "Rebuild the search index from people, organizations, interviews, notes, debriefs and "
        "resources: everyone's, or one user's with --user. Needed only after writing to the "
        "database by other means than coffeechat."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", help="Only this user's entries (a username).")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        username = options.get("user")
        if username:
            user = User.objects.filter(username=username).first()
            if user is None:
                raise CommandError(f"There is no user {username}.")
            count = reindex_user(user)
            whose = f"{username}'s"
        else:
            count = rebuild()
            whose = "every user's"
        seconds = time.perf_counter() - started
        self.stdout.write(f"Indexed {count:,} entries ({whose}) in {seconds:.1f} s.")
