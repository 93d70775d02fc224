"""The googleable check (P2, P16): spot prepared questions a web search would answer.

An informational interview is short, so every question should ask for something only this person
can give: their experience, their view, their advice, how it feels from the inside (P16, P17).
Questions whose answer sits on the organization's website or one search away (what it sells,
where it is based, its size, founding date, revenue, leaders, mission, competitors, public prices,
what an acronym stands for...) waste the time and show the homework was skipped (P2).

How it decides, with plain rules rather than a model:

1. The text is normalized (unicode NFKC, case-folded, contractions expanded) into plain words.
   A second copy marks proper names ("@northwind") so that "What does Northwind sell?" can be
   told from "What do new hires have to learn?". Polite wrappers such as "can you tell me" or
   "do you know" are set aside: "Do you know who the CEO is?" still asks for a public fact.
2. Public-fact patterns are looked for (founding, headquarters, size, products, money, ...).
3. Personal markers are looked for: their experience ("since you joined", "your day"), view
   ("do you think", "would you describe"), advice ("what should I"), feelings ("enjoy", "wish"),
   change and trends, the inside view ("really", "in practice", "culture"). A question about the
   person is not googleable even when it mentions products, size or the CEO.
4. A question is googleable only when it asks for a public fact and carries no personal marker.

Measured on the labelled corpus in tests/playbook/googleable_corpus.py (see
scripts/measure_googleable.py): the rules rarely flag a good question, and they miss some public
facts phrased in ways they do not know. Missing one is cheaper than nagging about a good one.

Every pattern starts with a literal word at a word boundary and repeats only over a bounded number
of whole words (with possessive quantifiers), so the check runs in linear time on any text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["GoogleableVerdict", "check_question", "check_questions"]


@dataclass(frozen=True)
class GoogleableVerdict:
    question: str
    googleable: bool
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {"question": self.question, "googleable": self.googleable, "reason": self.reason}


# --- normalization ---------------------------------------------------------------------------

_WORD_RE = re.compile(r"[^\W_]+(?:['&.\-][^\W_]+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_SENTENCE_BREAK = frozenset(".?!:;\n")
_CONTRACTIONS: dict[str, str] = {
    "what's": "what is",
    "who's": "who is",
    "where's": "where is",
    "when's": "when is",
    "how's": "how is",
    "it's": "it is",
    "that's": "that is",
    "you've": "you have",
    "you're": "you are",
    "you'd": "you would",
    "you'll": "you will",
    "i'm": "i am",
    "i've": "i have",
    "i'd": "i would",
    "i'll": "i will",
    "don't": "do not",
    "doesn't": "does not",
    "didn't": "did not",
    "isn't": "is not",
    "aren't": "are not",
    "wasn't": "was not",
    "weren't": "were not",
    "haven't": "have not",
    "hasn't": "has not",
    "can't": "can not",
    "won't": "will not",
    "wouldn't": "would not",
}


def _is_name(token: str, sentence_start: bool) -> bool:
    """A capitalized word inside a sentence ("Northwind"), not an acronym ("CEO") nor "I"."""
    return (
        not sentence_start
        and token[:1].isupper()
        and any(char.islower() for char in token)
        and token.casefold() not in _CONTRACTIONS
    )


def _normalize(question: str) -> tuple[str, str]:
    """Plain lower-case words separated by single spaces, one space each side; and the same
    words with proper names marked by a leading "@"."""
    text = unicodedata.normalize("NFKC", question).translate(_APOSTROPHES)
    plain: list[str] = []
    marked: list[str] = []
    last_end = 0
    for match in _WORD_RE.finditer(text):
        token = match.group()
        gap = text[last_end : match.start()]
        sentence_start = last_end == 0 or any(char in _SENTENCE_BREAK for char in gap)
        last_end = match.end()
        word = token.casefold()
        word = _CONTRACTIONS.get(word, word)
        plain.append(word)
        marked.append("@" + word if _is_name(token, sentence_start) else word)
    return " " + " ".join(plain) + " ", " " + " ".join(marked) + " "


# Polite wrappers around a question; removing them keeps "Do you know who the CEO is?" a fact.
_WRAPPER_RE = re.compile(
    r" (?:"
    r"(?:can|could|would|will) you (?:please )?(?:tell|remind) me"
    r"|(?:can|could) you (?:please )?(?:explain|describe|share|say|confirm|clarify)"
    r"|(?:can|could|would) you (?:please )?walk me through"
    r"|do you (?:happen to )?know"
    r"|i would (?:like|love) to know"
    r"|i (?:was|am) (?:wondering|curious)"
    r"|i wonder"
    r"|may i ask"
    r"|please tell me"
    r"|tell me"
    r")(?= )"
)

# --- building blocks for the fact patterns ---------------------------------------------------

# A few words of subject between a question word and its verb: "the company", "acme corp's
# parent", "your organization". Possessive quantifiers keep the scan linear.
_SUBJ = r"(?:[^ ]++ ){1,5}?"
_SUBJ0 = r"(?:[^ ]++ ){0,5}?"
# The organization as the subject of a clause, with specific verbs: a few words, but not the
# person, their team or their day. _ORG_HEAD checks the same but ends a pattern.
_NOT_PERSON = (
    r"(?!(?:you|i|we|they|it|people|staff|employees|my|me) )"
    r"(?!(?:your|the|our|their|his|her) (?:[^ ]++ )?(?:team|teams|group|department|manager"
    r"|boss|colleagues|role|job|day|week|people|staff|employees) )"
)
_ORG_SUBJ = _NOT_PERSON + r"(?:[^ ]++ ){1,4}?"
_ORG_HEAD = _NOT_PERSON + r"[^ ]++"
# The organization as the subject of a common verb (have, offer, run...), on the marked text:
# a proper name ("@northwind @health") or a determiner and an organization noun.
_ORG_NOUNS = (
    r"(?:company|companies|organization|organisation|firm|agency|foundation|charity|nonprofit"
    r"|non-profit|association|hospital|university|college|school|bank|chain|brand|app|platform"
    r"|startup|business|network|ministry|council|consultancy|studio|lab|institute|museum"
    r"|library|practice|clinic|publisher|newspaper|magazine|society|union|retailer|insurer"
    r"|manufacturer|group|corporation|corp|inc|department store|airline|utility|trust|fund"
    r"|centre|center|ngo|government|city|county|state|province)"
)
_ORG_NAMED = (
    rf"(?:(?:the|this|that|your|its|their|our) (?:[^ ]++ ){{0,2}}?{_ORG_NOUNS}(?:'s)?"
    r"|@[^ ]++(?: @[^ ]++){0,3})"
)
# "What does Acme do?" ends there; "What does the team do when a deadline slips?" goes on.
_DO_END = (
    r"(?= $| exactly| for a living| as an?| in a nutshell| these days| now| today| to make money)"
)
# Common verbs for the organization's public attributes.
_ORG_VERBS = (
    r"(?:have|has|hold|holds|own|owns|run|runs|operate|operates|employ|employs|sell|sells|offer"
    r"|offers|fund|funds|produce|produces|publish|publishes|win|won|serve|serves|sponsor"
    r"|sponsors|manufacture|manufactures|distribute|distributes)"
)
# A short object and the end of the question: "...have in Ontario?" but not "...offer that others
# do not, as a place to work?", which asks for a judgement.
_SHORT_END = r"(?: (?!(?:that|which|who|whom|than|so|because|as) )[^ ]++){0,3}(?= $)"


@dataclass(frozen=True)
class _Fact:
    name: str
    phrase: str  # used in "It mentions {phrase}, but ..."
    reason: str
    pattern: re.Pattern[str]
    on_marked: bool = False  # matched against the text with proper names marked


def _alternatives(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?: (?:{alt}) )" for alt in alternatives))


def _fact(name: str, phrase: str, reason: str, *alternatives: str) -> _Fact:
    return _Fact(name, phrase, reason, _alternatives(*alternatives))


_FACTS: tuple[_Fact, ...] = (
    _fact(
        "acronym",
        "what a name or acronym stands for",
        "What a name or acronym stands for is a search away; "
        "ask what the term means in their daily work instead.",
        rf"what (?:does|do|did) {_SUBJ}stand for",
        r"(?:what is|what are) the full (?:name|form)",
        r"what does the (?:acronym|abbreviation)",
        r"what (?:does|is) (?:the )?(?:term |acronym |abbreviation |word )?"
        r"(?!(?:it|that|this|success|failure|seniority|leadership|growth|impact|quality|ownership"
        r"|excellence|culture|work|balance) )[^ ]++ mean(?= $)",
        rf"what does {_SUBJ}name (?:mean|stand for|refer to)",
        rf"where does {_SUBJ}name come from",
    ),
    _fact(
        "founding",
        "the organization's founding",
        "The organization's founding date is on its website or a search away; "
        "ask what has changed since they joined instead.",
        rf"when (?:was|were|did) {_SUBJ}(?:founded|established|started|created|launched|formed"
        r"|incorporated|found|start|begin|launch)",
        rf"(?:what|which) year (?:was|were|did) {_SUBJ}(?:founded|established|started|created"
        r"|launched|start|begin|launch)",
        r"(?:who|when) (?:founded|established) [^ ]++",
        r"(?:who|when) (?:started|created|launched) (?:it|this|the|your|its) ?(?:company"
        r"|organization|organisation|firm|business|startup|charity|nonprofit|agency)?(?= $)",
        r"who (?:started|created) (?!(?:the|this|that|a|an|your|my|our|their|his|her|you|me|us)"
        r" )(?:[^ ]++ ){0,3}?[^ ]++(?= $)",
        r"founding (?:date|year)",
        r"(?:original|former|previous|old) name",
        r"year (?:it was|they were|you were) founded",
        rf"how old is {_SUBJ}(?:company|organization|organisation|firm|business|agency|startup"
        r"|it|nonprofit|charity)",
        rf"how long has {_SUBJ}been (?:around|in business|operating|in operation|in existence)",
        r"history of (?:the|your|this) (?:company|organization|organisation|firm)",
    ),
    _fact(
        "leadership",
        "who leads the organization",
        "Who founded or leads the organization is on its website or a search away; "
        "ask how leadership decisions reach their team instead.",
        r"who (?:is|are|was|were) (?:[^ ]++ ){1,4}?(?:current |new |founding )?"
        r"(?:ceo|ceos|founder|founders|co-founder|co-founders|cofounder|cofounders|president"
        r"|chair|chairman|chairwoman|chairperson|cto|cfo|coo|executive director|owner|owners"
        r"|leadership team|leaders|board|board members|managing director|director general"
        r"|head|heads|director|directors|vice president|vp|chief [^ ]++ officer)",
        r"who (?:founded|owns|runs|leads|heads) (?:the|its|[^ ']++'s) [^ ]++",
        r"who (?:founded|owns|runs|leads|heads) (?!you )(?!me )(?!us )[^ ]++(?= $)",
        rf"when did {_SUBJ}(?:ceo|president|executive director|chair|founder|founders|director"
        r"|managing director) (?:take over|start|join|step down|leave|arrive|take charge)",
        r"who is in charge of (?:the|your|this) (?:company|organization|organisation|firm)",
        rf"who (?:sits|serves|is|are) on {_SUBJ0}board",
        r"name of the (?:ceo|founder|founders|president|executive director)",
    ),
    _fact(
        "headquarters",
        "where the organization is based",
        "Where the organization is based is on its website or a search away; "
        "ask what the location means for their work instead.",
        r"headquarter",
        r"headquarters",
        r"headquartered",
        r"head office",
        r"hq",
        r"(?:opening|office|business|visiting) hours",
        r"(?:what is|what are) (?:the |its |their |your )?(?:full |postal |street |mailing )?"
        r"(?:address|addresses)",
        r"where is (?:the|your|its|their) (?:nearest|closest|main|local|new|biggest|largest)"
        r" (?:branch|office|store|clinic|location|site|campus|shop|factory|plant|lab|warehouse)",
        rf"where (?:is|are) {_SUBJ}(?:company|organization|organisation|firm|business|agency"
        r"|office|offices|it|they|startup|lab|hospital|school|nonprofit|[^ ]++ corp|[^ ]++ inc)"
        r" (?:based|located|situated)",
        rf"where (?:is|are) {_SUBJ}(?:main |head )?(?:office|offices) ",
        r"(?:what|which) (?:city|country|state|town|region) (?:is|are) [^ ]++ (?:[^ ]++ ){0,3}?"
        r"(?:based|located|headquartered|in)",
        r"based out of",
        rf"(?:is|are) {_SUBJ}(?:based|located|headquartered) (?:in|near|out of)",
    ),
    _fact(
        "locations",
        "how many locations it has",
        "How many offices or locations the organization has is on its website; "
        "ask how the teams in different places work together instead.",
        r"how many (?:offices|locations|stores|branches|sites|countries|cities|clinics"
        r"|campuses|factories|plants|restaurants|shops|markets|regions)",
        r"in how many (?:countries|cities|states|markets|regions)",
        r"(?:what|which) (?:countries|cities|markets|regions|states|provinces|continents) (?:does"
        rf"|do) {_SUBJ}(?:operate|ship|sell|deliver|serve|work|trade)",
        rf"where (?:does|do) {_SUBJ}(?:have offices|operate)",
        r"where (?:is|are) (?:[^ ]++ ){1,4}?(?:offices?|data centers?|data centres?|factories"
        r"|factory|plants?|warehouses?|stores?|clinics?|labs?|sites?|branches|branch|campuses"
        r"|campus|locations?|studios?|restaurants?|shops?)(?= $)",
        rf"(?:does|do) {_ORG_SUBJ}(?:work|operate|sell|ship|deliver|trade) (?:internationally"
        r"|globally|abroad|overseas|nationally|worldwide|outside|across|in [^ ]++ $)",
    ),
    _fact(
        "size",
        "the organization's size",
        "The organization's size is on its website or a search away; "
        "ask how its size shapes their day instead.",
        r"how many (?:employees|people|staff|workers|staff members|team members|engineers"
        r"|nurses|lawyers|consultants|volunteers) (?:does|do|work|are|is|has|have|there)",
        rf"how (?:big|large) is (?:the |this |your |its )?(?:[^ ]++ ){{0,2}}?{_ORG_NOUNS}"
        r"(?= $| in | by | compared)",
        r"how (?:big|large) is (?!the )(?!this )(?!your )(?!it )(?!that )[^ ]++(?: [^ ]++)?"
        r"(?= $)",
        r"how (?:big|large) is (?:the |its |your )?(?:workforce|staff|headcount)",
        r"headcount",
        r"number of (?:employees|staff|people|workers)",
        r"size of (?:the|your|this) (?:company|organization|organisation|firm|business|workforce)",
        r"how many people work (?:at|for|in|there|here)",
    ),
    _fact(
        "status",
        "what kind of organization it is",
        "Whether the organization is a nonprofit, a public or a private company is on its website "
        "or a search away; ask how that shapes their work instead.",
        rf"(?:is|are) {_SUBJ}(?:a |an )?(?:nonprofit|non-profit|not-for-profit|for-profit|charity"
        r"|public company|private company|b corp|cooperative|co-op|government agency"
        r"|publicly funded|family-owned|family owned|employee-owned|public or private"
        r"|private or public|for profit|not for profit|non profit)",
        r"(?:become|became|registered as) (?:a )?registered (?:charity|nonprofit|non-profit)",
        r"legal (?:name|structure|form|entity)",
        r"(?:charity|registration|company) number",
    ),
    _fact(
        "milestones",
        "dates from the organization's history",
        "Dates such as openings, launches and expansions are in the organization's news pages or "
        "a search away; ask what those moments were like from the inside instead.",
        rf"when (?:did|was|were) {_SUBJ}(?:open|opened|launch|launched|expand|expanded|enter"
        r"|entered|release|released|introduce|introduced|close|closed|rebrand|rebranded|move"
        r"|moved|merge|merged)",
        rf"what year (?:did|was|were) {_SUBJ}(?:open|opened|launch|launched|expand|expanded"
        r"|enter|entered|release|released|introduce|introduced|rebrand|rebranded|move|moved)",
    ),
    _fact(
        "what_it_does",
        "what the organization does",
        "What the organization does is on its website or a search away; "
        "ask which part of that work they care about most instead.",
        r"what (?:exactly )?(?:does|did) (?!you )(?!your team )(?!your group )(?!your department )"
        rf"{_SUBJ}do{_DO_END}",
        r"what (?:business|industry|sector|market|field) (?:is|are) (?!you )(?:[^ ]++ ){1,4}?"
        r"in(?= $)",
        r"what (?:kind|type|sort) of (?:company|organization|organisation|business|firm"
        r"|agency) is",
        rf"how (?:does|do) {_SUBJ}make (?:its |their |your )?money",
        rf"what (?:does|do|did) {_ORG_SUBJ}(?:speciali[sz]e in|focus on|concentrate on)",
        r"what is (?:the|its|their|your) business model",
    ),
    _fact(
        "products",
        "the organization's products",
        "The organization's products and services are listed on its website; "
        "ask which one they find most interesting to work on instead.",
        r"(?:what|which) (?:products|services|brands|product lines|offerings|solutions|programs"
        rf"|programmes|apps|tools|drugs|medicines|vehicles) (?:does|do|did|are|is|has|have)"
        rf" {_ORG_HEAD}",
        r"(?:what|which) (?:products|services|brands|offerings|solutions|programs|programmes)"
        r" (?:do|did) you (?:sell|offer|make|provide|produce|run|manufacture|build)",
        r"(?:what|which) (?:products|services|brands|offerings) (?:are|is) (?:offered|sold"
        r"|available)",
        r"what (?:does|do) (?!you make of )"
        rf"{_SUBJ}(?:sell|offer|make|produce|manufacture|provide|build|develop|publish"
        r"|distribute)(?= $| to | in | for | on )",
        rf"what (?:is|are) {_SUBJ0}(?:main |core |key |flagship |best-selling |top |newest "
        r"|latest )?(?:products|product|services|offerings|product line|product range|brands)"
        r"(?= $| called| named| of | for | and )",
        r"(?:list|name) (?:of )?(?:the|its|your) (?:products|services|brands)",
        rf"what (?:is|are) {_SUBJ0}(?:main |core |key )?(?:business lines|lines of business"
        r"|business units|divisions)(?= $)",
        r"what (?:kind|kinds|type|types|sort|sorts) of (?:products|services|programs|programmes"
        rf"|software|tools|apps|devices|brands) (?:does|do|did|is|are) {_ORG_HEAD}",
        r"(?:what|which) (?:languages|platforms|features|integrations|devices|operating systems"
        rf"|file formats|payment methods) (?:does|do|is|are) {_ORG_HEAD}",
    ),
    _fact(
        "customers",
        "its well-known customers",
        "The organization's well-known customers are usually listed on its website; "
        "ask what working with customers is like for them instead.",
        r"who (?:are|is) (?:[^ ]++ ){1,4}?(?:main |biggest |largest |key |major"
        r" |top |typical )?(?:customers|clients|customer|client|users|funders|donors|partners)"
        r"(?= $)",
        r"(?:what|which) (?:clients|customers|brands|companies|organizations|partners) (?:has"
        r"|have|does|do|did) (?:[^ ]++ ){1,5}?(?:worked with|work with|serve|served|partner with"
        r"|partnered with)",
        r"how many (?:customers|clients|users|members|subscribers|patients|students|donors)"
        rf" (?:does|do|are|is|has|have) {_ORG_HEAD}",
    ),
    _fact(
        "money",
        "the organization's finances",
        "Revenue, funding and valuation figures are published or a search away; "
        "ask how the money side shapes their team's priorities instead.",
        r"revenue",
        r"revenues",
        r"(?:annual|sales|financial|total|yearly) turnover",
        r"annual sales",
        r"profits",
        r"valuation",
        r"valued at",
        r"market cap",
        r"market capitalization",
        r"stock price",
        r"share price",
        r"stock symbol",
        r"ticker",
        r"ipo",
        r"go public",
        r"went public",
        r"publicly traded",
        r"stock exchange",
        r"how much (?:funding|money|capital|venture capital) (?:has|have|did|does|do|is|was)",
        r"(?:funding round|series a|series b|series c|seed round|seed funding)",
        rf"who (?:are|is) {_SUBJ}(?:main )?(?:investors|investor|shareholders|backers)",
        r"how much (?:does|do|did) (?:[^ ]++ ){1,5}?(?:make|earn|raise|raised) (?:a|per|each"
        r"|every|last|this)? ?year",
        r"annual budget",
        rf"how much (?:did|has|have|does) {_ORG_SUBJ}raised?(?: in| (?:last|this) year|(?= $))",
        rf"(?:is|are|was|were) {_ORG_SUBJ}(?:profitable|in profit|making a profit|listed"
        r"|publicly listed|on the stock market)",
    ),
    _fact(
        "ownership",
        "who owns the organization",
        "Who owns the organization and its past deals are public news; "
        "ask how those changes felt from the inside instead.",
        r"parent company",
        r"subsidiary of",
        r"subsidiaries",
        r"who (?:acquired|bought) [^ ]++",
        rf"(?:is|are|was|were) {_ORG_SUBJ}owned by",
        rf"who (?:is|are|was|were) {_ORG_SUBJ}owned by",
        rf"when (?:was|did) {_SUBJ}(?:acquired|bought|merge|merged|acquire)",
        rf"(?:has|have|was|were) {_ORG_SUBJ}(?:ever )?(?:been )?(?:acquired|bought|sold)(?= $)",
        rf"(?:what|which) (?:companies|firms|businesses|startups|brands) (?:has|have|did) "
        rf"{_ORG_SUBJ}(?:acquired|bought|acquire|buy)",
    ),
    _fact(
        "press",
        "its coverage in the press",
        "Where the organization has been in the news is a search away; "
        "ask what the coverage missed about their work instead.",
        r"(?:what|which) (?:newspapers|publications|magazines|media|outlets|press) (?:has|have"
        rf"|did) {_ORG_SUBJ}(?:been )?(?:featured|covered|mentioned|written about|appeared)",
        rf"(?:what|which) awards (?:has|have|did) {_ORG_SUBJ}(?:won|received|get|win)",
    ),
    _fact(
        "mission",
        "the mission statement",
        "The mission statement is on the organization's website; "
        "ask how the mission shows up in their daily work instead.",
        r"mission statement",
        r"vision statement",
        r"values statement",
        r"(?:what is|what are) (?:the|its|their|(?:[^ ]++ ){0,3}?[^ ']++'s)(?: [^ ']++'s)?"
        r" (?:company |organization |organisation |official |stated |core )?"
        r"(?:mission|vision|values|core values|purpose"
        r"|slogan|motto|tagline)(?= $)",
    ),
    _fact(
        "competitors",
        "its public competitors",
        "Who the organization's competitors are is public; "
        "ask what sets their team apart in their eyes instead.",
        r"who (?:are|is) (?:[^ ]++ ){1,4}?(?:main |biggest |largest |key |major"
        r" |top |closest |direct |primary )?(?:competitors|competitor|competition|rivals|rival)",
        rf"who (?:does|do) {_SUBJ}compete (?:with|against)",
        r"(?:what|which) (?:companies|organizations|organisations|firms|brands) (?:does|do|are)"
        r" (?:[^ ]++ ){1,5}?compet",
        r"(?:what|which) (?:companies|organizations|organisations|firms|brands) compete",
        r"list of (?:the |its |your )?competitors",
    ),
    _fact(
        "pricing",
        "public prices",
        "Public prices are on the organization's website; "
        "ask what customers value most in their experience instead.",
        r"pricing (?:tiers|plans|page|options|levels|structure)",
        r"what is (?:the |your |its )?pricing",
        r"price list",
        rf"how much (?:does|do|is|are) {_SUBJ}(?:cost|charge|charged)",
        rf"what (?:does|do) {_SUBJ}(?:cost|charge)",
        r"what is the price",
        r"what are the prices",
        r"price of (?:the|a|an|your|its)",
        r"subscription (?:cost|fee|price)",
    ),
    _fact(
        "openings",
        "open positions",
        "Open positions are listed on the organization's careers page, and an informational "
        "interview is no place to ask for a job (P8); ask how people usually grow into the role "
        "instead.",
        r"open positions",
        r"job openings",
        r"vacancies",
        r"(?:what|which|any) openings",
        r"are (?:[^ ]++ ){1,3}?(?:currently |still )?hiring",
        r"currently hiring",
    ),
    _fact(
        "benefits",
        "the published benefits",
        "The benefits package is usually described on the careers page; "
        "ask how people use it in their experience instead.",
        rf"(?:what|which) (?:benefits|perks) (?:does|do|are) {_SUBJ0}(?:offer|offered|provide"
        r"|provided|give|available)",
        r"benefits package",
    ),
    _fact(
        "job_description",
        "what the job involves in general",
        "What the job involves in general is a search away; "
        "ask what their own typical day looks like instead.",
        rf"what (?:does|do) (?:a|an) (?:[^ ]++ ){{1,4}}?do{_DO_END}",
        r"what is the job description",
        r"what is the definition of",
    ),
    _Fact(
        "public_facts",
        "a public fact about the organization",
        "Facts like this about the organization are on its website or a search away; "
        "ask what it means for their own work instead.",
        _alternatives(
            rf"(?:what|which|how many|how much) (?:[^ ]++ ){{0,3}}?(?:does|do|did|has|have|is"
            rf"|are) {_ORG_NAMED} {_ORG_VERBS}{_SHORT_END}",
            rf"(?:does|do|has|have|is|are) {_ORG_SUBJ}(?:have|has|own|run|operate|hold|offer"
            r"|sell|employ|fund) (?:a|an|any|offices?|stores?|branches?|locations?|operations?"
            r"|presence|sites?|clinics?|factories|plants|subsidiaries)",
        ),
        on_marked=True,
    ),
)

# After a wrapper the question often turns into a clause: "Do you know who the CEO is?",
# "Can you tell me what the company does?". These forms only count after a wrapper, since in a
# direct question they read differently ("What part of the job makes you proud?").
_EMBEDDED: dict[str, re.Pattern[str]] = {
    "founding": _alternatives(
        rf"when {_SUBJ}(?:was|were) (?:founded|established|started|created|launched|formed)",
    ),
    "leadership": _alternatives(
        rf"who {_SUBJ0}(?:ceo|founder|founders|co-founder|co-founders|cofounders|president"
        r"|chair|executive director|owner|owners) (?:is|are|was|were)",
    ),
    "headquarters": _alternatives(
        rf"where {_SUBJ}(?:is|are) (?:based|located|situated|headquartered)",
    ),
    "size": _alternatives(
        rf"how many (?:employees|people|staff|workers) {_SUBJ}(?:has|have|employs)",
    ),
    "what_it_does": _alternatives(
        rf"what (?!your team )(?!your group )(?!your department ){_SUBJ}does{_DO_END}",
    ),
    "products": _alternatives(
        rf"what (?:products |services )?{_SUBJ}(?:sells?|offers?|makes|produces?"
        r"|manufactures?|provides?)",
    ),
}
_FACTS_BY_NAME: dict[str, _Fact] = {fact.name: fact for fact in _FACTS}

# --- personal markers ------------------------------------------------------------------------

_ADVICE = "advice"
_FEELINGS = "feelings"
_EXPERIENCE = "experience"
_OPINION = "opinion"
_TRENDS = "trends"
_INSIDE = "inside"

_FINE_REASONS: dict[str, str] = {
    _ADVICE: "Asks for their advice, which no website holds.",
    _FEELINGS: "Asks how they feel about their work, which only they can tell you.",
    _EXPERIENCE: "Asks for their own experience, which no search can answer.",
    _OPINION: "Asks for their own view, which only they can give.",
    _TRENDS: "Asks how things are changing from where they sit, which takes an insider's eye.",
    _INSIDE: "Asks what it is like from the inside, which a website won't show.",
}

# Checked in this order; the first kind found names the reason.
_PERSONAL: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        _ADVICE,
        _alternatives(
            r"advice|advise|recommend|recommendations?|suggest|suggestions?|tips?",
            r"should i|would i|could i|do i|did i|can i|i need|if i|my|me",
            r"someone like me|people like me|if you were|if you could|in my shoes",
            r"mistakes?|avoid|stand out|prepare|break into|get into|get started",
        ),
    ),
    (
        _FEELINGS,
        _alternatives(
            r"feel|feels|felt|feeling|enjoy|enjoyed|love|loved|like most|like best|like least",
            r"dislike|wish|wished|regret|proud|proudest|frustrating|frustrates|frustrated",
            r"surprised|surprise|surprising|rewarding|satisfying|fulfilling|motivates|motivated",
            r"excites|excited|exciting|worries|worry|worried|stressful|stress|happy|miss",
            r"energizes|drains|keeps you|drew you|draws you|favorite|favourite",
        ),
    ),
    (
        _EXPERIENCE,
        _alternatives(
            r"you joined|you started|you began|you arrived|you have been|you were|you worked",
            r"you work|you spend|you learned|you learnt|you had|you got|you decided|you chose",
            r"you moved|you made|you handle|you manage|you lead|you supervise|you report",
            r"you mentor|you hire|you deal|you personally|you ever",
            r"you have (?:worked|seen|learned|met|had|found|noticed|done|managed|led|faced|made)",
            r"did you|have you|has your|when you|before you|since you|after you|as you",
            r"while you|how you|what you|where you|for you|to you|yourself|personally",
            r"your (?:first|day|days|week|weeks|role|job|team|teams|work|career|path|experience"
            r"|background|time|manager|colleagues|peers|own|daily|typical|current|last|next"
            r"|journey|story|move|switch|transition|decision|choice|part|department|group"
            r"|unit|projects?|calendar|morning|afternoon|mornings|schedule|workload|training"
            r"|education|degree|studies|mentor|mentors|boss|skills|network)",
            r"typical (?:day|week|month|project)|day to day|day-to-day",
            r"what (?:was|is) it like|what it is like|what was that like",
            r"like to work|like working|like being|learned|lessons?|remember",
            r"first (?:year|month|months|week|weeks|day|job|project)",
            r"look like|looks like|looked like",
        ),
    ),
    (
        _OPINION,
        _alternatives(
            r"you think|you believe|you see|you find|you consider|you expect|you predict",
            r"you imagine|you value|you look for|you notice|you say|you describe|you rate",
            r"you compare|you explain|you measure|you define|you tell|you would|would you",
            r"you wanted|make of",
            r"your (?:view|opinion|take|sense|perspective|guess|impression|advice|thoughts"
            r"|eyes|mind)",
            r"in your|from your|why (?:did|do|would|are|were|have) you",
            r"overrated|underrated|misunderstand|misunderstood|misconceptions?|myths?",
            r"hardest|toughest|easiest|best part|worst part",
            r"most (?:important|valuable|useful|rewarding|challenging|difficult|surprising"
            r"|common|underrated|overrated|interesting)",
            r"biggest (?:challenge|challenges|lesson|mistake|misconception|surprise|difference"
            r"|change|risk|opportunity|opportunities)",
            r"challenges?|challenging|difficult|hard|harder|easier",
            r"sets (?:[^ ]++ ){0,3}?apart",
            r"good fit|thrive|succeed|success|successful",
        ),
    ),
    (
        _TRENDS,
        _alternatives(
            r"trends?|trending|future|coming years?|years? ahead|heading|going to|will",
            r"next (?:few|five|ten|two|three|couple)",
            r"emerging|disrupt|disrupting|disruption|outlook",
            r"changed|change|changes|changing|evolved|evolve|evolving|shift|shifted|shifting",
            r"grown|growing|affect|affected|affects|impact|impacted|influence|influenced",
            r"shape|shaped|shapes",
        ),
    ),
    (
        _INSIDE,
        _alternatives(
            r"really|actually|in practice|behind the scenes|from the inside|on the inside",
            r"insider|unwritten|culture|cultures|atmosphere|vibe|morale|dynamics|politics",
            r"get rewarded|gets rewarded|gets noticed|get promoted|gets promoted",
            r"decisions get made|decisions are made|show up|shows up|live up|lives up",
            r"play out|plays out|differ|differs|different from|compare|compares|compared",
            r"versus|outsiders?|from the outside|internally|inside",
        ),
    ),
)


def _strip_wrappers(text: str) -> str:
    return _WRAPPER_RE.sub("", text)


def _find_fact(plain: str, marked: str, wrapped: bool) -> _Fact | None:
    for fact in _FACTS:
        if fact.pattern.search(marked if fact.on_marked else plain):
            return fact
    if wrapped:
        for name, pattern in _EMBEDDED.items():
            if pattern.search(plain):
                return _FACTS_BY_NAME[name]
    return None


def _find_personal(text: str) -> str | None:
    for kind, pattern in _PERSONAL:
        if pattern.search(text):
            return kind
    return None


_EMPTY_REASON = "There is no question here to check."
_PLAIN_REASON = "Asks for something no website lists, so only a conversation can answer it."


def check_question(question: str) -> GoogleableVerdict:
    """Judge one prepared question: googleable (a search would answer it) or not, and why."""
    given: object = question  # callers outside the type checker may pass anything
    if not isinstance(given, str):
        question = "" if given is None else str(given)
    plain, marked = _normalize(question)
    if not plain.strip():
        return GoogleableVerdict(question, False, _EMPTY_REASON)
    unwrapped = _strip_wrappers(plain)
    fact = _find_fact(unwrapped, _strip_wrappers(marked), wrapped=unwrapped != plain)
    personal = _find_personal(unwrapped)
    if fact is None:
        reason = _FINE_REASONS[personal] if personal else _PLAIN_REASON
        return GoogleableVerdict(question, False, reason)
    if personal is not None:
        why = _FINE_REASONS[personal]
        reason = f"It mentions {fact.phrase}, but {why[0].lower()}{why[1:]}"
        return GoogleableVerdict(question, False, reason)
    return GoogleableVerdict(question, True, fact.reason)


def check_questions(lines: Iterable[str]) -> list[GoogleableVerdict]:
    """Judge each non-blank line (surrounding whitespace removed), in order."""
    verdicts: list[GoogleableVerdict] = []
    for line in lines:
        if not isinstance(line, str) or not line.strip():
            continue
        verdicts.append(check_question(line.strip()))
    return verdicts
