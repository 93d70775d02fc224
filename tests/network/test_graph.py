"""The referral graph (P28): who is in it, how it is laid out, what it says."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from itertools import pairwise

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from coffeechat.interviews.models import Interview, Stage
from coffeechat.network.graph import (
    INTRODUCED,
    NO_INTERVIEW,
    REFERRED,
    Graph,
    PersonRow,
    build_graph,
    longest_chains,
    most_generous_referrers,
    referral_graph,
    stage_legend,
)
from coffeechat.people.models import Organization, Person
from tests.factories import InterviewFactory, OrganizationFactory, PersonFactory

# ------------------------------------------------------------------------------ a known forest
#
#   Ada ─┬─ Ben ─┬─ Dan ── Finn        Gus ── Hal ── Ivy        Jo ── Kai
#        │       └─ Eve
#        └─ Cleo
#
# Ada→Ben and Ben→Eve are introductions; the rest are names they may mention.


def known_forest(owner: User) -> dict[str, Person]:
    acme = OrganizationFactory(owner=owner, name="Acme")
    people: dict[str, Person] = {}

    def add(name: str, referrer: str | None = None, kind: str = "") -> None:
        people[name] = PersonFactory(
            owner=owner,
            name=name,
            organization=acme,
            referred_by=people[referrer] if referrer else None,
            referral_kind=kind,
        )

    add("Ada")
    add("Ben", "Ada", "introduce")
    add("Cleo", "Ada", "mention")
    add("Dan", "Ben")
    add("Eve", "Ben", "introduce")
    add("Finn", "Dan", "mention")
    add("Gus")
    add("Hal", "Gus", "mention")
    add("Ivy", "Hal", "mention")
    add("Jo")
    add("Kai", "Jo", "introduce")
    add("Lone")  # no referral either way: not in the network
    return people


@pytest.fixture
def forest(owner: User) -> dict[str, Person]:
    return known_forest(owner)


def names(graph: Graph) -> list[str]:
    return [node.name for node in graph.nodes]


def test_the_graph_has_everyone_who_referred_or_was_referred_in_drawing_order(
    owner: User, forest: dict[str, Person]
) -> None:
    graph = referral_graph(owner)
    assert names(graph) == [
        "Ada", "Ben", "Dan", "Finn", "Eve", "Cleo", "Gus", "Hal", "Ivy", "Jo", "Kai",
    ]  # fmt: skip


def test_someone_with_no_referral_is_not_in_the_graph(
    owner: User, forest: dict[str, Person]
) -> None:
    assert "Lone" not in names(referral_graph(owner))


def test_nodes_carry_their_organization_and_depth(owner: User, forest: dict[str, Person]) -> None:
    by_name = {node.name: node for node in referral_graph(owner).nodes}
    assert by_name["Finn"].organization == "Acme"
    assert [by_name[n].depth for n in ("Ada", "Ben", "Dan", "Finn")] == [0, 1, 2, 3]
    assert by_name["Finn"].parent == forest["Dan"].pk
    assert by_name["Ada"].parent is None


def test_edges_are_introduced_for_introductions_and_referred_otherwise(
    owner: User, forest: dict[str, Person]
) -> None:
    graph = referral_graph(owner)
    pk = {name: person.pk for name, person in forest.items()}
    name_of = {person.pk: name for name, person in forest.items()}
    kinds = {(name_of[e.from_id], name_of[e.to_id]): e.kind for e in graph.edges}
    assert kinds == {
        ("Ada", "Ben"): INTRODUCED,
        ("Ben", "Dan"): REFERRED,  # no kind given
        ("Dan", "Finn"): REFERRED,
        ("Ben", "Eve"): INTRODUCED,
        ("Ada", "Cleo"): REFERRED,
        ("Gus", "Hal"): REFERRED,
        ("Hal", "Ivy"): REFERRED,
        ("Jo", "Kai"): INTRODUCED,
    }
    assert graph.edges[0].from_id == pk["Ada"]


def test_a_node_has_the_stage_of_the_latest_interview(
    owner: User, forest: dict[str, Person]
) -> None:
    older = InterviewFactory(owner=owner, person=forest["Ada"], stage=Stage.THANKED)
    newer = InterviewFactory(owner=owner, person=forest["Ada"], stage=Stage.REQUESTED)
    now = timezone.now()
    Interview.objects.filter(pk=older.pk).update(created_at=now - timedelta(days=9))
    Interview.objects.filter(pk=newer.pk).update(created_at=now - timedelta(days=1))
    by_name = {node.name: node for node in referral_graph(owner).nodes}
    assert by_name["Ada"].stage == Stage.REQUESTED
    assert by_name["Ben"].stage == NO_INTERVIEW
    assert by_name["Ben"].stage_label == "No interview yet"


def test_the_accessible_name_says_name_organization_and_stage(
    owner: User, forest: dict[str, Person]
) -> None:
    InterviewFactory(owner=owner, person=forest["Ada"], stage=Stage.NO_RESPONSE)
    by_name = {node.name: node for node in referral_graph(owner).nodes}
    assert by_name["Ada"].accessible_name == "Ada, Acme, no response"
    assert by_name["Ben"].accessible_name == "Ben, Acme, no interview yet"


def test_the_accessible_name_leaves_out_a_missing_organization(owner: User) -> None:
    top = PersonFactory(owner=owner, name="Ada", organization=None)
    PersonFactory(owner=owner, name="Ben", organization=None, referred_by=top)
    assert referral_graph(owner).nodes[0].accessible_name == "Ada, no interview yet"


def test_the_longest_chains_run_from_each_root_to_its_deepest_person(
    owner: User, forest: dict[str, Person]
) -> None:
    chains = longest_chains(referral_graph(owner))
    assert [chain.names for chain in chains] == [
        ["Ada", "Ben", "Dan", "Finn"],
        ["Gus", "Hal", "Ivy"],
        ["Jo", "Kai"],
    ]


def test_longest_chains_stop_at_the_limit(owner: User, forest: dict[str, Person]) -> None:
    chains = longest_chains(referral_graph(owner), limit=2)
    assert [chain.names[0] for chain in chains] == ["Ada", "Gus"]


def test_the_most_generous_referrers_are_counted_with_ties_by_name(
    owner: User, forest: dict[str, Person]
) -> None:
    ranked = most_generous_referrers(referral_graph(owner))
    assert [(r.person.name, r.count) for r in ranked] == [
        ("Ada", 2),
        ("Ben", 2),
        ("Dan", 1),
        ("Gus", 1),
        ("Hal", 1),
    ]


def test_the_legend_counts_the_stages_in_pipeline_order(
    owner: User, forest: dict[str, Person]
) -> None:
    InterviewFactory(owner=owner, person=forest["Ada"], stage=Stage.HELD)
    InterviewFactory(owner=owner, person=forest["Gus"], stage=Stage.DECLINED)
    InterviewFactory(owner=owner, person=forest["Jo"], stage=Stage.IDEA)
    legend = stage_legend(referral_graph(owner).nodes)
    assert [(e.stage, e.label, e.count) for e in legend] == [
        ("idea", "Idea", 1),
        ("held", "Held", 1),
        ("declined", "Declined", 1),
        ("", "No interview yet", 8),
    ]


# ------------------------------------------------------------------------------ owners


def test_another_users_people_are_never_in_the_graph(
    owner: User, outsider: User, forest: dict[str, Person]
) -> None:
    theirs = PersonFactory(owner=outsider, name="Yan")
    PersonFactory(owner=outsider, name="Zed", referred_by=theirs)
    assert {"Yan", "Zed"}.isdisjoint(names(referral_graph(owner)))
    assert names(referral_graph(outsider)) == ["Yan", "Zed"]


def test_a_referrer_belonging_to_another_user_is_not_drawn(owner: User, outsider: User) -> None:
    # Only bad data can do this (the forms and services refuse it); it must not leak anyway.
    theirs = PersonFactory(owner=outsider, name="Yan")
    PersonFactory(owner=owner, name="Mia", referred_by=theirs)
    graph = referral_graph(owner)
    assert graph.nodes == []
    assert graph.edges == []


def test_another_users_interviews_do_not_set_the_stage(owner: User, outsider: User) -> None:
    top = PersonFactory(owner=owner, name="Ada")
    PersonFactory(owner=owner, name="Ben", referred_by=top)
    assert Person.objects.filter(owner=outsider).count() == 0
    assert {node.stage for node in referral_graph(owner).nodes} == {NO_INTERVIEW}


# ------------------------------------------------------------------------------ layout


def test_parents_are_above_their_children_and_centred_over_them(
    owner: User, forest: dict[str, Person]
) -> None:
    graph = referral_graph(owner)
    by_id = graph.by_id()
    children: dict[int, list[float]] = defaultdict(list)
    for node in graph.nodes:
        if node.parent is not None:
            assert by_id[node.parent].y < node.y
            children[node.parent].append(node.x)
    for parent, xs in children.items():
        assert by_id[parent].x == pytest.approx((min(xs) + max(xs)) / 2)


def assert_no_overlaps(graph: Graph) -> None:
    levels: dict[int, list[float]] = defaultdict(list)
    for node in graph.nodes:
        levels[node.y].append(node.x)
    for xs in levels.values():
        xs.sort()
        assert all(right - left >= 1 - 1e-9 for left, right in pairwise(xs))


def test_no_two_nodes_of_a_level_overlap(owner: User, forest: dict[str, Person]) -> None:
    assert_no_overlaps(referral_graph(owner))


def test_the_known_forest_has_its_exact_layout(owner: User, forest: dict[str, Person]) -> None:
    graph = referral_graph(owner)
    assert {node.name: (node.x, node.y) for node in graph.nodes} == {
        "Ada": (1.0, 0), "Ben": (0.5, 1), "Dan": (0.0, 2), "Finn": (0.0, 3),
        "Eve": (1.0, 2), "Cleo": (1.5, 1),
        "Gus": (2.5, 0), "Hal": (2.5, 1), "Ivy": (2.5, 2),
        "Jo": (3.5, 0), "Kai": (3.5, 1),
    }  # fmt: skip
    assert (graph.width, graph.levels) == (4.5, 4)


def rows_of(parents: list[int | None]) -> list[PersonRow]:
    """Person i is referred by parents[i]; names sort like their numbers."""
    return [
        PersonRow(i + 1, f"P{i:05d}", "", None if p is None else p + 1, "", "")
        for i, p in enumerate(parents)
    ]


@st.composite
def forests(draw: st.DrawFn) -> list[int | None]:
    size = draw(st.integers(min_value=2, max_value=60))
    return [
        None
        if i == 0 or (draw(st.booleans()) and draw(st.booleans()))
        else draw(st.integers(0, i - 1))
        for i in range(size)
    ]


@given(forests())
def test_any_forest_is_laid_out_without_overlaps_and_parents_above(
    parents: list[int | None],
) -> None:
    graph = build_graph(rows_of(parents))
    assert_no_overlaps(graph)
    by_id = graph.by_id()
    assert all(by_id[n.parent].y + 1 == n.y for n in graph.nodes if n.parent is not None)
    assert min((n.x for n in graph.nodes), default=0) == 0


@given(st.lists(st.one_of(st.none(), st.integers(0, 39)), min_size=1, max_size=40))
def test_any_referrals_even_loops_give_a_forest_of_everyone_related(
    parents: list[int | None],
) -> None:
    parents = [p if p is None or p < len(parents) else None for p in parents]
    graph = build_graph(rows_of(parents))
    related = {i + 1 for i, p in enumerate(parents) if p is not None and p != i}
    related |= {p + 1 for i, p in enumerate(parents) if p is not None and p != i}
    assert sorted(node.id for node in graph.nodes) == sorted(related)
    assert len(graph.edges) + len(graph.cut) == sum(
        1 for i, p in enumerate(parents) if p is not None and p != i
    )
    assert len(graph.edges) == len(graph.nodes) - sum(1 for n in graph.nodes if n.parent is None)
    assert_no_overlaps(graph)


def test_a_very_long_chain_is_laid_out_without_recursion() -> None:
    graph = build_graph(rows_of([None, *range(2999)]))
    assert len(graph.nodes) == 3000
    assert graph.levels == 3000
    assert {node.x for node in graph.nodes} == {0.0}
    assert len(longest_chains(graph)[0].people) == 3000


def test_a_loop_is_cut_at_its_first_person_by_name() -> None:
    # P00000 and P00001 refer each other; P00002 was referred by P00000.
    graph = build_graph(rows_of([1, 0, 0]))
    assert [(n.name, n.parent) for n in graph.nodes] == [
        ("P00000", None),
        ("P00001", 1),
        ("P00002", 1),
    ]
    assert [(e.from_id, e.to_id) for e in graph.cut] == [(2, 1)]
    assert [(e.from_id, e.to_id) for e in graph.edges] == [(1, 2), (1, 3)]


def test_a_self_reference_is_not_a_relation() -> None:
    graph = build_graph([PersonRow(1, "Ada", "", 1, "", "")])
    assert graph.nodes == []


def test_two_thousand_people_take_one_query(owner: User, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    organization = Organization.objects.create(owner=owner, name="Acme")
    people = Person.objects.bulk_create(
        Person(owner=owner, name=f"Person {i:04d}", organization=organization) for i in range(2000)
    )
    for i, person in enumerate(people[1:], start=1):
        person.referred_by = people[(i - 1) // 3]  # everyone refers three people
    Person.objects.bulk_update(people[1:], ["referred_by"], batch_size=500)
    with django_assert_num_queries(1):
        graph = referral_graph(owner)
    assert len(graph.nodes) == 2000
    assert len(graph.edges) == 1999
    assert_no_overlaps(graph)
