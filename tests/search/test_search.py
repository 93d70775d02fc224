"""Search never fails on what is typed, never shows another user's rows, and escapes snippets."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coffeechat.search.backends import MAX_LIMIT, search
from coffeechat.search.models import MAX_OWNER_ID, entry_id
from tests.factories import (
    ActivityFactory,
    InterviewFactory,
    OrganizationFactory,
    PersonFactory,
    ResourceFactory,
)
from tests.search.conftest import AcmeWorld, found, only_hit

pytestmark = pytest.mark.django_db

QUERY_SYNTAX = [
    '"',
    "'",
    '"acme',
    "acme*",
    "*",
    "-acme",
    "acme -data",
    "title_words:acme",
    "body_words : data",
    ":",
    "NEAR(acme data)",
    "acme AND",
    "OR",
    "NOT acme",
    "acme | data & !x",
    "'acme':*A",
    "(acme",
    "acme)",
    "^acme",
    "{title_words}: acme",
    "acme\\",
    "%_",
    "acme\x00data",
    "😀 acme",
    "a" * 5000,
    "x " * 300,
    "   ",
    "",
]


@pytest.mark.parametrize("query", QUERY_SYNTAX)
def test_query_syntax_characters_are_plain_text(
    owner: User, acme_world: AcmeWorld, query: str
) -> None:
    hits = search(owner, query)
    assert all(hit.kind for hit in hits)


def test_quotes_and_operators_around_a_word_still_find_it(
    owner: User, acme_world: AcmeWorld
) -> None:
    assert found(owner, '"acme" -OR* :') == found(owner, "acme or")


@settings(
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=st.text(max_size=60))
def test_any_text_searches_without_an_error(owner: User, acme_world: AcmeWorld, query: str) -> None:
    search(owner, query)


def test_a_blank_query_finds_nothing(owner: User, acme_world: AcmeWorld) -> None:
    assert search(owner, "  ") == []


def test_another_users_rows_are_never_found(
    owner: User, outsider: User, acme_world: AcmeWorld
) -> None:
    theirs = OrganizationFactory(owner=outsider, name="Acme")
    PersonFactory(owner=outsider, name="Ada Outsider", organization=theirs)
    ActivityFactory(owner=outsider, text="Their data.")
    assert found(owner, "acme data") == [
        ("organization", "Acme"),
        ("person", "Grace Hopper"),
        ("person", "Ada Lovelace"),
        ("note", "Note"),
        ("note", "Note"),
    ]
    assert [title for _, title in found(outsider, "acme ada")] == ["Ada Outsider", "Acme"]


def test_the_snippet_marks_the_words_found(owner: User) -> None:
    ActivityFactory(owner=owner, text="They moved the data team to Lyon.")
    hit = only_hit(owner, "data")
    assert hit.snippet_html == "They moved the <mark>data</mark> team to Lyon."


def test_the_snippet_escapes_the_text_around_the_words(owner: User) -> None:
    ActivityFactory(owner=owner, text='<script>alert("x")</script> about data & more')
    hit = only_hit(owner, "data")
    assert hit.snippet_html == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; about <mark>data</mark> &amp; more"
    )


def test_a_script_tag_typed_in_a_note_is_found_as_words_and_escaped(owner: User) -> None:
    ActivityFactory(owner=owner, text="<script>steal()</script>")
    hit = only_hit(owner, "script")
    assert hit.snippet_html == "&lt;<mark>script</mark>&gt;steal()&lt;/<mark>script</mark>&gt;"


def test_the_snippet_of_a_long_note_is_a_window_around_the_first_match(owner: User) -> None:
    ActivityFactory(owner=owner, text="words " * 100 + "the mentor said yes " + "more " * 100)
    snippet = only_hit(owner, "mentor").snippet_html
    assert snippet.startswith("…")
    assert snippet.endswith("…")
    assert "the <mark>mentor</mark> said yes" in snippet
    assert len(snippet) < 260


def test_a_hit_links_to_its_page(owner: User, acme_world: AcmeWorld) -> None:
    hits = {hit.title: hit.url for hit in search(owner, "acme")}
    assert hits == {
        "Acme": f"/organizations/{acme_world.acme.pk}/",
        "Grace Hopper": f"/people/{acme_world.grace.pk}/",
        "Ada Lovelace": f"/people/{acme_world.ada.pk}/",
    }


def test_a_note_links_to_its_person_and_names_them(owner: User, acme_world: AcmeWorld) -> None:
    hit = search(owner, "oil")[0]
    assert (hit.url, hit.context) == (f"/people/{acme_world.alan.pk}/", "Alan Turing")


def test_kinds_limit_the_hits(owner: User, acme_world: AcmeWorld) -> None:
    assert found(owner, "acme data", kinds=["note", "organization"]) == [
        ("organization", "Acme"),
        ("note", "Note"),
        ("note", "Note"),
    ]


def test_an_unknown_kind_finds_nothing(owner: User, acme_world: AcmeWorld) -> None:
    assert search(owner, "acme", kinds=["planet"]) == []


def test_the_limit_caps_the_hits_and_ranks_count_from_one(owner: User) -> None:
    for number in range(5):
        ResourceFactory(owner=owner, title=f"Reading list {number}")
    hits = search(owner, "reading", limit=3)
    assert [(hit.rank, hit.title) for hit in hits] == [
        (1, "Reading list 4"),
        (2, "Reading list 3"),
        (3, "Reading list 2"),
    ]


def test_a_limit_out_of_bounds_is_brought_within_them(owner: User) -> None:
    ResourceFactory(owner=owner, title="Reading list")
    assert len(search(owner, "reading", limit=0)) == 1
    assert len(search(owner, "reading", limit=MAX_LIMIT * 10)) == 1


def test_a_search_costs_two_queries_however_many_hits(
    owner: User, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    organization = OrganizationFactory(owner=owner, name="Data Org")
    for number in range(40):
        person = PersonFactory(owner=owner, name=f"Data Person {number}", organization=organization)
        ActivityFactory(owner=owner, person=person, text=f"Data note {number}")
    with django_assert_max_num_queries(2):
        hits = search(owner, "data note", limit=100)
    assert len(hits) == 81  # 40 notes with both words, the organization and 40 people


def test_an_entry_id_outside_the_packed_range_is_refused() -> None:
    with pytest.raises(OverflowError):
        entry_id(MAX_OWNER_ID + 1, "person", 1)
    with pytest.raises(OverflowError):
        entry_id(1, "person", 2**36)


def test_a_resource_links_to_the_debrief_it_was_recorded_in(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    ResourceFactory(owner=owner, title="Research handbook", interview=interview)
    assert only_hit(owner, "handbook").url == f"/interviews/{interview.pk}/debrief/"


def test_a_resource_on_its_own_links_to_the_resources(owner: User) -> None:
    ResourceFactory(owner=owner, title="Research handbook")
    assert only_hit(owner, "handbook").url == "/resources/"
