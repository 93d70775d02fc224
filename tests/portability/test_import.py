"""Importing into an account: people and organizations created, duplicates merged, in bulk."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coffeechat.interviews.models import Activity, ActivityKind
from coffeechat.people.models import Channel, Organization, Person
from coffeechat.portability.importer import detect_kind, preview_import, run_import
from tests.factories import OrganizationFactory, PersonFactory
from tests.portability.conftest import fixture, row_counts

pytestmark = pytest.mark.django_db

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def linkedin_rows(count: int) -> bytes:
    rows = "".join(
        f"First{i},Last{i},https://www.linkedin.com/in/p{i},,Org {i % 7},Role,12 Mar 2024\n"
        for i in range(count)
    )
    return (HEADER + rows).encode()


def test_linkedin_import_creates_people_with_their_connection_date(owner: User) -> None:
    run_import(owner, "linkedin", fixture("Connections.csv"), "Connections.csv")
    amara = Person.objects.get(owner=owner, name="Amara Okafor")
    assert amara.relationship_since == date(2024, 3, 12)
    assert amara.organization is not None
    assert amara.organization.name == "Northwind Health"
    assert Person.objects.filter(owner=owner).count() == 6


def test_organizations_are_matched_without_case_or_extra_spaces(owner: User) -> None:
    run_import(owner, "linkedin", fixture("Connections.csv"), "Connections.csv")
    kenji = Person.objects.get(owner=owner, name="Kenji Watanabe")
    assert kenji.organization is not None
    assert kenji.organization.name == "Northwind Health"
    assert Organization.objects.filter(owner=owner, name__iexact="northwind health").count() == 1


def test_an_existing_organization_is_reused(owner: User) -> None:
    existing = OrganizationFactory(owner=owner, name="LUMEN analytics")
    run_import(owner, "linkedin", fixture("Connections.csv"), "Connections.csv")
    assert Person.objects.get(owner=owner, name="Daniel Chen").organization == existing


def test_connections_without_email_prefer_the_professional_network(owner: User) -> None:
    run_import(owner, "linkedin", fixture("Connections.csv"), "Connections.csv")
    daniel = Person.objects.get(owner=owner, name="Daniel Chen")
    assert daniel.preferred_channel == Channel.PROFESSIONAL_NETWORK


def test_importing_the_same_file_twice_doubles_nobody(owner: User) -> None:
    run_import(owner, "linkedin", fixture("Connections.csv"), "Connections.csv")
    again = run_import(owner, "linkedin", fixture("Connections.csv"), "Connections.csv")
    assert again.counts == {"new": 0, "merged": 0, "skipped": 6}
    assert Person.objects.filter(owner=owner).count() == 6


def test_a_person_with_the_same_email_is_merged(owner: User) -> None:
    PersonFactory(
        owner=owner, name="A. Okafor", organization=None, emails=["amara@northwind.example"]
    )
    preview = run_import(owner, "linkedin", fixture("Connections.csv"), "x")
    merge = next(m for m in preview.merges if m.name == "A. Okafor")
    assert merge.matched_by == "email"
    assert Person.objects.filter(owner=owner, emails__icontains="amara@").count() == 1


def test_a_person_with_the_same_profile_url_is_merged(owner: User) -> None:
    PersonFactory(
        owner=owner,
        name="Dan Chen",
        emails=[],
        profile_url="http://linkedin.com/in/danielchen/",
    )
    preview = run_import(owner, "linkedin", fixture("Connections.csv"), "x")
    assert any(m.name == "Dan Chen" and m.matched_by == "profile URL" for m in preview.merges)
    assert not Person.objects.filter(owner=owner, name="Daniel Chen").exists()


def test_the_same_name_at_the_same_organization_is_merged(owner: User) -> None:
    lumen = OrganizationFactory(owner=owner, name="Lumen Analytics")
    PersonFactory(owner=owner, name="daniel  CHEN", organization=lumen, emails=[], title="")
    preview = run_import(owner, "linkedin", fixture("Connections.csv"), "x")
    merge = next(m for m in preview.merges if m.name == "daniel  CHEN")
    assert merge.matched_by == "name and organization"
    assert [(c.field, c.after) for c in merge.changes][:2] == [
        ("Title", "Product Manager"),
        ("Profile URL", "https://www.linkedin.com/in/danielchen"),
    ]


def test_the_same_name_at_another_organization_is_someone_else(owner: User) -> None:
    PersonFactory(owner=owner, name="Daniel Chen", emails=[])
    run_import(owner, "linkedin", fixture("Connections.csv"), "x")
    assert Person.objects.filter(owner=owner, name="Daniel Chen").count() == 2


def test_a_merge_fills_blanks_and_never_overwrites(owner: User) -> None:
    PersonFactory(
        owner=owner,
        name="Amara",
        title="My own title",
        organization=None,
        emails=["amara@northwind.example"],
    )
    run_import(owner, "linkedin", fixture("Connections.csv"), "x")
    amara = Person.objects.get(owner=owner, name="Amara")
    assert amara.title == "My own title"
    assert amara.organization is not None
    assert amara.organization.name == "Northwind Health"
    assert amara.relationship_since == date(2024, 3, 12)


def test_a_merge_adds_new_emails_after_the_known_ones(owner: User) -> None:
    run_import(owner, "linkedin", fixture("Connections.csv"), "x")
    run_import(owner, "linkedin", fixture("Connections_later.csv"), "later.csv")
    daniel = Person.objects.get(owner=owner, name="Daniel Chen")
    assert daniel.emails == ["daniel.chen@lumen.example"]


def test_the_preview_lists_each_merges_changes(owner: User) -> None:
    run_import(owner, "linkedin", fixture("Connections.csv"), "x")
    preview = preview_import(owner, "linkedin", fixture("Connections_later.csv"), "later.csv")
    assert preview.counts == {"new": 1, "merged": 1, "skipped": 1}
    (merge,) = preview.merges
    assert (merge.name, merge.line) == ("Daniel Chen", 6)
    assert [(c.field, c.before, c.after) for c in merge.changes] == [
        ("Emails", "", "daniel.chen@lumen.example")
    ]


def test_the_preview_writes_nothing(owner: User) -> None:
    before = row_counts()
    preview_import(owner, "linkedin", fixture("Connections.csv"), "x")
    assert row_counts() == before


def test_duplicates_inside_one_file_become_one_person(owner: User) -> None:
    data = (
        HEADER
        + "Ada,Lovelace,https://www.linkedin.com/in/ada,ada@x.example,Acme,CTO,12 Mar 2024\n"
        + "Ada,Lovelace,https://www.linkedin.com/in/ada,,Acme,,12 Mar 2024\n"
        + "Ada,Lovelace,,ada.l@y.example,ACME,,12 Mar 2024\n"
    ).encode()
    preview = run_import(owner, "linkedin", data, "x")
    assert preview.counts == {"new": 1, "merged": 1, "skipped": 1}
    ada = Person.objects.get(owner=owner)
    assert ada.emails == ["ada@x.example", "ada.l@y.example"]


def test_google_notes_become_a_note_on_the_person_once(owner: User) -> None:
    run_import(owner, "google", fixture("google_contacts.csv"), "g.csv")
    run_import(owner, "google", fixture("google_contacts.csv"), "g.csv")
    notes = Activity.objects.filter(
        owner=owner, kind=ActivityKind.NOTE, person__name="Fatima Haddad"
    )
    assert [note.text for note in notes] == [
        "Met at the energy transition meetup.\nOffered to introduce me to her team."
    ]


def test_vcard_import_keeps_every_phone_and_email(owner: User) -> None:
    run_import(owner, "vcard", fixture("contacts_v3.vcf"), "c.vcf")
    chloe = Person.objects.get(owner=owner, name="Chloé Gagnon")
    assert chloe.phones == ["+1 613 555 0188", "+1 613 555 0100 ext. 12"]
    assert len(chloe.emails) == 2


def test_an_import_never_touches_another_users_people(owner: User, outsider: User) -> None:
    theirs = PersonFactory(owner=outsider, name="Amara Okafor", emails=["amara@northwind.example"])
    run_import(owner, "linkedin", fixture("Connections.csv"), "x")
    theirs.refresh_from_db()
    assert theirs.relationship_since is None
    assert Person.objects.filter(owner=owner, name="Amara Okafor").exists()


def test_the_import_writes_in_batches_not_a_query_per_row(owner: User) -> None:
    with CaptureQueriesContext(connection) as queries:
        run_import(owner, "linkedin", linkedin_rows(500), "large.csv")
    assert Person.objects.filter(owner=owner).count() == 500
    assert len(queries.captured_queries) < 500 / 10


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Connections.csv", "linkedin"),
        ("linkedin_no_preamble.csv", "linkedin"),
        ("google_contacts.csv", "google"),
        ("google_legacy_utf16.csv", "google"),
        ("contacts_v4.vcf", "vcard"),
        ("unknown_header.csv", None),
    ],
)
def test_the_kind_of_file_is_told_from_its_start(name: str, kind: str | None) -> None:
    assert detect_kind(fixture(name)) == kind
