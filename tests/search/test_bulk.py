"""Writes that bypass signals (imports, the demo, restores) and the bulk rebuild keep the index
equal to a rebuild from scratch; the reindex command and the first migrate fill it."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import connection

from coffeechat.demo import DEMO_USERNAME, create_demo
from coffeechat.portability.backup import all_accounts
from coffeechat.portability.importer import run_import
from coffeechat.portability.json_format import dumps, export_document
from coffeechat.portability.json_restore import restore_accounts
from coffeechat.search import index
from coffeechat.search.apps import _fill_empty_index
from coffeechat.search.models import SearchEntry
from tests.factories import ActivityFactory, PersonFactory
from tests.portability.conftest import build_full_account, fixture
from tests.search.conftest import AcmeWorld, assert_index_fresh, found

pytestmark = pytest.mark.django_db


def test_a_linkedin_import_is_found(owner: User) -> None:
    run_import(owner, "linkedin", fixture("Connections.csv"), "Connections.csv")
    assert ("person", "Amara Okafor") in found(owner, "northwind")
    assert_index_fresh()


def test_importing_the_same_people_again_updates_their_entries(owner: User) -> None:
    run_import(owner, "linkedin", fixture("Connections.csv"), "Connections.csv")
    run_import(owner, "linkedin", fixture("Connections_later.csv"), "Connections_later.csv")
    assert_index_fresh()


def test_a_vcard_import_and_its_notes_are_found(owner: User) -> None:
    run_import(owner, "vcard", fixture("contacts_v3.vcf"), "contacts.vcf")
    assert found(owner, "guild") == [("note", "Note")]
    assert_index_fresh()


def test_a_json_import_is_found(owner: User, outsider: User) -> None:
    build_full_account(owner)
    run_import(outsider, "json", dumps(export_document(owner)).encode(), "export.json")
    assert found(outsider, "okafor") == found(owner, "okafor")
    assert_index_fresh()


def test_a_restored_json_backup_is_found(owner: User) -> None:
    build_full_account(owner)
    before = found(owner, "research")
    restore_accounts(json.loads(json.dumps(all_accounts())), "backup.json", replace=True)
    assert found(User.objects.get(username="alice"), "research") == before
    assert_index_fresh()


def test_the_demo_is_found(db: None) -> None:
    create_demo()
    demo = User.objects.get(username=DEMO_USERNAME)
    assert ("person", "Amara Okafor") in found(demo, "okafor")
    assert_index_fresh()


def test_a_large_reindex_leaves_the_index_kept_up_to_date(
    owner: User, acme_world: AcmeWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "BULK_ROWS", 1)  # the one-pass path, whatever the size
    index.reindex_user(owner)
    assert_index_fresh()
    PersonFactory(owner=owner, name="Nadia Kaur")  # triggers or indexes are back
    assert found(owner, "nadia") == [("person", "Nadia Kaur")]
    assert_index_fresh()


def test_a_large_rebuild_keeps_the_full_text_index(
    owner: User, acme_world: AcmeWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "BULK_ROWS", 1)
    index.rebuild()
    assert found(owner, "acme") == [
        ("organization", "Acme"),
        ("person", "Grace Hopper"),
        ("person", "Ada Lovelace"),
    ]
    assert (
        _full_text_objects()
        == {
            "sqlite": ["search_fts_delete", "search_fts_insert", "search_fts_update"],
            "postgresql": ["search_document", "search_title_document"],
        }[connection.vendor]
    )


def _full_text_objects() -> list[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'search_searchentry' ORDER BY name"
            )
        else:
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'search_searchentry' "
                "AND indexdef LIKE '%% USING gin %%' ORDER BY indexname"
            )
        return [row[0] for row in cursor.fetchall()]


def test_the_reindex_command_rebuilds_a_damaged_index(owner: User, acme_world: AcmeWorld) -> None:
    SearchEntry.objects.filter(source="person").delete()
    out = StringIO()
    call_command("reindex", stdout=out)
    assert out.getvalue().startswith("Indexed 8 entries (every user's) in ")
    assert ("person", "Ada Lovelace") in found(owner, "acme")
    assert_index_fresh()


def test_the_reindex_command_can_keep_to_one_user(
    owner: User, outsider: User, acme_world: AcmeWorld
) -> None:
    ActivityFactory(owner=outsider, text="Their note")
    SearchEntry.objects.all().delete()
    out = StringIO()
    call_command("reindex", "--user", "alice", stdout=out)
    assert out.getvalue().startswith("Indexed 8 entries (alice's) in ")
    assert SearchEntry.objects.filter(owner=outsider).count() == 0


def test_the_reindex_command_names_an_unknown_user(db: None) -> None:
    with pytest.raises(CommandError, match=r"There is no user nobody\."):
        call_command("reindex", "--user", "nobody")


def test_an_empty_index_is_filled_after_migrating(owner: User, acme_world: AcmeWorld) -> None:
    SearchEntry.objects.all().delete()
    _fill_empty_index()
    assert found(owner, "acme data")[:2] == [("organization", "Acme"), ("person", "Grace Hopper")]
    assert_index_fresh()


def test_an_index_in_use_is_left_alone_after_migrating(owner: User, acme_world: AcmeWorld) -> None:
    SearchEntry.objects.filter(source="person").delete()
    _fill_empty_index()
    assert found(owner, "lovelace") == []
