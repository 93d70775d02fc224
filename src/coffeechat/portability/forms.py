from __future__ import annotations

from typing import Any

from django import forms

from coffeechat.portability.records import KIND_LABELS

MAX_UPLOAD_BYTES = 50 * 1024 * 1024


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of file",
        choices=[("", "Tell from the file"), *KIND_LABELS.items()],
        required=False,
    )
    file = forms.FileField(
        help_text="LinkedIn's Connections.csv, a Google Contacts CSV, a .vcf file of contacts, "
        "or a coffeechat JSON export. Nothing is saved before you confirm the preview."
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is larger than 50 MB.")
        return upload
