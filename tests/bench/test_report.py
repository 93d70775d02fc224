"""The benchmark's arithmetic and verdicts, and the LinkedIn file it imports."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from bench.import_bench import connections_csv
from bench.report import Report, Result, Timing, percentile
from coffeechat.portability.importer import preview_import


def test_percentile_is_the_nearest_rank() -> None:
    values = [float(n) for n in range(1, 101)]
    assert percentile(values, 0.50) == 50.0
    assert percentile(values, 0.95) == 95.0
    assert percentile([3.0], 0.95) == 3.0


def test_a_page_under_50_ms_and_within_5x_the_framework_passes() -> None:
    framework = Timing([0.002] * 20)
    page = Result("people list", "/people/", Timing([0.009] * 20))
    assert page.verdict(framework) == "pass"


def test_a_page_over_50_ms_fails_naming_both_targets_it_misses() -> None:
    framework = Timing([0.002] * 20)
    page = Result("today", "/today/", Timing([0.080] * 20))
    assert page.verdict(framework) == "FAIL: p95 ≥ 50 ms, > 5× framework"


def test_a_missing_page_is_reported_as_not_available() -> None:
    report = Report("t", results=[Result("dashboard", "/dashboard/", note="not available")])
    report.framework = Timing([0.001])
    assert "| dashboard | `/dashboard/` | – | – | – | – | – | – | – | not available |" in (
        report.markdown()
    )


@pytest.mark.django_db
def test_the_generated_connections_file_imports_every_row_as_a_new_person(owner: User) -> None:
    preview = preview_import(owner, "linkedin", connections_csv(400), "Connections.csv")
    assert preview.counts == {"new": 400, "merged": 0, "skipped": 0}
