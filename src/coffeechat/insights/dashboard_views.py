"""The dashboard page (issue #7): the signed-in user's own numbers, drawn as SVG on the server."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.dateformat import format as format_date
from django.utils.safestring import SafeString

from coffeechat.core.http import user_of
from coffeechat.insights import charts
from coffeechat.insights.dashboard import SERIES, Dashboard, DashboardQuery, dashboard_for
from coffeechat.insights.goals import goals_summary


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    data = dashboard_for(DashboardQuery.of(user))
    context = {
        "dashboard": data,
        "charts": {} if data.is_empty else draw(data),
        "figures": figures(data),
        "goals": goals_summary(user),
    }
    return render(request, "insights/dashboard.html", context)


def figures(data: Dashboard) -> dict[str, str | int | None]:
    """The numbers written beside the charts, rounded as the charts round them."""
    median = data.replies.median_days_to_reply
    return {
        "reply_percent": charts.percent(data.replies.replies, data.replies.requests),
        "thank_you_percent": charts.percent(data.thank_yous.within, data.thank_yous.held),
        "median_days": None if median is None else charts.number(median),
    }


def draw(data: Dashboard) -> dict[str, SafeString]:
    """Each chart with its numbers in words; a section with nothing to show gets no chart."""
    drawn: dict[str, SafeString] = {}
    funnel = data.funnel
    if funnel.total:
        exits = ", ".join(f"{c.label.lower()} {c.count}" for c in funnel.exits)
        reached = "; ".join(f"{c.count} reached {c.label.lower()}" for c in funnel.reached[1:])
        drawn["funnel"] = charts.funnel(
            "chart-funnel",
            [charts.Bar(c.label, c.count) for c in funnel.reached],
            title="Pipeline: how many interviews reached each stage",
            desc=f"Of {_count(funnel.total, 'interview')}, {reached}. Exits: {exits}.",
        )
    weeks = data.weekly
    if weeks.total:
        labels = [format_date(week.start, "j M") for week in weeks.weeks]
        totals = ", ".join(f"{name.lower()} {sum(weeks.series(f))}" for f, _, name in SERIES)
        by_week = " ".join(
            f"Week of {label}: "
            + ", ".join(f"{name.lower()} {week.count(f)}" for f, _, name in SERIES)
            + "."
            for label, week in zip(labels, weeks.weeks, strict=True)
        )
        drawn["weekly"] = charts.grouped_bars(
            "chart-weekly",
            labels,
            [charts.Series(name, weeks.series(f)) for f, _, name in SERIES],
            title=f"Activity per week, last {len(labels)} weeks",
            desc=f"In the last {len(labels)} weeks: {totals}. {by_week}",
        )
    replies = data.replies
    if replies.requests:
        median = replies.median_days_to_reply
        days = "nobody replied yet" if median is None else _count(median, "day")
        drawn["replies"] = charts.share_bar(
            "chart-replies",
            replies.replies,
            replies.requests,
            title="Reply rate",
            desc=f"{replies.replies} of {_count(replies.requests, 'request')} answered"
            f"{_percent(replies.replies, replies.requests)}; median time to reply: {days}.",
        )
    thanks = data.thank_yous
    if thanks.held:
        drawn["thank_yous"] = charts.share_bar(
            "chart-thank-yous",
            thanks.within,
            thanks.held,
            title="Thank-yous sent within 24 hours",
            desc=f"{thanks.within} of {_count(thanks.held, 'conversation')} held thanked "
            f"within 24 hours{_percent(thanks.within, thanks.held)}.",
        )
    return drawn


def _percent(part: int, whole: int) -> str:
    share = charts.percent(part, whole)
    return "" if share is None else f" ({share}%)"


def _count(value: float, noun: str) -> str:
    shown = charts.number(value)
    return f"{shown} {noun}" if shown == "1" else f"{shown} {noun}s"
