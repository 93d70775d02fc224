from __future__ import annotations

from typing import Any

from django import forms

from coffeechat.core.limits import MAX_UPLOAD_BYTES, megabytes
from coffeechat.portability.records import KIND_LABELS


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of file",
        choices=[("", "Tell from the file"), *KIND_LABELS.items()],
        required=False,
    )
    file = forms.FileField(
        help_text="LinkedIn's Connections.csv, a Google Contacts CSV, a .vcf file of contacts, "
        f"or a coffeechat JSON export, up to {megabytes(MAX_UPLOAD_BYTES)}. Nothing is saved "
        "before you confirm the preview."
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            # Django has spooled it to a temporary file, not memory; nothing reads it further.
            raise forms.ValidationError(
                f"The file is {megabytes(upload.size)}; the limit is "
                f"{megabytes(MAX_UPLOAD_BYTES)}. Split it into smaller files, or import it on "
                "the server with the coffeechat import command."
            )
        return upload
