"""The pitch page (P18): live timing, versions kept on every save, restoring an earlier one."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coffeechat.prep.models import Pitch
from coffeechat.prep.services import save_pitch
from tests.factories import PitchFactory

HTMX = {"HX-Request": "true"}
ABOUT_40_SECONDS = " ".join(["word"] * 87)  # 87 words at 130 a minute


def test_the_pitch_page_starts_from_the_current_pitch(owner_client: Client, owner: User) -> None:
    save_pitch(owner, "An older pitch.")
    save_pitch(owner, "I taught science and now explore research.")
    response = owner_client.get("/pitch/")
    assert response.context["form"].initial["text"] == "I taught science and now explore research."


def test_the_pitch_page_shows_the_target(owner_client: Client) -> None:
    assertContains(owner_client.get("/pitch/"), "target 30–60 seconds")


def test_the_pitch_page_is_in_the_main_navigation(owner_client: Client) -> None:
    assertContains(owner_client.get("/pitch/"), '<a href="/pitch/" aria-current="page">Pitch</a>')


def test_the_live_check_counts_words_and_spoken_seconds(owner_client: Client) -> None:
    response = owner_client.post("/pitch/check/", {"text": ABOUT_40_SECONDS}, headers=HTMX)
    assertContains(response, "<strong>87</strong> words")
    assertContains(response, "<strong>40</strong> seconds")
    assertContains(response, "a good length")


def test_the_live_check_says_when_a_pitch_is_too_long(owner_client: Client) -> None:
    response = owner_client.post("/pitch/check/", {"text": ABOUT_40_SECONDS * 2}, headers=HTMX)
    assertContains(response, "too long")


def test_saving_keeps_a_new_version(owner_client: Client, owner: User) -> None:
    save_pitch(owner, "First version.")
    response = owner_client.post("/pitch/", {"text": "Second version."})
    assertRedirects(response, "/pitch/", fetch_redirect_response=False)
    assert [p.text for p in Pitch.objects.filter(owner=owner)] == [
        "Second version.",
        "First version.",
    ]


def test_saving_says_how_long_the_pitch_takes(owner_client: Client) -> None:
    response = owner_client.post("/pitch/", {"text": ABOUT_40_SECONDS}, follow=True)
    assertContains(response, "Your pitch is saved. About 40 seconds")


def test_an_empty_pitch_names_the_field(owner_client: Client, owner: User) -> None:
    response = owner_client.post("/pitch/", {"text": "   "})
    assert response.status_code == 200
    assert "text" in response.context["form"].errors
    assert not Pitch.objects.filter(owner=owner).exists()


def test_earlier_versions_are_listed_with_their_date(owner_client: Client, owner: User) -> None:
    first, _ = save_pitch(owner, "First version.")
    save_pitch(owner, "Second version.")
    response = owner_client.get("/pitch/")
    assert [v.text for v, _ in response.context["versions"]] == [
        "Second version.",
        "First version.",
    ]
    assertContains(response, f'datetime="{first.created_at.isoformat()}"')
    assertContains(response, "Use this version", count=1)


def test_using_an_earlier_version_makes_it_the_newest(owner_client: Client, owner: User) -> None:
    first, _ = save_pitch(owner, "First version.")
    save_pitch(owner, "Second version.")
    response = owner_client.post(f"/pitch/{first.pk}/restore/")
    assertRedirects(response, "/pitch/", fetch_redirect_response=False)
    assert [p.text for p in Pitch.objects.filter(owner=owner)] == [
        "First version.",
        "Second version.",
        "First version.",
    ]


def test_another_users_version_cannot_be_restored(
    outsider_client: Client, owner: User, outsider: User
) -> None:
    theirs = PitchFactory(owner=owner, text="Alice's pitch.")
    response = outsider_client.post(f"/pitch/{theirs.pk}/restore/")
    assert response.status_code == 404
    assert not Pitch.objects.filter(owner=outsider).exists()


def test_restoring_answers_get_the_same_for_everyone(
    owner_client: Client, outsider_client: Client, owner: User
) -> None:
    """A POST-only address answers 405 to a GET whoever asks, so it reveals nothing."""
    version = PitchFactory(owner=owner)
    address = f"/pitch/{version.pk}/restore/"
    assert owner_client.get(address).status_code == outsider_client.get(address).status_code == 405


def test_another_users_versions_are_not_listed(owner_client: Client, outsider: User) -> None:
    PitchFactory(owner=outsider, text="Bob's private pitch.")
    assertNotContains(owner_client.get("/pitch/"), "Bob's private pitch.")


@pytest.mark.usefixtures("owner")
@pytest.mark.parametrize("address", ["/pitch/", "/pitch/check/"])
def test_the_pitch_pages_need_a_sign_in(client: Client, address: str) -> None:
    assert client.post(address, {"text": "Hello"}).status_code == 302
    assert not Pitch.objects.exists()
