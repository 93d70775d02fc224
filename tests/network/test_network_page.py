"""The referral network page: the drawing, the lists, the table, and who may see what."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coffeechat.interviews.models import Stage
from coffeechat.people.models import Organization, Person
from tests.factories import InterviewFactory, OrganizationFactory, PersonFactory
from tests.network.test_graph import known_forest

URL = "/network/"


def page_of(client: Client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def forest(owner: User) -> dict[str, Person]:
    return known_forest(owner)


def test_the_page_has_its_url_name() -> None:
    assert reverse("network") == URL


def test_the_page_needs_a_sign_in(client: Client, owner: User) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_every_node_is_a_link_to_the_person_with_an_accessible_name(
    owner_client: Client, owner: User, forest: dict[str, Person]
) -> None:
    InterviewFactory(owner=owner, person=forest["Ada"], stage=Stage.HELD)
    page = page_of(owner_client)
    ada, ben = forest["Ada"].pk, forest["Ben"].pk
    assert (
        f'<a class="node st-held" id="node-{ada}" href="/people/{ada}/" data-id="{ada}" '
        f'data-parent="" aria-label="Ada, Acme, held">'
    ) in page
    assert (
        f'<a class="node st-none" id="node-{ben}" href="/people/{ben}/" data-id="{ben}" '
        f'data-parent="{ada}" aria-label="Ben, Acme, no interview yet">'
    ) in page
    assert page.count('<a class="node ') == 11


def test_every_node_has_a_tooltip_with_its_stage(
    owner_client: Client, owner: User, forest: dict[str, Person]
) -> None:
    InterviewFactory(owner=owner, person=forest["Ada"], stage=Stage.HELD)
    page = page_of(owner_client)
    assert "<title>Ada&#10;Acme&#10;Stage: held</title>" in page
    assert "<title>Ben&#10;Acme&#10;Stage: no interview yet</title>" in page


def test_introductions_are_solid_lines_and_mentions_dashed(
    owner_client: Client, forest: dict[str, Person]
) -> None:
    page = page_of(owner_client)
    ada, ben, cleo = forest["Ada"].pk, forest["Ben"].pk, forest["Cleo"].pk
    assert re.search(
        rf'<path class="edge introduced" d="[^"]+" data-from="{ada}" data-to="{ben}"/>', page
    )
    assert re.search(
        rf'<path class="edge referred" d="[^"]+" data-from="{ada}" data-to="{cleo}"/>', page
    )
    assert page.count('<path class="edge ') == 8


def test_the_legend_explains_both_lines_and_the_stages(
    owner_client: Client, owner: User, forest: dict[str, Person]
) -> None:
    InterviewFactory(owner=owner, person=forest["Ada"], stage=Stage.HELD)
    page = page_of(owner_client)
    assert "<strong>Introduced</strong> (solid line): they will introduce you" in page
    assert "<strong>Referred</strong> (dashed line): you may mention their name" in page
    assert 'class="swatch st-held"' in page
    assert '<span>Held <span class="muted">(1)</span></span>' in page
    assert '<span>No interview yet <span class="muted">(10)</span></span>' in page


def test_the_longest_chains_are_listed_with_links(
    owner_client: Client, forest: dict[str, Person]
) -> None:
    page = page_of(owner_client)
    chains = page[page.index('<ol class="network-chains">') :]
    chains = chains[: chains.index("</section>")]
    links = re.findall(r'<a href="/people/(\d+)/">([^<]+)</a>', chains)
    assert [name for _, name in links] == [
        "Ada", "Ben", "Dan", "Finn", "Gus", "Hal", "Ivy", "Jo", "Kai",
    ]  # fmt: skip
    assert links[0][0] == str(forest["Ada"].pk)


def test_the_most_generous_referrers_are_listed_with_counts(
    owner_client: Client, forest: dict[str, Person]
) -> None:
    page = page_of(owner_client)
    section = page[page.index('<ol class="network-referrers">') :]
    section = section[: section.index("</ol>")]
    found = re.findall(r'">([^<]+)</a> <span class="muted">(\d+) referrals?</span>', section)
    assert found == [("Ada", "2"), ("Ben", "2"), ("Dan", "1"), ("Gus", "1"), ("Hal", "1")]


def test_the_table_lists_every_referral_with_its_kind(
    owner_client: Client, forest: dict[str, Person]
) -> None:
    page = page_of(owner_client)
    table = page[page.index('<table class="responsive network-table">') :]
    table = table[: table.index("</table>")]
    rows = re.findall(
        r'<tr><td><a href="/people/\d+/">([^<]+)</a></td><td><span aria-hidden="true">→ </span>'
        r'<a href="/people/\d+/">([^<]+)</a>.*?</td><td>(\w+):',
        table,
    )
    assert rows == [
        ("Ada", "Ben", "Introduced"),
        ("Ben", "Dan", "Referred"),
        ("Dan", "Finn", "Referred"),
        ("Ben", "Eve", "Introduced"),
        ("Ada", "Cleo", "Referred"),
        ("Gus", "Hal", "Referred"),
        ("Hal", "Ivy", "Referred"),
        ("Jo", "Kai", "Introduced"),
    ]


def test_the_page_loads_its_own_stylesheet_and_script(
    owner_client: Client, forest: dict[str, Person]
) -> None:
    page = page_of(owner_client)
    head = page[: page.index("</head>")]
    assert '<link rel="stylesheet" href="/static/network/network.css">' in head
    assert '<script src="/static/network/network.js" defer></script>' in page


def test_without_script_the_zoom_buttons_are_hidden_and_the_drawing_has_its_size(
    owner_client: Client, forest: dict[str, Person]
) -> None:
    page = page_of(owner_client)
    assert '<div class="network-controls" data-network-controls hidden>' in page
    assert re.search(r'<svg [^>]*width="\d+" height="\d+" viewBox="0 0 \d+ \d+"', page)


def test_the_empty_page_explains_where_referrals_come_from(owner_client: Client) -> None:
    PersonFactory(owner=User.objects.get(username="alice"), name="Lone")
    page = page_of(owner_client)
    assert "No referrals yet." in page
    assert "(P28)" in page
    assert "its <strong>Debrief</strong>" in page
    assert "<svg" not in page
    assert "network.js" not in page


def test_a_loop_is_reported_instead_of_drawn(owner_client: Client, owner: User) -> None:
    ada = PersonFactory(owner=owner, name="Ada")
    ben = PersonFactory(owner=owner, name="Ben", referred_by=ada)
    Person.objects.filter(pk=ada.pk).update(referred_by=ben)
    page = page_of(owner_client)
    assert (
        f'<a href="/people/{ben.pk}/">Ben</a> referred <a href="/people/{ada.pk}/">Ada</a>'
    ) in page
    assert page.count('<a class="node ') == 2


def test_names_are_escaped_in_the_drawing_the_tooltips_and_the_table(
    owner_client: Client, owner: User
) -> None:
    shady = OrganizationFactory(owner=owner, name='"Evil" & <Co>')
    top = PersonFactory(owner=owner, name="<b>Ada</b>", organization=shady)
    PersonFactory(owner=owner, name="Ben 'Quote'", organization=shady, referred_by=top)
    page = page_of(owner_client)
    assert "<b>Ada</b>" not in page
    assert (
        'aria-label="&lt;b&gt;Ada&lt;/b&gt;, &quot;Evil&quot; &amp; &lt;Co&gt;, no interview yet"'
        in page
    )
    assert (
        "<title>&lt;b&gt;Ada&lt;/b&gt;&#10;&quot;Evil&quot; &amp; &lt;Co&gt;&#10;"
        "Stage: no interview yet</title>" in page
    )
    assert (
        '">Ben &#x27;Quote&#x27;</a> <span class="muted">&quot;Evil&quot; &amp; &lt;Co&gt;</span>'
        in page
    )
    assert '"Evil"' not in page


# ------------------------------------------------------------------------------ owners


def test_the_outsider_never_sees_the_owners_people(
    outsider_client: Client, outsider: User, forest: dict[str, Person]
) -> None:
    theirs = PersonFactory(owner=outsider, name="Yan")
    PersonFactory(owner=outsider, name="Zed", referred_by=theirs)
    page = page_of(outsider_client)
    assert page.count('<a class="node ') == 2
    for name in ("Ada", "Ben", "Finn", "Acme"):
        assert name not in page


def test_the_owner_never_sees_the_outsiders_people(
    owner_client: Client, outsider: User, forest: dict[str, Person]
) -> None:
    theirs = PersonFactory(owner=outsider, name="Yan Outsider")
    PersonFactory(owner=outsider, name="Zed Outsider", referred_by=theirs)
    page = page_of(owner_client)
    assert "Outsider" not in page


def test_the_outsider_with_no_referrals_sees_the_empty_page(
    outsider_client: Client, forest: dict[str, Person]
) -> None:
    page = page_of(outsider_client)
    assert "No referrals yet." in page


# ------------------------------------------------------------------------------ size


def add_network(owner: User, size: int, organization: Organization) -> None:
    """``size`` people, each referring up to three others (bulk: fast to set up)."""
    people = Person.objects.bulk_create(
        Person(owner=owner, name=f"Person {i:04d}", organization=organization) for i in range(size)
    )
    for i, person in enumerate(people[1:], start=1):
        person.referred_by = people[(i - 1) // 3]
        person.referral_kind = "introduce" if i % 2 else "mention"
    Person.objects.bulk_update(people[1:], ["referred_by", "referral_kind"], batch_size=500)
    for person in people[::7]:
        InterviewFactory(owner=owner, person=person, stage=Stage.HELD)


def test_the_page_queries_do_not_grow_with_the_network(
    owner_client: Client, owner: User, outsider: User, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    small = OrganizationFactory(owner=owner, name="Small")
    add_network(owner, 3, small)
    page_of(owner_client)  # warm up the session
    with CaptureQueriesContext(connection) as captured:
        page_of(owner_client)
    few = len(captured.captured_queries)  # now: the next request clears the log
    big_owner = outsider
    client = Client()
    client.force_login(big_owner)
    add_network(big_owner, 500, OrganizationFactory(owner=big_owner, name="Big"))
    page_of(client)
    with django_assert_num_queries(few):
        page = page_of(client)
    assert page.count('<a class="node ') == 500
    assert few == 4  # session, user, profile, the network
