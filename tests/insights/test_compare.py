"""The comparison matrix of the careers explored (P26), on the page and as CSV."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from coffeechat.insights.compare import Said, career_matrix, matrix_csv
from tests.factories import ResourceFactory, SkillFactory
from tests.insights.test_learned import conversation


def two_software_conversations(owner: User) -> None:
    """Two conversations in software (Ada, Ben) and one in health (Cy)."""
    ada = conversation(
        owner,
        industry="Software",
        fit_score=4,
        likes="Shipping things people use",
        challenges="On-call weeks",
        entry_path="A bootcamp, then a junior role",
    )
    ada.interview.person.name = "Ada"
    ada.interview.person.save()
    ben = conversation(owner, industry="software", fit_score=5, likes="The pace", challenges="")
    ben.interview.person.name = "Ben"
    ben.interview.person.save()
    cy = conversation(owner, industry="Health", fit_score=2, likes="Helping patients")
    cy.interview.person.name = "Cy"
    cy.interview.person.save()
    for skill in ("SQL", "sql", "Python", "Git", "Testing", "Writing", "Figma"):
        SkillFactory(owner=owner, interview=ada.interview, name=skill)
    SkillFactory(owner=owner, interview=ben.interview, name="Python")
    SkillFactory(owner=owner, interview=ben.interview, name="Python ")
    ResourceFactory(owner=owner, interview=ada.interview, title="The Pragmatic Programmer")
    ResourceFactory(owner=owner, interview=ben.interview, title="the pragmatic programmer")


def test_a_row_counts_conversations_and_averages_the_fit(owner: User) -> None:
    two_software_conversations(owner)
    software, health = career_matrix(owner, "field")
    assert (software.label, software.conversations, software.average_fit) == (
        "Software",
        2,
        Decimal("4.5"),
    )
    assert (health.label, health.conversations, health.average_fit) == ("Health", 1, Decimal("2.0"))


def test_a_row_lines_up_what_people_like_with_who_said_it(owner: User) -> None:
    two_software_conversations(owner)
    software = career_matrix(owner, "field")[0]
    assert sorted(software.likes, key=lambda s: s.who) == [
        Said("Shipping things people use", "Ada"),
        Said("The pace", "Ben"),
    ]


def test_a_row_leaves_out_blank_answers(owner: User) -> None:
    two_software_conversations(owner)
    software = career_matrix(owner, "field")[0]
    assert software.challenges == [Said("On-call weeks", "Ada")]
    assert software.entry_paths == [Said("A bootcamp, then a junior role", "Ada")]


def test_a_row_names_the_five_skills_heard_most_with_counts(owner: User) -> None:
    two_software_conversations(owner)
    software = career_matrix(owner, "field")[0]
    assert [(s.label, s.count) for s in software.skills] == [
        ("Python", 3),
        ("SQL", 2),
        ("Figma", 1),
        ("Git", 1),
        ("Testing", 1),
    ]


def test_a_row_lists_each_resource_title_once(owner: User) -> None:
    two_software_conversations(owner)
    software = career_matrix(owner, "field")[0]
    assert [(r.label, r.count) for r in software.resources] == [("The Pragmatic Programmer", 2)]


def test_the_matrix_by_role_groups_titles(owner: User) -> None:
    conversation(owner, title="Data Analyst", fit_score=3)
    conversation(owner, title="data analyst", fit_score=4)
    (row,) = career_matrix(owner, "role")
    assert (row.label, row.conversations, row.average_fit) == ("Data Analyst", 2, Decimal("3.5"))


def test_a_row_never_scored_has_no_average(owner: User) -> None:
    conversation(owner, fit_score=None)
    (row,) = career_matrix(owner, "field")
    assert (row.average_fit, row.fit_count, row.fit_percent) == (None, 0, 0)


# --- CSV -----------------------------------------------------------------------------------------


def parsed(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_has_the_same_matrix(owner: User) -> None:
    two_software_conversations(owner)
    rows = parsed(matrix_csv(career_matrix(owner, "field"), "field"))
    assert rows[0] == [
        "Field",
        "Conversations",
        "Average fit (1-5)",
        "What people like",
        "What they find hard",
        "How people get in",
        "Skills needed",
        "Resources",
    ]
    assert rows[2] == ["Health", "1", "2.0", "Helping patients (Cy)", "", "", "", ""]
    assert rows[1][:3] == ["Software", "2", "4.5"]
    assert rows[1][4:] == [
        "On-call weeks (Ada)",
        "A bootcamp, then a junior role (Ada)",
        "Python (3)\nSQL (2)\nFigma (1)\nGit (1)\nTesting (1)",
        "The Pragmatic Programmer",
    ]


def test_the_csv_lines_end_with_crlf(owner: User) -> None:
    conversation(owner, fit_score=3)
    assert matrix_csv(career_matrix(owner, "field"), "field").endswith("\r\n")


def test_a_formula_in_a_debrief_is_neutralised_in_the_csv(owner: User) -> None:
    conversation(owner, likes='=HYPERLINK("https://evil.example","click")', industry="@SUM(A1)")
    rows = parsed(matrix_csv(career_matrix(owner, "field"), "field"))
    assert rows[1][0] == "'@SUM(A1)"
    assert rows[1][3].startswith("'=HYPERLINK(")


def test_the_csv_download_is_an_attachment_named_for_the_grouping(owner_client: Client) -> None:
    response = owner_client.get(reverse("insights_compare_csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"] == 'attachment; filename="coffeechat-careers-by-field.csv"'
    )


def test_the_csv_by_role_is_named_so(owner_client: Client, owner: User) -> None:
    conversation(owner, title="Nurse", fit_score=5)
    response = owner_client.get(reverse("insights_compare_csv"), {"by": "role"})
    assert 'filename="coffeechat-careers-by-role.csv"' in response["Content-Disposition"]
    assert parsed(response.content.decode())[1][:3] == ["Nurse", "1", "5.0"]


def test_the_csv_with_an_unknown_grouping_names_it(owner_client: Client) -> None:
    response = owner_client.get(reverse("insights_compare_csv"), {"by": "salary"})
    assert response.status_code == 400
    assert response.content.decode() == "Compare by: choose field or role."


def test_the_csv_holds_only_the_users_own_careers(
    owner_client: Client, owner: User, outsider: User
) -> None:
    conversation(outsider, industry="Secret field of Bob")
    conversation(owner, industry="Software")
    text = owner_client.get(reverse("insights_compare_csv")).content.decode()
    assert [row[0] for row in parsed(text)] == ["Field", "Software"]


# --- the page ------------------------------------------------------------------------------------


def test_the_page_shows_the_average_and_its_bar(owner_client: Client, owner: User) -> None:
    two_software_conversations(owner)
    response = owner_client.get(reverse("insights_compare"))
    assertContains(response, '<span class="learned-fitnum">4.5</span>', html=False)
    assertContains(response, '<rect class="learned-bar-value" width="90"')
    assertContains(response, "On-call weeks")
    assertContains(response, 'Python <span class="muted">(3)</span>', html=False)


def test_the_table_scrolls_in_its_own_labelled_box(owner_client: Client, owner: User) -> None:
    conversation(owner)
    response = owner_client.get(reverse("insights_compare"))
    assertContains(
        response,
        '<div class="learned-scroll" role="region" aria-labelledby="matrix-caption" tabindex="0">',
    )


def test_the_page_by_role_has_role_rows(owner_client: Client, owner: User) -> None:
    conversation(owner, title="Curator", industry="Museums")
    response = owner_client.get(reverse("insights_compare"), {"by": "role"})
    assertContains(response, '<th scope="row">Curator</th>', html=True)
    assertNotContains(response, '<th scope="row">Museums</th>', html=True)


def test_the_page_names_an_unknown_grouping(owner_client: Client, owner: User) -> None:
    conversation(owner, industry="Museums")
    response = owner_client.get(reverse("insights_compare"), {"by": "organization"})
    assertContains(response, "Compare by: choose one of field, role; showing by field.")
    assertContains(response, '<th scope="row">Museums</th>', html=True)


def test_an_empty_matrix_says_what_to_do(owner_client: Client) -> None:
    response = owner_client.get(reverse("insights_compare"))
    assertContains(response, "No careers to compare yet.")
    assertNotContains(response, "Download as CSV")
