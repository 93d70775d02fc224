"""The ``asks-for-job`` rule: asking for a job, an opening, a referral or sending a résumé (P8)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from coffeechat.playbook.outreach_text import (
    _MAX_FINDINGS_PER_RULE,
    Finding,
    _negated,
    _quote,
)

# ------------------------------------------------------------------------------ asks-for-job

_GAP = r"(?:[\w'&-]++\s++)"  # one word and the space after it
_JOBN = r"(?:jobs?|positions?|openings?|vacanc(?:y|ies)|internships?|postings?)"
_JOBR = r"(?:jobs?|positions?|roles?|openings?|vacanc(?:y|ies)|internships?|postings?)"
_DET = r"(?:the|a|an|this|that|your|any|one\s++of\s++(?:the|your))"
_RES = r"(?:r[eé]\u0301?sum[eé]\u0301?s?|cvs?|c\.v\.|curriculum\s++vitae)(?!\w)"
_TEAM = r"(?:team|company|firm|organi[sz]ation|department|group|lab|office|startup|agency)"

# (kind, keywords, pattern): a pattern runs only when one of its keywords is in the text,
# which keeps long texts fast; every keyword is a substring any match must contain.
_JOB_PATTERNS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    # Openings, vacancies and hiring.
    ("job", ("opening",), r"\b(?:(?:any|job|open|current|upcoming|available|new)\s++)?openings\b"),
    (
        "job",
        ("opening",),
        r"\b(?:an|any|job|the)\s++opening\b(?!\s++(?:keynote|talk|remarks?|session|night|act"
        r"|ceremony|address|panel|statement|line|day|week|of\b))",
    ),
    ("job", ("vacanc",), r"\bvacanc(?:y|ies)\b"),
    (
        "job",
        ("job", "position", "role", "internship"),
        r"\b(?:any|open|available|vacant)\s++(?:jobs|positions|roles|internships|job|position)\b",
    ),
    (
        "job",
        ("available", "open"),
        r"\b(?:jobs?|positions?|roles|internships?)\s++(?:available|open)\b(?!\s++to\b)",
    ),
    (
        "job",
        ("job", "position", "role", "opening", "vacanc", "internship", "posting"),
        rf"\b(?:a|an|any)\s++{_JOBR}\s++(?:on|in|at|with)\s++(?:your|the)\s++{_TEAM}\b",
    ),
    ("job", ("job",), r"\bjob\s++(?:postings?|posts?|ads?|adverts?|listings?)\b"),
    (
        "job",
        ("posted", "advertised", "listed"),
        rf"\b{_JOBR}\s++(?:you|your\s++team)(?:'ve|\s++have)?\s++(?:posted|advertised|listed)\b",
    ),
    (
        "job",
        ("hiring",),
        r"\b(?:are|is)\s++(?:(?!(?:on|about|of|for|in|with|to|like|around|the)\b)[\w'&-]++\s++)"
        r"{1,3}?hiring\b(?!\s++(?:process|practices?|trends?|landscape|market|like|managers?"
        r"|bar|freeze|season|works?))",
    ),
    (
        "job",
        ("hiring",),
        rf"\b(?:you|they|{_TEAM})(?:'re|'s|\s++are|\s++is)\s++"
        r"(?:currently\s++|still\s++|actively\s++)?hiring\b(?!\s++(?:process|practices?))",
    ),
    ("job", ("hiring",), r"\b(?:currently|actively|still)\s++hiring\b"),
    ("job", ("hiring",), r"\bhiring\s++(?:right\s++now|at\s++the\s++moment)\b"),
    ("job", ("hire",), r"\bhire\s++me\b"),
    (
        "job",
        ("hiring", "recruiter"),
        r"\b(?:connect|introduce|put|pass)\s++(?:me|my\s++\w+)\s++(?:\w+\s++){0,2}?(?:with|to)"
        r"\s++(?:the|a|your)\s++(?:hiring\s++managers?|recruiters?)\b",
    ),
    # Being considered, applying, interviewing for a role.
    ("job", ("considered",), r"\b(?:be|being|get|getting)\s++considered\s++for\b"),
    ("job", ("consider",), r"\bconsider(?:ing)?\s++me\s++for\b"),
    ("job", ("application", "candidacy"), r"\bmy\s++(?:application|candidacy)\b"),
    ("job", ("apply",), rf"\bapply(?:ing)?\s++(?:for|to)\s++{_DET}\s++{_GAP}{{0,3}}?{_JOBR}\b"),
    ("job", ("apply",), rf"\bapply(?:ing)?\s++(?:to|at|with)\s++your\s++{_TEAM}\b"),
    (
        "job",
        ("applied", "applying"),
        r"\bi(?:'ve|\s++have|'m|\s++am)?\s++(?:just\s++|recently\s++|already\s++)?"
        r"(?:applied|applying)\s++(?:for|to)\s++(?!(?:grad|graduate|school|university|college"
        r"|programs?|masters?|phd|a\s++master's|a\s++phd|the\s++master's)\b)",
    ),
    (
        "job",
        ("interview",),
        rf"\binterview(?:ed|ing)?\s++(?:me\s++)?for\s++{_DET}\s++{_GAP}{{0,3}}?{_JOBR}\b",
    ),
    (
        "job",
        ("interview",),
        r"\b(?:get|land|secure|arrange)\s++(?:me\s++)?an?\s++(?:job\s++)?interview\b",
    ),
    # Asking outright.
    (
        "job",
        ("ask", "hoping"),
        rf"\b(?:ask(?:ing)?|hoping)\s++(?:you\s++)?for\s++(?:a\s++|an\s++|any\s++)?"
        rf"(?:new\s++|full-time\s++|part-time\s++|paid\s++)?{_JOBR}\b",
    ),
    (
        "job",
        ("find", "get", "land", "secure", "obtain"),
        rf"\b(?:help\s++me|i(?:'m|\s++am)?\s++(?:hoping|trying|want|wanting|need|needing)\s++to"
        rf"|i(?:'d|\s++would)\s++like\s++to|hoping\s++to|trying\s++to)\s++"
        rf"(?:find|get|land|secure|obtain)\s++(?:a|an|any|my\s++next|a\s++new)\s++"
        rf"{_GAP}{{0,2}}?{_JOBR}\b",
    ),
    (
        "job",
        ("give", "offer"),
        rf"\b(?:give|offer)\s++me\s++(?:a|an|the)\s++{_GAP}{{0,2}}?{_JOBR}\b",
    ),
    ("job", ("join",), rf"\bjoin(?:ing)?\s++your\s++{_TEAM}\b(?!')"),
    ("job", ("interested",), rf"\binterested\s++in\s++{_DET}\s++{_GAP}{{0,3}}?{_JOBN}\b"),
    # Referrals for a position.
    (
        "referral",
        ("refer",),
        r"\b(?:(?:could|would|can|will|might)\s++you\s++(?:please\s++|possibly\s++|kindly\s++)?"
        r"|(?:willing|able|happy|open|kind\s++enough)\s++to\s++)refer\s++me\b"
        r"(?!\s++to\s++(?:anyone|someone|somebody|others?|people|colleagues?|a\s++colleague"
        r"|other\s++people|resources?|books?|a\s++book))",
    ),
    (
        "referral",
        ("refer",),
        rf"\brefer(?:ring)?\s++me\s++(?:for|to)\s++{_DET}\s++{_GAP}{{0,3}}?"
        rf"(?:{_JOBR}|hiring\s++managers?|recruiters?)\b",
    ),
    ("referral", ("put", "recommend"), r"\b(?:put|recommend)\s++me\s++(?:forward|for)\b"),
    (
        "referral",
        ("referral",),
        r"(?<!via\s)(?<!through\s)(?<!from\s)(?<!thanks\sto\s)"
        r"\b(?:a|an|your|employee|internal|job)\s++referral\b"
        r"(?!\s++(?:from|by|through|via|to\s++you))",
    ),
    ("referral", ("word",), r"\bput\s++in\s++a\s++(?:good\s++)?word\b"),
    # Résumés and CVs.
    (
        "resume",
        ("sum", "cv", "c.v", "curriculum"),
        r"\b(?:attach(?:ed|ing)?|enclos(?:ed|ing|e)|send(?:ing)?|sent|shar(?:e|ed|ing)"
        r"|forward(?:ed|ing)?|pass(?:ed|ing)?\s++(?:along|on)|includ(?:ed|ing|e)|find|see)\s++"
        r"(?:you\s++)?(?:is\s++|are\s++|here\s++)?(?:a\s++copy\s++of\s++)?"
        rf"(?:my|a|the|attached)\s++(?:updated\s++|current\s++|latest\s++|full\s++|attached\s++)?"
        rf"{_RES}",
    ),
    (
        "resume",
        ("sum", "cv", "c.v", "curriculum"),
        rf"\bmy\s++(?:updated\s++|current\s++|latest\s++|full\s++)?{_RES}",
    ),
    (
        "resume",
        ("sum", "cv", "c.v", "curriculum"),
        rf"\b{_RES}\s++(?:is\s++|are\s++)?(?:attached|enclosed|included|below)\b",
    ),
    # The job search itself.
    ("search", ("job",), r"\bmy\s++(?:current\s++)?job[- ]?(?:search|hunt)\b"),
    (
        "search",
        ("job",),
        r"\bi(?:'m|\s++am)\s++(?:currently\s++|actively\s++|now\s++)?"
        r"(?:job[- ]?(?:hunting|searching|seeking)|on\s++the\s++job\s++market|between\s++jobs)\b",
    ),
    (
        "search",
        ("looking", "searching", "hunting"),
        r"\b(?:looking|searching|hunting)\s++for\s++(?:a\s++|an\s++|my\s++next\s++|a\s++new\s++"
        r"|new\s++)?(?:jobs?|work|employment|positions?|roles?|opportunit(?:y|ies))(?![\w-])"
        r"(?!\s++(?:models?|to\s++(?:learn|grow|connect|talk|hear|meet|speak)))",
    ),
    (
        "search",
        ("next",),
        r"\blooking\s++for\s++(?:my|a|the)\s++next\s++(?:move|opportunity|challenge|step)\b",
    ),
    (
        "search",
        ("seeking",),
        r"\bseeking\s++(?:a\s++|new\s++)?(?:employment|jobs?|positions?|work)(?![\w-])",
    ),
    ("search", ("market",), r"\bin\s++the\s++(?:job\s++)?market\s++for\b"),
)
_JOB_RES = tuple((kind, keys, re.compile(pattern)) for kind, keys, pattern in _JOB_PATTERNS)

_JOB_MESSAGES = {
    "job": "Asks for a job (“{p}”): keep the request about learning; your search can come up "
    "in a later follow-up once there is a relationship (P8, P25).",
    "referral": "Asks for a referral (“{p}”): ask to learn from them, not to be put forward; "
    "introductions and leads grow out of the conversation (P8).",
    "resume": "Offers a résumé (“{p}”): leave it out of the request; bring it to the "
    "conversation and show it only if they ask (P8, P19).",
    "search": "Mentions your job search (“{p}”): keep it out of the request; a later "
    "follow-up may say you would welcome leads (P8, P25).",
}


def _spans(
    low: str, patterns: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...]
) -> list[tuple[int, int, str]]:
    """Non-overlapping, non-negated matches of the patterns, earliest first, longest on a tie."""
    hits: list[tuple[int, int, str]] = []
    for kind, keywords, regex in patterns:
        if not any(keyword in low for keyword in keywords):
            continue
        for m in regex.finditer(low):
            if not _negated(low, m.start()):
                hits.append((m.start(), m.end(), kind))
    hits.sort(key=lambda h: (h[0], -h[1]))
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in hits:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, kind))
    return kept


def _check_job(text: str, low: str) -> Iterator[Finding]:
    for start, end, kind in _spans(low, _JOB_RES)[:_MAX_FINDINGS_PER_RULE]:
        message = _JOB_MESSAGES[kind].format(p=_quote(text, start, end))
        yield Finding("asks-for-job", "error", message, start, end)
