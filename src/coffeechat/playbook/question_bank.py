"""The question bank: prepared questions written for coffeechat (P15, P16, P17, P22, P27).

Every question is open-ended and asks for what only the person can give: their path and story
(P17), their day, their view of the organization and the field, their advice, the next steps
(P22) and, for career changers, transferable skills, gaps and hurdles (P27). None of them can be
answered by a web search or the organization's website (P16); the tests run each one through the
googleable check.

Each question carries a TIARA tag (Trends, Insights, Advice, Resources, Assignments), the phase of
the conversation it belongs to (small talk, questions, next steps), a typical time in minutes to
ask it and hear the answer, and whether it suits a 15-minute call (P14, P15). Placeholders
({organization}, {their_role}, {topic}, {their_work}) make a plan read as written for this person
(P16); placeholders.py fills them and supplies natural fallbacks.

Keys are stable slugs: a key is never reused for another text.
"""

from __future__ import annotations

from functools import cache

from coffeechat.playbook.question_types import BankQuestion, Category, Phase, Tiara

__all__ = ["NEXT_STEP_KEYS", "QUESTION_BANK", "bank_by_key"]


class _Section:
    """Builds the questions of one category, so each entry stays short."""

    def __init__(self, category: Category, phase: Phase = Phase.QUESTIONS) -> None:
        self.category = category
        self.phase = phase

    def __call__(
        self,
        key: str,
        text: str,
        tiara: Tiara,
        minutes: float,
        *,
        fits_15: bool = True,
        phase: Phase | None = None,
    ) -> BankQuestion:
        return BankQuestion(
            key=key,
            text=text,
            category=self.category,
            tiara=tiara,
            minutes=minutes,
            fits_15=fits_15,
            phase=phase or self.phase,
        )


_path = _Section(Category.PATH)
_role = _Section(Category.ROLE)
_org = _Section(Category.ORGANIZATION)
_industry = _Section(Category.INDUSTRY)
_advice = _Section(Category.ADVICE)
_next = _Section(Category.NEXT_STEPS, Phase.NEXT_STEPS)
_change = _Section(Category.CAREER_CHANGE)

_SMALL_TALK = Phase.SMALL_TALK
T = Tiara

# The three next-step questions every plan should end with (P22): who else to talk to (inside and
# outside the organization), which resources to look into, and permission to stay in touch.
NEXT_STEP_KEYS: tuple[str, str, str] = ("next-who-else", "next-resources", "next-contact-again")

_PATH: tuple[BankQuestion, ...] = (
    # Small talk: warm, personal and short openers.
    _path(
        "path-keeping-busy",
        "What has been keeping you busy outside of work lately?",
        T.INSIGHTS,
        1.0,
        phase=_SMALL_TALK,
    ),
    _path("path-week-so-far", "How has your week been so far?", T.INSIGHTS, 0.5, phase=_SMALL_TALK),
    _path(
        "path-excited-now",
        "Is there something on your plate right now that you are excited about?",
        T.INSIGHTS,
        1.0,
        phase=_SMALL_TALK,
    ),
    _path(
        "path-month-highlight",
        "What has been a highlight of your month so far?",
        T.INSIGHTS,
        0.5,
        phase=_SMALL_TALK,
    ),
    _path(
        "path-many-chats",
        "Do people often ask you for conversations like this one?",
        T.INSIGHTS,
        0.5,
        phase=_SMALL_TALK,
    ),
    _path(
        "path-neighbourhood",
        "How do you like working in this part of town?",
        T.INSIGHTS,
        0.5,
        phase=_SMALL_TALK,
    ),
    # The path and the story (P17).
    _path("path-first-spark", "What first drew you to {topic}?", T.INSIGHTS, 1.5),
    _path("path-how-you-got-here", "How did you end up in {their_role}?", T.INSIGHTS, 2.0),
    _path(
        "path-whole-story",
        "Could you walk me through the path that led you to {organization}, "
        "from your first job until today?",
        T.INSIGHTS,
        4.0,
        fits_15=False,
    ),
    _path(
        "path-turning-point",
        "Was there a turning point that set the direction of your career?",
        T.INSIGHTS,
        2.0,
    ),
    _path("path-first-break", "Who or what gave you your first real break?", T.INSIGHTS, 1.5),
    _path(
        "path-studies-used",
        "How much of what you studied do you still use in your work today?",
        T.INSIGHTS,
        1.5,
    ),
    _path(
        "path-useful-detour",
        "Which detour in your career turned out to be more useful than you expected?",
        T.INSIGHTS,
        2.0,
    ),
    _path(
        "path-setback",
        "What setback taught you the most, and how did you recover from it?",
        T.ADVICE,
        3.0,
        fits_15=False,
    ),
    _path(
        "path-first-owned-project",
        "What was the first project you owned from start to finish, and what did it involve?",
        T.ASSIGNMENTS,
        2.0,
    ),
    _path("path-proudest", "What piece of work are you proudest of so far?", T.INSIGHTS, 2.0),
    _path("path-their-work-origin", "What led you to take on {their_work}?", T.INSIGHTS, 2.0),
    _path(
        "path-their-work-lesson",
        "What did {their_work} teach you that you could not have learned any other way?",
        T.INSIGHTS,
        2.0,
    ),
    _path(
        "path-road-not-taken",
        "Was there another career you nearly chose instead?",
        T.INSIGHTS,
        1.0,
    ),
    _path(
        "path-why-joined",
        "What made you say yes to {organization} when you joined?",
        T.INSIGHTS,
        1.5,
    ),
    _path(
        "path-changed-since-joining",
        "What has changed about your work since you joined {organization}?",
        T.TRENDS,
        2.0,
    ),
    _path(
        "path-same-route",
        "If you were starting over, would you take the same route into {topic}?",
        T.ADVICE,
        2.0,
    ),
    _path(
        "path-biggest-influence",
        "Who has had the biggest influence on how you work, and in what way?",
        T.INSIGHTS,
        2.0,
    ),
    _path(
        "path-skills-on-the-job",
        "Which skills did you pick up on the job that no course ever taught you?",
        T.INSIGHTS,
        1.5,
    ),
    _path(
        "path-what-matters-now",
        "What matters most to you in your work now, compared with when you started?",
        T.INSIGHTS,
        2.0,
    ),
    _path(
        "path-success-and-failure",
        "What is one success and one failure that shaped the professional you are today?",
        T.INSIGHTS,
        3.5,
        fits_15=False,
    ),
    _path(
        "path-entry-changed",
        "How has the way people get into {topic} changed since you started out?",
        T.TRENDS,
        2.0,
    ),
)

_ROLE: tuple[BankQuestion, ...] = (
    _role("role-typical-day", "What does a typical day look like for you?", T.INSIGHTS, 2.0),
    _role("role-good-week", "What does a good week in {their_role} look like?", T.INSIGHTS, 1.5),
    _role(
        "role-time-split",
        "Roughly how is your time split between meetings, focused work and everything else?",
        T.INSIGHTS,
        1.5,
    ),
    _role("role-like-most", "What do you like most about {their_role}?", T.INSIGHTS, 1.5),
    _role(
        "role-hand-away",
        "Which part of the job would you happily hand to someone else?",
        T.INSIGHTS,
        1.0,
    ),
    _role(
        "role-hidden-hard-part",
        "What is the hardest part of your job that people outside rarely see?",
        T.INSIGHTS,
        2.0,
    ),
    _role(
        "role-show-me-the-work",
        "What project or task would show me what the work is really like?",
        T.ASSIGNMENTS,
        2.0,
    ),
    _role(
        "role-shadow-day",
        "If I shadowed you for a day, what would I see you working on?",
        T.ASSIGNMENTS,
        2.0,
    ),
    _role(
        "role-first-assignment",
        "What kind of assignment does a newcomer in {their_role} usually get first?",
        T.ASSIGNMENTS,
        1.5,
    ),
    _role(
        "role-try-on-my-own",
        "Is there a small task I could try on my own to get a feel for this work?",
        T.ASSIGNMENTS,
        1.5,
    ),
    _role(
        "role-good-job",
        "How do you know you have done a good job in {their_role}?",
        T.INSIGHTS,
        1.5,
    ),
    _role(
        "role-skills-daily",
        "Which skills do you lean on most from day to day?",
        T.INSIGHTS,
        1.5,
    ),
    _role(
        "role-tools",
        "Which tools or methods could you not do without in your work?",
        T.INSIGHTS,
        1.0,
    ),
    _role(
        "role-closest-collaborators",
        "Who do you work with most closely, and what does that collaboration look like?",
        T.INSIGHTS,
        2.0,
    ),
    _role(
        "role-whose-decision",
        "What kinds of decisions are yours to make, and which go to someone else?",
        T.INSIGHTS,
        2.0,
    ),
    _role(
        "role-pressure",
        "When does the pressure peak in your work, and how do you handle it?",
        T.INSIGHTS,
        2.0,
    ),
    _role(
        "role-surprise",
        "What surprised you most about {their_role} once you were doing it?",
        T.INSIGHTS,
        1.5,
    ),
    _role(
        "role-misconception",
        "What do people most often get wrong about what you do?",
        T.INSIGHTS,
        1.5,
    ),
    _role("role-where-next", "Where do people in {their_role} usually go next?", T.INSIGHTS, 1.5),
    _role(
        "role-recent-project",
        "Could you tell me about a recent project and the part you played in it?",
        T.ASSIGNMENTS,
        2.5,
    ),
    _role(
        "role-life-fit",
        "How does the job fit with the rest of your life?",
        T.INSIGHTS,
        1.5,
    ),
    _role(
        "role-their-work-steps",
        "How did the work on {their_work} actually unfold, step by step?",
        T.ASSIGNMENTS,
        3.0,
        fits_15=False,
    ),
    _role(
        "role-changing",
        "How is {their_role} changing, and what will it ask of people in five years?",
        T.TRENDS,
        2.5,
    ),
    _role(
        "role-at-ease",
        "How long did it take before you felt at ease in the job?",
        T.INSIGHTS,
        1.5,
    ),
    _role(
        "role-junior-vs-senior",
        "How does the work of someone just starting in {their_role} differ from yours?",
        T.INSIGHTS,
        2.0,
    ),
)

_ORGANIZATION: tuple[BankQuestion, ...] = (
    _org(
        "org-culture-to-a-friend",
        "How would you describe the culture at {organization} to a friend?",
        T.INSIGHTS,
        1.5,
    ),
    _org(
        "org-surprise-on-joining",
        "What surprised you most when you joined {organization}?",
        T.INSIGHTS,
        1.5,
    ),
    _org(
        "org-what-gets-rewarded",
        "What kind of work gets noticed and rewarded at {organization}?",
        T.INSIGHTS,
        1.5,
    ),
    _org(
        "org-unwritten-rules",
        "What unwritten rules would a newcomer need to learn?",
        T.INSIGHTS,
        1.5,
    ),
    _org(
        "org-how-decisions-happen",
        "How do decisions actually get made on your team?",
        T.INSIGHTS,
        2.0,
    ),
    _org(
        "org-mission-in-practice",
        "How does the mission of {organization} show up in your everyday work?",
        T.INSIGHTS,
        1.5,
    ),
    _org(
        "org-growth-and-your-day",
        "How has the organization's growth changed your day-to-day?",
        T.TRENDS,
        1.5,
    ),
    _org(
        "org-who-thrives",
        "What kind of person thrives at {organization}, and who tends to struggle?",
        T.INSIGHTS,
        2.0,
    ),
    _org(
        "org-first-months",
        "What helped you most in your first months at {organization}?",
        T.ADVICE,
        1.5,
    ),
    _org(
        "org-learning-support",
        "How does {organization} support people who want to learn new skills?",
        T.INSIGHTS,
        1.5,
    ),
    _org(
        "org-teams-together",
        "How do the different teams work together, and where does it get hard?",
        T.INSIGHTS,
        2.0,
    ),
    _org(
        "org-compared-with-before",
        "How is {organization} different from other places you have worked?",
        T.INSIGHTS,
        2.0,
    ),
    _org(
        "org-one-change",
        "If you could change one thing about how work gets done here, what would it be?",
        T.INSIGHTS,
        1.5,
    ),
    _org(
        "org-heading",
        "Where do you see {organization} heading over the next few years?",
        T.TRENDS,
        2.0,
    ),
    _org(
        "org-feedback",
        "How do people give and receive feedback on your team?",
        T.INSIGHTS,
        1.5,
    ),
    _org(
        "org-newcomer-project",
        "What kind of project would a new person on your team take on first?",
        T.ASSIGNMENTS,
        1.5,
    ),
    _org(
        "org-outsiders-miss",
        "What do outsiders tend to misunderstand about {organization}?",
        T.INSIGHTS,
        1.5,
    ),
    _org(
        "org-size-and-feel",
        "How does the size of {organization} shape what your work feels like?",
        T.INSIGHTS,
        1.5,
    ),
    _org(
        "org-leadership-reach",
        "How do decisions from leadership reach your team, and how much say do you have?",
        T.INSIGHTS,
        2.0,
    ),
    _org(
        "org-remote-balance",
        "How does your team balance remote work with time together in person?",
        T.INSIGHTS,
        1.5,
    ),
    _org(
        "org-project-life-cycle",
        "What does a project at {organization} look like from the first idea to the finish?",
        T.ASSIGNMENTS,
        2.5,
    ),
    _org("org-what-keeps-you", "What keeps you at {organization}?", T.INSIGHTS, 1.0),
    _org(
        "org-hard-stretch",
        "How did your team get through its last difficult stretch, "
        "and what did you take away from it?",
        T.INSIGHTS,
        3.0,
        fits_15=False,
    ),
    _org(
        "org-favourite-offering",
        "Which part of what {organization} offers do you most enjoy working on?",
        T.INSIGHTS,
        1.5,
    ),
)

_INDUSTRY: tuple[BankQuestion, ...] = (
    _industry(
        "industry-next-five-years",
        "What trends do you expect to reshape {topic} over the next five years?",
        T.TRENDS,
        2.0,
    ),
    _industry(
        "industry-technology",
        "How is new technology changing the way work in {topic} gets done?",
        T.TRENDS,
        2.0,
    ),
    _industry(
        "industry-outsiders-misunderstand",
        "What do people outside {topic} most often misunderstand about it?",
        T.INSIGHTS,
        1.5,
    ),
    _industry(
        "industry-growing-shrinking",
        "Which corners of {topic} are growing, and which are shrinking?",
        T.TRENDS,
        2.0,
    ),
    _industry(
        "industry-skills-in-demand",
        "Which skills do you think will be in demand in {topic} a few years from now?",
        T.TRENDS,
        2.0,
    ),
    _industry(
        "industry-rules",
        "How do rules and regulation shape day-to-day work in {topic}?",
        T.INSIGHTS,
        2.0,
    ),
    _industry(
        "industry-biggest-challenge",
        "What is the biggest challenge facing {topic} right now, from where you sit?",
        T.INSIGHTS,
        2.0,
    ),
    _industry(
        "industry-here-vs-elsewhere",
        "How does working in {topic} here differ from other cities or countries you know?",
        T.INSIGHTS,
        2.0,
    ),
    _industry(
        "industry-keeping-current",
        "How do you keep up with what is happening in {topic}?",
        T.RESOURCES,
        1.5,
    ),
    _industry(
        "industry-voices",
        "Whose work or writing in {topic} do you follow most closely?",
        T.RESOURCES,
        1.5,
    ),
    _industry(
        "industry-events-worth-it",
        "Which events or meetups in {topic} are worth going to, in your experience?",
        T.RESOURCES,
        1.0,
    ),
    _industry(
        "industry-hype",
        "What is overhyped in {topic} right now, and what is underrated?",
        T.TRENDS,
        1.5,
    ),
    _industry(
        "industry-newcomer-backgrounds",
        "How have the backgrounds of people entering {topic} shifted in recent years?",
        T.TRENDS,
        2.0,
    ),
    _industry(
        "industry-economy",
        "How do ups and downs in the economy show up in your field?",
        T.TRENDS,
        1.5,
    ),
    _industry(
        "industry-large-vs-small",
        "How would you compare working at a large organization in {topic} with a small one?",
        T.INSIGHTS,
        2.0,
    ),
    _industry(
        "industry-tensions",
        "What tensions or ethical questions come up most often in {topic}?",
        T.INSIGHTS,
        2.0,
    ),
    _industry(
        "industry-hybrid-work",
        "How has remote and hybrid work changed {topic}?",
        T.TRENDS,
        1.5,
    ),
    _industry(
        "industry-problem-to-solve",
        "What problem in {topic} would you most like to see someone solve?",
        T.TRENDS,
        1.5,
    ),
    _industry(
        "industry-sectors-differ",
        "How does the work differ between the public, private and nonprofit sides of {topic}?",
        T.INSIGHTS,
        2.5,
    ),
    _industry(
        "industry-entry-points",
        "Where are the realistic entry points into {topic} today, as you see it?",
        T.INSIGHTS,
        1.5,
    ),
    _industry(
        "industry-their-work-context",
        "How does {their_work} fit into the wider conversation in {topic}?",
        T.TRENDS,
        2.0,
    ),
    _industry(
        "industry-case-to-study",
        "Is there a recent project in {topic} you think would be worth studying closely?",
        T.ASSIGNMENTS,
        1.5,
    ),
    _industry(
        "industry-busy-season",
        "What does the busy season look like in {topic}, if there is one?",
        T.INSIGHTS,
        1.0,
    ),
    _industry(
        "industry-long-view",
        "Looking back over your career, what has changed most in {topic}, "
        "and what has stayed the same?",
        T.TRENDS,
        3.0,
        fits_15=False,
    ),
)

_ADVICE: tuple[BankQuestion, ...] = (
    _advice(
        "advice-wish-known",
        "What do you wish you had known when you were starting out?",
        T.ADVICE,
        1.5,
    ),
    _advice(
        "advice-in-my-position",
        "If you were in my position, what would you do first?",
        T.ADVICE,
        1.5,
    ),
    _advice(
        "advice-stand-out",
        "What makes someone stand out when they are new to {topic}?",
        T.ADVICE,
        1.5,
    ),
    _advice(
        "advice-first-skill",
        "Which skill would you build first if you were preparing for {their_role}?",
        T.ADVICE,
        1.5,
    ),
    _advice(
        "advice-experience-now",
        "What kind of experience could I gain now that would count in this field?",
        T.ASSIGNMENTS,
        1.5,
    ),
    _advice(
        "advice-show-i-can",
        "What could I make or build to show that I can do this work?",
        T.ASSIGNMENTS,
        1.5,
    ),
    _advice(
        "advice-newcomer-mistakes",
        "What mistakes do newcomers to {topic} often make?",
        T.ADVICE,
        1.5,
    ),
    _advice(
        "advice-courses-worth-it",
        "Which courses or qualifications are worth the time and money, and which are not?",
        T.RESOURCES,
        2.0,
    ),
    _advice(
        "advice-side-projects",
        "Are there volunteer roles or side projects that would give me a realistic taste "
        "of the work?",
        T.ASSIGNMENTS,
        1.5,
    ),
    _advice(
        "advice-warning-signs",
        "What warning signs should I watch for when I look at teams in {topic}?",
        T.ADVICE,
        1.5,
    ),
    _advice(
        "advice-connections",
        "How would you suggest I build connections in {topic} without being pushy?",
        T.ADVICE,
        1.5,
    ),
    _advice(
        "advice-learn-the-language",
        "What is the quickest way to learn the vocabulary and habits of this field, "
        "in your experience?",
        T.ADVICE,
        1.5,
    ),
    _advice(
        "advice-test-fit",
        "How could I find out cheaply whether I would enjoy this kind of work?",
        T.ASSIGNMENTS,
        1.5,
    ),
    _advice(
        "advice-degree-vs-experience",
        "How much does a specific degree matter here, compared with experience?",
        T.ADVICE,
        1.5,
    ),
    _advice(
        "advice-first-year",
        "What would help someone get through their first year in {their_role}?",
        T.ADVICE,
        1.5,
    ),
    _advice(
        "advice-where-i-fit",
        "From what I have told you about my background, where do you think I could fit?",
        T.ADVICE,
        2.0,
    ),
    _advice(
        "advice-one-piece",
        "If you could give one piece of advice to someone entering {topic}, what would it be?",
        T.ADVICE,
        1.0,
    ),
    _advice(
        "advice-steer-away",
        "Is there anything you would steer me away from?",
        T.ADVICE,
        1.0,
    ),
    _advice(
        "advice-terms-to-know",
        "Which terms or ideas should I understand well before I talk with others in {topic}?",
        T.RESOURCES,
        1.5,
    ),
    _advice(
        "advice-ways-in",
        "How do people usually find their way into teams like yours, besides job postings?",
        T.ADVICE,
        1.5,
    ),
    _advice(
        "advice-trained-abroad",
        "For someone trained abroad, what helps most when starting out in {topic} here?",
        T.ADVICE,
        2.0,
    ),
    _advice(
        "advice-keep-growing",
        "What habits have helped you keep growing over the long run?",
        T.ADVICE,
        1.5,
    ),
    _advice(
        "advice-review-my-plan",
        "Could I share my plan for the next six months and hear what you would change?",
        T.ADVICE,
        3.0,
        fits_15=False,
    ),
)

_NEXT_STEPS: tuple[BankQuestion, ...] = (
    _next(
        "next-who-else",
        "Who else, inside or outside {organization}, do you think I should talk to?",
        T.RESOURCES,
        1.0,
    ),
    _next(
        "next-resources",
        "Which books, websites or professional associations would you recommend I look into?",
        T.RESOURCES,
        1.0,
    ),
    _next(
        "next-contact-again",
        "May I contact you again if more questions come up, and keep you posted on how things go?",
        T.ADVICE,
        0.5,
    ),
    _next(
        "next-introduction",
        "Would you be comfortable introducing me to any of the people you mentioned?",
        T.RESOURCES,
        0.5,
    ),
    _next(
        "next-association",
        "Is there a professional association or community in {topic} you find worth joining?",
        T.RESOURCES,
        1.0,
    ),
    _next(
        "next-events",
        "Are there upcoming events where I could meet people who work in {topic}?",
        T.RESOURCES,
        1.0,
    ),
    _next(
        "next-their-writing",
        "Is there something you have written, or a talk you have given, that I should look "
        "at next?",
        T.RESOURCES,
        0.5,
    ),
    _next(
        "next-stay-current",
        "Which newsletters, podcasts or journals do you rely on to stay current?",
        T.RESOURCES,
        1.0,
    ),
    _next(
        "next-most-useful-step",
        "Based on our conversation, what would be the most useful next step for me?",
        T.ADVICE,
        1.0,
    ),
    _next(
        "next-mention-you",
        "If I reach out to someone you suggested, may I mention that we spoke?",
        T.ADVICE,
        0.5,
    ),
    _next(
        "next-best-way-to-reach",
        "What is the best way to reach you if I have a follow-up question?",
        T.ADVICE,
        0.5,
    ),
    _next(
        "next-anything-missed",
        "Is there anything I did not ask that you think I should know?",
        T.INSIGHTS,
        1.0,
    ),
    _next(
        "next-people-elsewhere",
        "Beyond your own organization, who is doing work in {topic} that I should know about?",
        T.RESOURCES,
        1.0,
    ),
    _next(
        "next-return-favour",
        "Is there anything I can do to return the favour?",
        T.INSIGHTS,
        0.5,
    ),
    _next(
        "next-training-pointers",
        "Are there courses or training programs you would point someone like me to?",
        T.RESOURCES,
        1.0,
    ),
)

_CAREER_CHANGE: tuple[BankQuestion, ...] = (
    _change(
        "change-transferable-skills",
        "Which of the skills I bring from my current field do you think would carry over "
        "to {their_role}?",
        T.ADVICE,
        2.0,
    ),
    _change(
        "change-gaps-to-close",
        "What gaps would someone coming from another field most need to close to work in {topic}?",
        T.ADVICE,
        2.0,
    ),
    _change(
        "change-hurdles",
        "What hurdles do career changers usually run into when they move into {topic}?",
        T.INSIGHTS,
        2.0,
    ),
    _change(
        "change-colleagues-who-switched",
        "Have you worked with people who came from other careers, and what helped them succeed?",
        T.INSIGHTS,
        2.0,
    ),
    _change(
        "change-credentials-needed",
        "Which credentials or licences are truly needed to start, and which can wait?",
        T.RESOURCES,
        2.0,
    ),
    _change(
        "change-frame-experience",
        "How should I describe my earlier experience so that people in {topic} see its value?",
        T.ADVICE,
        1.5,
    ),
    _change(
        "change-small-test",
        "What small project could I try to test whether I like this work before switching?",
        T.ASSIGNMENTS,
        1.5,
    ),
    _change(
        "change-first-step-roles",
        "Which roles make the most sense as a first step for someone changing careers "
        "into {topic}?",
        T.ADVICE,
        1.5,
    ),
    _change(
        "change-step-back",
        "How much of a step back, in level or in pay, should a career changer expect?",
        T.INSIGHTS,
        2.0,
    ),
    _change(
        "change-outsider-advantage",
        "What can someone from another field bring that people trained in {topic} often lack?",
        T.INSIGHTS,
        1.5,
    ),
    _change(
        "change-six-months",
        "If you had six months to retrain for {their_role}, how would you spend them?",
        T.ADVICE,
        2.0,
    ),
    _change(
        "change-biggest-adjustment",
        "What would be the biggest adjustment for someone coming from a very different kind "
        "of workplace?",
        T.INSIGHTS,
        1.5,
    ),
    _change(
        "change-local-differences",
        "What about how work is done here might surprise someone trained in another country?",
        T.INSIGHTS,
        2.0,
    ),
    _change(
        "change-recognition-abroad",
        "For people trained abroad, what has helped them most with getting their "
        "qualifications recognized here?",
        T.RESOURCES,
        2.0,
    ),
    _change(
        "change-later-start",
        "Does starting in {topic} later in a career change how people are received?",
        T.INSIGHTS,
        1.5,
    ),
    _change(
        "change-convincing-sample",
        "What kind of sample work would convince you that a career changer can do this job?",
        T.ASSIGNMENTS,
        1.5,
    ),
    _change(
        "change-practice-assignments",
        "Which short-term or volunteer assignments would let me practise the core tasks "
        "of {their_role}?",
        T.ASSIGNMENTS,
        1.5,
    ),
    _change(
        "change-familiar-parts",
        "Which parts of the work would feel familiar to someone from teaching, sales or "
        "customer service?",
        T.INSIGHTS,
        1.5,
    ),
    _change(
        "change-ready-to-move",
        "How would I know I am ready to make the move into {topic}?",
        T.ADVICE,
        1.5,
    ),
    _change(
        "change-mistakes-seen",
        "What mistakes have you seen career changers make when entering {topic}?",
        T.ADVICE,
        1.5,
    ),
    _change(
        "change-own-switch",
        "Have you ever changed direction yourself, and what made it work?",
        T.INSIGHTS,
        2.0,
    ),
    _change(
        "change-bridge-roles",
        "Are there bridge roles that combine my current experience with {topic}?",
        T.ADVICE,
        1.5,
    ),
    _change(
        "change-skills-map",
        "Could we go through my skills together and mark which gaps matter most for {their_role}?",
        T.ADVICE,
        4.0,
        fits_15=False,
    ),
    _change(
        "change-short-courses",
        "Which short courses have helped people you know switch into {topic}?",
        T.RESOURCES,
        1.5,
    ),
)

QUESTION_BANK: tuple[BankQuestion, ...] = (
    _PATH + _ROLE + _ORGANIZATION + _INDUSTRY + _ADVICE + _NEXT_STEPS + _CAREER_CHANGE
)


@cache
def _index() -> dict[str, BankQuestion]:
    return {question.key: question for question in QUESTION_BANK}


def bank_by_key() -> dict[str, BankQuestion]:
    """Every bank question by its key (a fresh dict: callers may change it freely)."""
    return dict(_index())
