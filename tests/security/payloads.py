"""Hostile text: what an attacker (or an unlucky paste) could put in any field of coffeechat.

Every payload is harmless when shown as text. The escaping tests store them in every text field
of every model and check that each page, export and calendar file shows them as text only.
"""

from __future__ import annotations

# Marks that can only appear in a page if a payload became markup or was evaluated.
SCRIPT_MARK = "alert(1337)"
RENDERED_MARKS = ("1337000", "7777777", "49494949")

XSS = [
    "<script>alert(1337)</script>",
    '"><script>alert(1337)</script>',
    "'><img src=x onerror=alert(1337)>",
    '"><img src=x onerror=alert(1337)>',
    '" onmouseover="alert(1337)" x="',
    "' autofocus onfocus='alert(1337)' x='",
    "<svg onload=alert(1337)>",
    "<svg><script>alert(1337)</script></svg>",
    "<iframe src=javascript:alert(1337)></iframe>",
    '<a href="javascript:alert(1337)">click</a>',
    "</textarea><script>alert(1337)</script>",
    "</title><script>alert(1337)</script>",
    "</style><script>alert(1337)</script>",
    "<!--<script>alert(1337)</script>-->",
    "<body onload=alert(1337)>",
    "<details open ontoggle=alert(1337)>",
    '<math><mtext><table><mglyph><style><img src=x onerror="alert(1337)">',
    "<base href=//evil.example/>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1337)">',
    "javascript:alert(1337)",
    "&lt;script&gt;alert(1337)&lt;/script&gt;",
]

TEMPLATE = [
    "{{ 7*7 }}",
    "{{ 1337*1000 }}",
    "{{7*'7'}}",
    "{% debug %}",
    "{% load static %}{% static 'x' %}",
    "${7*7}",
    "${1337*1000}",
    "#{1337*1000}",
    "<%= 1337*1000 %>",
    "{{ request.user.password }}",
    "{0.__class__}",
    "%(password)s %s %d",
]

# Line breaks that would start a new property in a calendar or contact file if not escaped.
LINE_INJECTION = [
    "Coffee\r\nATTENDEE:mailto:attacker@evil.example",
    "Coffee\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected",
    "Coffee\rORGANIZER:mailto:attacker@evil.example",
    "Coffee\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:injected",
    "Coffee\rEMAIL:attacker@evil.example",
    'Coffee";X-INJECTED=1;CN="x',
]

# Cells a spreadsheet would run as a formula (OWASP's CSV injection list).
FORMULA = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example","x")',
    "+1+1",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]

UNICODE = [
    "\u202etxt.exe",  # right-to-left override
    "\u200b<script>alert(1337)</script>",  # zero-width space before markup
    "\ufeff\u2028\u2029line separators",
    "Zoë 中文 العربية 🙂",
]

PAYLOADS: list[str] = [*XSS, *TEMPLATE, *LINE_INJECTION, *FORMULA, *UNICODE]

# One string holding the most dangerous HTML payloads, short enough for a 50-character field.
SHORT = '"><script>alert(1337)</script>{{ 7*7 }}'


def payload_text(index: int, max_length: int | None) -> str:
    """A value for the ``index``-th text field: the short core, then payloads in turn, cut to fit.

    Every field gets the script and attribute breakout; longer fields get a rotating share of
    the rest, so across all fields every payload is stored somewhere.
    """
    rotated = PAYLOADS[index % len(PAYLOADS) :] + PAYLOADS[: index % len(PAYLOADS)]
    text = " ".join([SHORT, *rotated])
    return text[:max_length] if max_length else text
