"""The referral network page (P28): who led to whom, drawn, listed and tabled."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coffeechat.core.http import user_of
from coffeechat.network.drawing import draw
from coffeechat.network.graph import (
    longest_chains,
    most_generous_referrers,
    referral_graph,
    stage_legend,
)
from coffeechat.network.markup import edges_markup, nodes_markup, table_rows_markup


@login_required
def network(request: HttpRequest) -> HttpResponse:
    """The whole network in one picture, with the same facts as lists and a table."""
    graph = referral_graph(user_of(request))
    drawing = draw(graph)
    context = {
        "graph": graph,
        "drawing": drawing,
        "svg_nodes": nodes_markup(drawing.nodes),
        "svg_edges": edges_markup(drawing.edges),
        "table_rows": table_rows_markup(drawing.edges),
        "chains": longest_chains(graph),
        "referrers": most_generous_referrers(graph),
        "legend": stage_legend(graph.nodes),
    }
    return render(request, "network/network.html", context)
