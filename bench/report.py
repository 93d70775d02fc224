"""Percentiles, targets and the Markdown report."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

PAGE_P95_MS = 50.0  # every page and API call, at p95
FRAMEWORK_RATIO = 5.0  # p95 within 5× of the framework's floor
IMPORT_SECONDS = 3.0
IMPORT_RATIO = 4.0
FIRST_PAGE_SECONDS = 2.0


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest rank: the smallest value with at least ``fraction`` of the values at or below."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


@dataclass
class Timing:
    seconds: list[float]

    @property
    def n(self) -> int:
        return len(self.seconds)

    def ms(self, fraction: float) -> float:
        return percentile(self.seconds, fraction) * 1000

    @property
    def p50(self) -> float:
        return self.ms(0.50)

    @property
    def p95(self) -> float:
        return self.ms(0.95)

    @property
    def max(self) -> float:
        return max(self.seconds) * 1000


@dataclass
class Result:
    name: str
    path: str
    timing: Timing | None = None
    queries: int | None = None
    writes: int = 0
    db_floor: Timing | None = None
    note: str = ""  # "not available", "status 500", …
    errors: int = 0
    slowest_sql: tuple[float, str] = (0.0, "")  # median seconds, SQL: where to look first

    def ratio(self, framework: Timing) -> float | None:
        if self.timing is None:
            return None
        return self.timing.p95 / framework.p95

    def verdict(self, framework: Timing) -> str:
        if self.timing is None:
            return self.note or "not measured"
        ratio = self.ratio(framework)
        assert ratio is not None
        misses = []
        if self.timing.p95 >= PAGE_P95_MS:
            misses.append(f"p95 ≥ {PAGE_P95_MS:.0f} ms")
        if ratio > FRAMEWORK_RATIO:
            misses.append(f"> {FRAMEWORK_RATIO:.0f}× framework")
        if self.errors:
            misses.append(f"{self.errors} errors")
        return "pass" if not misses else "FAIL: " + ", ".join(misses)


@dataclass
class Report:
    title: str
    facts: list[tuple[str, str]] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    framework: Timing | None = None
    extras: list[tuple[str, str, str]] = field(default_factory=list)  # (what, value, verdict)
    notes: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        lines = [f"# {self.title}", ""]
        lines += [f"- {name}: {value}" for name, value in self.facts]
        lines += ["", *self._pages(), ""]
        if self.extras:
            lines += ["| measure | value | target |", "| --- | --- | --- |"]
            lines += [f"| {what} | {value} | {verdict} |" for what, value, verdict in self.extras]
            lines.append("")
        lines += [f"{note}" for note in self.notes]
        lines += ["", *self._slowest()]
        return "\n".join(lines).rstrip() + "\n"

    def _pages(self) -> list[str]:
        framework = self.framework
        header = (
            "| target | path | n | p50 ms | p95 ms | max ms | queries | DB floor p50 ms "
            "| × framework p95 | result |"
        )
        lines = [header, "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
        if framework is not None:
            lines.append(
                f"| framework floor | `/healthz` | {framework.n} | {framework.p50:.2f} "
                f"| {framework.p95:.2f} | {framework.max:.2f} | 0 | – | 1.0 | floor |"
            )
        for result in self.results:
            lines.append(self._row(result))
        return lines

    def _row(self, result: Result) -> str:
        queries = "–" if result.queries is None else str(result.queries)
        if result.writes:
            queries += f" ({result.writes} writes)"
        floor = "–" if result.db_floor is None else f"{result.db_floor.p50:.2f}"
        timing, framework = result.timing, self.framework
        if timing is None or framework is None:
            return (
                f"| {result.name} | `{result.path}` | – | – | – | – | {queries} | {floor} | – "
                f"| {result.note or 'not measured'} |"
            )
        ratio = result.ratio(framework)
        return (
            f"| {result.name} | `{result.path}` | {timing.n} | {timing.p50:.2f} "
            f"| {timing.p95:.2f} | {timing.max:.2f} | {queries} | {floor} | {ratio:.1f} "
            f"| {result.verdict(framework)} |"
        )

    def _slowest(self) -> list[str]:
        """Each page's slowest statement (median of the DB floor's runs), for the fixes."""
        rows = [result for result in self.results if result.slowest_sql[1]]
        if not rows:
            return []
        lines = [
            "## Slowest statement per page (DB floor, median)",
            "",
            "| target | ms | SQL (first 300 characters) |",
            "| --- | ---: | --- |",
        ]
        for result in rows:
            seconds, sql = result.slowest_sql
            text = " ".join(sql.split())[:300].replace("|", "\\|")
            lines.append(f"| {result.name} | {seconds * 1000:.2f} | `{text}` |")
        return lines
