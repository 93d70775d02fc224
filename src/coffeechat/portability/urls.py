from __future__ import annotations

from django.urls import path

from coffeechat.accounts import deletion
from coffeechat.portability import views

urlpatterns = [
    path("import/", views.import_upload, name="import_upload"),
    path("import/<str:token>/", views.import_preview, name="import_preview"),
    path("import/<str:token>/confirm/", views.import_confirm, name="import_confirm"),
    path("import/<str:token>/cancel/", views.import_cancel, name="import_cancel"),
    path("export/", views.export, name="export"),
    path("export/<str:fmt>/", views.export_download, name="export_download"),
    path("account/delete/", deletion.account_delete, name="account_delete"),
]
