"""Import (upload → preview → confirm) and export pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from coffeechat.core.http import user_of
from coffeechat.portability.exports import FORMAT_LABELS, FORMATS, export_file
from coffeechat.portability.forms import ImportForm
from coffeechat.portability.importer import detect_kind, preview_import, run_import
from coffeechat.portability.pending import drop_pending, load_pending, save_pending
from coffeechat.portability.records import KIND_LABELS, ImportProblem, Kind

PREVIEW_ROWS = 200  # rows of each list shown on the preview page


@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        name = upload.name or "upload"
        data = upload.read()
        kind: Kind | None = form.cleaned_data["kind"] or detect_kind(data)
        if kind is None:
            form.add_error("kind", f"{name} is none of the formats below: choose what it is.")
        else:
            try:
                preview_import(user, kind, data, name)
            except ImportProblem as problem:
                form.add_error("file", f"Nothing was imported. {problem}")
            else:
                token = save_pending(request, user, data, name, kind)
                return redirect("import_preview", token=token)
    return render(request, "portability/import.html", {"form": form, "kinds": KIND_LABELS})


@login_required
def import_preview(request: HttpRequest, token: str) -> HttpResponse:
    user = user_of(request)
    pending = load_pending(request, user, token)
    problem: ImportProblem | None = None
    preview = None
    try:
        preview = preview_import(user, pending.kind, pending.data(), pending.file)
    except ImportProblem as error:
        problem = error
    context = {
        "pending": pending,
        "kind_label": KIND_LABELS[pending.kind],
        "preview": preview,
        "problem": problem,
        "limit": PREVIEW_ROWS,
        "more_merges": max(0, len(preview.merges) - PREVIEW_ROWS) if preview else 0,
        "more_new": max(0, len(preview.new) - PREVIEW_ROWS) if preview else 0,
    }
    return render(request, "portability/preview.html", context)


@login_required
@require_POST
def import_confirm(request: HttpRequest, token: str) -> HttpResponse:
    user = user_of(request)
    pending = load_pending(request, user, token)
    try:
        done = run_import(user, pending.kind, pending.data(), pending.file)
    except ImportProblem as problem:
        messages.error(request, f"Nothing was imported. {problem}")
        return redirect("import_preview", token=token)
    drop_pending(request, token)
    messages.success(request, f"Imported {done.summary()}")
    return redirect("person_list")


@login_required
@require_POST
def import_cancel(request: HttpRequest, token: str) -> HttpResponse:
    load_pending(request, user_of(request), token)
    drop_pending(request, token)
    messages.success(request, "The import is cancelled; nothing was written.")
    return redirect("import_upload")


@login_required
def export(request: HttpRequest) -> HttpResponse:
    return render(request, "portability/export.html", {"formats": FORMAT_LABELS.items()})


@login_required
def export_download(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    file = export_file(user_of(request), fmt)
    response = HttpResponse(file.content, content_type=file.content_type)
    response.headers["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=file.filename
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response
