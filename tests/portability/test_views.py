"""Web pages: upload → preview → confirm, downloads, account deletion; nobody else's data."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coffeechat.people.models import Person
from coffeechat.portability.pending import uploads_dir
from tests.factories import InterviewFactory, PersonFactory
from tests.portability.conftest import build_full_account, fixture, row_counts

pytestmark = pytest.mark.django_db


def upload(client: Client, name: str, kind: str = "") -> str:
    """Upload a fixture file; answers the preview page's address."""
    response = client.post(
        reverse("import_upload"),
        {"kind": kind, "file": SimpleUploadedFile(name, fixture(name))},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return str(response["Location"])


def token_of(preview_url: str) -> str:
    match = re.search(r"/import/([^/]+)/$", preview_url)
    assert match
    return match.group(1)


def test_the_import_page_needs_a_login(client: Client) -> None:
    PersonFactory()  # an account exists: no first-run redirect
    response = client.get(reverse("import_upload"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_an_upload_shows_a_preview_and_writes_nothing(owner: User, owner_client: Client) -> None:
    before = row_counts()
    response = owner_client.get(upload(owner_client, "Connections.csv", "linkedin"))
    assertContains(response, '<strong data-count="new">6</strong>', html=False)
    assertContains(response, "Amara Okafor")
    assert row_counts() == before


def test_the_kind_of_file_is_detected_when_not_chosen(owner: User, owner_client: Client) -> None:
    response = owner_client.get(upload(owner_client, "contacts_v4.vcf"))
    assertContains(response, "vCard")
    assertContains(response, "김민준")


def test_the_preview_lists_each_merge_and_its_changes(owner: User, owner_client: Client) -> None:
    PersonFactory(
        owner=owner,
        name="Daniel Chen",
        emails=[],
        profile_url="https://www.linkedin.com/in/danielchen",
    )
    response = owner_client.get(upload(owner_client, "Connections.csv", "linkedin"))
    assertContains(response, '<strong data-count="merged">1</strong>', html=False)
    assertContains(response, "same profile URL")
    assertContains(response, "Relationship since")


def test_confirming_imports_and_says_how_many(owner: User, owner_client: Client) -> None:
    token = token_of(upload(owner_client, "Connections.csv", "linkedin"))
    response = owner_client.post(reverse("import_confirm", args=[token]), follow=True)
    assertContains(response, "Imported Connections.csv: 6 new")
    assert Person.objects.filter(owner=owner).count() == 6


def test_a_confirmed_import_cannot_be_confirmed_again(owner: User, owner_client: Client) -> None:
    token = token_of(upload(owner_client, "Connections.csv", "linkedin"))
    owner_client.post(reverse("import_confirm", args=[token]))
    assert owner_client.post(reverse("import_confirm", args=[token])).status_code == 404
    assert Person.objects.filter(owner=owner).count() == 6


def test_a_malformed_upload_says_the_line_and_writes_nothing(owner_client: Client) -> None:
    before = row_counts()
    response = owner_client.post(
        reverse("import_upload"),
        {
            "kind": "linkedin",
            "file": SimpleUploadedFile("bad.csv", fixture("linkedin_bad_email.csv")),
        },
    )
    assert response.status_code == 200
    assertContains(response, "Nothing was imported. bad.csv, line 3, field “Email Address”")
    assert row_counts() == before


def test_an_unknown_format_asks_which_it_is(owner_client: Client) -> None:
    response = owner_client.post(
        reverse("import_upload"),
        {"kind": "", "file": SimpleUploadedFile("x.csv", fixture("unknown_header.csv"))},
    )
    assertContains(response, "choose what it is")


def test_another_user_cannot_see_an_import_preview(
    owner_client: Client, outsider_client: Client
) -> None:
    url = upload(owner_client, "Connections.csv", "linkedin")
    assert outsider_client.get(url).status_code == 404


def test_another_user_cannot_confirm_an_import(
    owner: User, outsider: User, owner_client: Client, outsider_client: Client
) -> None:
    token = token_of(upload(owner_client, "Connections.csv", "linkedin"))
    response = outsider_client.post(reverse("import_confirm", args=[token]))
    assert response.status_code == 404
    assert Person.objects.filter(owner__in=[owner, outsider]).count() == 0


def test_another_user_cannot_cancel_an_import(
    owner_client: Client, outsider_client: Client
) -> None:
    token = token_of(upload(owner_client, "Connections.csv", "linkedin"))
    assert outsider_client.post(reverse("import_cancel", args=[token])).status_code == 404
    assert (uploads_dir() / f"{token}.upload").exists()


def test_cancelling_forgets_the_upload(owner: User, owner_client: Client) -> None:
    token = token_of(upload(owner_client, "Connections.csv", "linkedin"))
    owner_client.post(reverse("import_cancel", args=[token]))
    assert not (uploads_dir() / f"{token}.upload").exists()
    assert owner_client.post(reverse("import_confirm", args=[token])).status_code == 404


def test_a_json_export_imports_through_the_page(
    outsider: User, outsider_client: Client, owner: User
) -> None:
    build_full_account(owner)
    client = Client()
    client.force_login(owner)
    exported = client.get(reverse("export_download", args=["json"])).content
    response = outsider_client.post(
        reverse("import_upload"),
        {"kind": "json", "file": SimpleUploadedFile("alice.json", exported)},
    )
    token = token_of(str(response["Location"]))
    assertContains(outsider_client.get(response["Location"]), "2 interviews")
    outsider_client.post(reverse("import_confirm", args=[token]))
    assert Person.objects.filter(owner=outsider).count() == 3


def test_the_export_page_offers_every_format(owner_client: Client) -> None:
    response = owner_client.get(reverse("export"))
    for fmt in ("json", "csv", "vcard", "ics"):
        assertContains(response, reverse("export_download", args=[fmt]))


@pytest.mark.parametrize("fmt", ["json", "csv", "vcard", "ics"])
def test_each_download_is_an_attachment(owner: User, owner_client: Client, fmt: str) -> None:
    response = owner_client.get(reverse("export_download", args=[fmt]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"


def test_an_unknown_download_format_is_not_found(owner_client: Client) -> None:
    assert owner_client.get(reverse("export_download", args=["xlsx"])).status_code == 404


def test_downloads_hold_only_the_users_own_data(owner_client: Client, outsider: User) -> None:
    PersonFactory(owner=outsider, name="Bob's secret contact")
    for fmt in ("json", "csv", "vcard"):
        response = owner_client.get(reverse("export_download", args=[fmt]))
        assertNotContains(response, "Bob's secret contact")


def test_the_account_page_links_to_import_and_export(owner_client: Client) -> None:
    response = owner_client.get(reverse("account"))
    assertContains(response, reverse("import_upload"))
    assertContains(response, reverse("export"))


def test_account_deletion_offers_the_json_export_first(owner_client: Client) -> None:
    response = owner_client.get(reverse("account_delete"))
    assertContains(response, reverse("export_download", args=["json"]))


def test_account_deletion_needs_the_username_typed(owner: User, owner_client: Client) -> None:
    response = owner_client.post(reverse("account_delete"), {"confirm": "ALICE"})
    assertContains(response, "That is not your username")
    assert User.objects.filter(pk=owner.pk).exists()


def test_deleting_the_account_removes_only_that_users_data(
    owner: User, outsider: User, owner_client: Client
) -> None:
    build_full_account(owner)
    InterviewFactory(owner=outsider)
    theirs = row_counts()
    response = owner_client.post(reverse("account_delete"), {"confirm": "alice"})
    assertRedirects(response, reverse("login"), fetch_redirect_response=False)
    assert not User.objects.filter(username="alice").exists()
    left = row_counts()
    assert left["Person"] == 1
    assert left["Interview"] == 1
    assert left["Pitch"] == left["Task"] == left["Resource"] == left["Skill"] == 0
    assert theirs["Person"] > left["Person"]


def test_after_deletion_the_session_is_signed_out(owner: User, owner_client: Client) -> None:
    owner_client.post(reverse("account_delete"), {"confirm": "alice"})
    response = owner_client.get(reverse("export_download", args=["json"]))
    assert response.status_code == 302


def test_the_json_download_is_the_versioned_document(owner_client: Client) -> None:
    document = json.loads(owner_client.get(reverse("export_download", args=["json"])).content)
    assert (document["format"], document["version"]) == ("coffeechat", 1)
