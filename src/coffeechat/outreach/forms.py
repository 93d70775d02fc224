from __future__ import annotations

from django import forms

from coffeechat.playbook.drafts import DRAFT_LABELS
from coffeechat.playbook.outreach import CHANNELS

CHANNEL_LABELS = {
    "email": "Email",
    "linkedin-note": "Connection note (300 characters)",
    "message": "Message",
}


class ComposeForm(forms.Form):
    kind = forms.ChoiceField(label="Template", choices=list(DRAFT_LABELS.items()))
    channel = forms.ChoiceField(choices=[(c, CHANNEL_LABELS[c]) for c in CHANNELS])
    subject = forms.CharField(max_length=200, required=False)
    body = forms.CharField(
        label="Message", max_length=20_000, widget=forms.Textarea(attrs={"rows": 12})
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label="What they said", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
