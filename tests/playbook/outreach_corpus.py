"""A labelled corpus of outreach requests for the linter (rule ids as in DESIGN.md).

Every message was written for this project. Each case lists the rule ids the linter should
report, errors and warnings alike; an empty set means the request follows the playbook
(P3, P6, P7, P8, P14).
"""

from __future__ import annotations

from dataclasses import dataclass

from coffeechat.playbook.outreach import Channel


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    expected: frozenset[str]
    channel: Channel = "email"


def _case(id: str, text: str, *rules: str, channel: Channel = "email") -> Case:
    return Case(id=id, text=text, expected=frozenset(rules), channel=channel)


_LONG_GOOD_BODY = (
    "Hi Daniel,\n\n"
    "We met briefly at the Toronto Data Meetup last month, where you spoke about forecasting "
    "demand for a grocery chain. I'm a pharmacist who has spent the past year teaching myself "
    "Python and statistics, and I'm trying to understand what the day-to-day work of an "
    "analytics team really looks like, which tools matter most, and how people with a "
    "science background usually make the jump. Your work on the supply-chain models at "
    "Loblaw is very close to what I hope to do one day. Would you have 20 minutes in the "
    "next few weeks to talk about how you made that move? I can work around your schedule "
    "and will send a calendar invite with a video link. Thank you for considering it.\n\n"
    "Best regards,\nFatima"
)

CORPUS: tuple[Case, ...] = (
    # ---------------------------------------------------------------- good requests (no findings)
    _case(
        "good-alumni-email",
        "Hi Priya,\n\nI'm a fellow McGill alumna, now working as a lab technician. I read your "
        "article about moving from bench science into product management at Medtronic and "
        "it answered questions I've had for months. Would you have 15–20 minutes in the next "
        "few weeks to talk about what the transition was like?\n\nThank you,\nLéa",
    ),
    _case(
        "good-met-at-event",
        "Hello Marcus — we met at the PyCon booth on Saturday and you mentioned your team's "
        "launch of the new accessibility checker. Could I have 15 minutes of your time to "
        "hear how the project started? Happy to work around your calendar. — Jun",
    ),
    _case(
        "good-referral",
        "Dear Ms. Okafor,\n\nSam Lee suggested I reach out to you. I'm a high-school teacher "
        "exploring instructional design, and Sam said you moved from teaching into UX at "
        "Duolingo. Would you be open to a 20-minute call to talk about that path?\n\nWith "
        "thanks,\nRachel Kim",
    ),
    _case(
        "good-shared-group",
        "Hi Tomás, we are both members of the Montreal UX Association. Your talk on research "
        "ops at the spring meetup stayed with me. Would you have half an hour sometime this "
        "month to share how your team runs usability studies?",
    ),
    _case(
        "good-cold-found-article",
        "Hi Dr. Nguyen,\n\nI came across your article about community health data in the "
        "Globe and Mail. I'm a nurse looking to understand how public-health analysts "
        "spend their days. Would you have 15 minutes for a phone call in the coming weeks "
        "to talk about your work at the regional health authority?\n\nMany thanks,\nOmar",
    ),
    _case(
        "good-friend-of",
        "Hi Jordan! I'm a friend of Alicia Moreno's from our cycling club, and she told me you "
        "lead the design systems team at Shopify. Would you have 20 minutes for a video chat "
        "about what that role involves day to day? Thanks so much, Dev",
    ),
    _case(
        "good-cohort",
        "Hey Anika,\nWe were in the same cohort at the Lighthouse Labs bootcamp back in 2019. "
        "I saw that you joined Wealthsimple as a data engineer. Do you have a 20-min window "
        "next week to tell me how you found the move from a bootcamp into fintech?\nCheers,\nBen",
        channel="message",
    ),
    _case(
        "good-note-alumnus",
        "Hi Chen, fellow alumnus of UBC here. Your talk on carbon accounting at GreenBiz was "
        "fantastic. Would you have 15 minutes for a call about your work?",
        channel="linkedin-note",
    ),
    _case(
        "good-note-referral",
        "Hi Amara, Priya Shah suggested I reach out. I'm exploring hospital administration and "
        "your work on patient-flow projects at Sunnybrook caught my eye. Might you have 15-20 "
        "minutes for a quick call?",
        channel="linkedin-note",
    ),
    _case(
        "good-as-role-at-org",
        "Hi Grace, I found your name in the Women in Data directory. I'd love to learn how you "
        "approach pricing experiments as a product manager at Shopify. Could we find fifteen "
        "minutes for a short call this month?",
    ),
    _case(
        "good-quarter-hour",
        "Dear Mr. Haddad,\n\nYour colleague Nadia Ibrahim recommended I contact you. I'm an "
        "engineer trained in Lebanon, newly arrived in Calgary, and your work on pipeline "
        "integrity at Enbridge is exactly the field I hope to enter. Could you spare a "
        "quarter of an hour to talk about how licensing works here?\n\nRespectfully,\nKarim",
    ),
    _case(
        "good-warm-since-we-last",
        "Hi Sofia, it's been a while since we last caught up! I'm thinking about a move into "
        "nonprofit fundraising and remembered your work at the Red Cross. Would you be up for "
        "a 20-minute coffee in the next few weeks?\n\nLiam",
    ),
    _case(
        "good-range-or",
        "Hi Ines, I listened to your podcast episode on climate tech hiring trends (great "
        "conversation). Would you have 10 or 15 minutes to tell me what skills your team "
        "values most?",
    ),
    _case(
        "good-unicode",
        "Bonjour Zoë,\n\nJ'ai vu que vous … sorry, switching to English! I'm a fellow member of "
        "the Québec Product Guild. Your post about bilingual onboarding at Lightspeed was "
        "excellent. Would you have 15 minutes to talk about it? 🙏\n\nMerci,\nÉmilie",
    ),
    _case(
        "good-with-time-of-day",
        "Hi Ken, we spoke after your workshop on accessible maps at the GIS Day conference. "
        "Would 20 minutes on Thursday at 3pm, or any time that suits you, work for a quick "
        "call about your research?",
    ),
    _case(
        "good-half-hour-limit",
        "Hi Rosa — I heard you on the Career Shift podcast talking about your move from law "
        "into data privacy. Would you have 30 minutes in the coming weeks to talk about how "
        "you made the switch? Thanks, Paul",
    ),
    _case(
        "good-negated-job-ask",
        "Hi Harriet, I enjoyed your keynote at the HR Tech summit. I'm not looking for a job — "
        "I'm a teacher trying to learn about people analytics. Would you have 15 minutes to "
        "talk about your path into the field?",
    ),
    _case(
        "good-no-greeting-one-line",
        "Saw your thread on incident reviews at Stripe and loved it — would you have 15 minutes "
        "for a call about how your team runs them? I'm a fellow SRE meetup organizer.",
        channel="message",
    ),
    _case(
        "good-spaced-layout",
        "\n\n   Hi Beatriz,\n\n\tWe met at the Lisbon Web Summit.\n\n   Your work on the "
        "payments team at Revolut sounds fascinating.\n\n   Would you have fifteen minutes "
        "for a video call?\n\n   Obrigado,\n   Tiago\n\n",
    ),
    # ------------------------------------------------------------------------------ asks-for-job
    _case(
        "job-openings",
        "Hi Laura, we met at the Agile Toronto meetup. I really liked your talk on team "
        "health checks. Are there any openings on your team? Would you have 15 minutes to "
        "chat?",
        "asks-for-job",
    ),
    _case(
        "job-considered",
        "Hi Victor, I'm a fellow Waterloo grad and admire your work on search ranking at "
        "Google. I'd love to be considered for the analyst position on your team. Would you "
        "have 20 minutes to talk?",
        "asks-for-job",
    ),
    _case(
        "job-refer-me",
        "Hi Emma, Jamal Ortiz suggested I reach out. I saw you lead the mobile team at "
        "Instacart. Could you refer me for the role you posted last week? I'd also be happy "
        "to talk for 15 minutes if that helps.",
        "asks-for-job",
        "no-question",
    ),
    _case(
        "job-resume-attached",
        "Hi Noah, I came across your blog post on cloud cost optimisation. Would you have 20 "
        "minutes to talk about your work as an architect at Shopify? I've attached my résumé "
        "for reference.",
        "asks-for-job",
    ),
    _case(
        "job-send-cv",
        "Hello Ms. Park, we're both members of the Canadian Nurses Association. Your research "
        "on rural care is inspiring. Would you have 15 minutes for a call? I'm happy to send "
        "my CV beforehand.",
        "asks-for-job",
    ),
    _case(
        "job-team-hiring",
        "Hi Olu, great meeting you at the fintech mixer! Your work on fraud models at RBC "
        "sounded fascinating. Is your team hiring? If so, could we talk for 20 minutes?",
        "asks-for-job",
    ),
    _case(
        "job-search-mention",
        "Hi Mei, I found your profile through the Ryerson alumni network. I'm currently job "
        "hunting in supply chain and your work at Maersk is a big inspiration. Would you have "
        "15 minutes to talk?",
        "asks-for-job",
    ),
    _case(
        "job-looking-for",
        "Dear Mr. Singh,\n\nI attended your webinar on ESG reporting at KPMG. I am looking for "
        "a position in sustainability consulting. Could we speak for 20 minutes next week?\n\n"
        "Regards,\nAnna",
        "asks-for-job",
    ),
    _case(
        "job-note-cv",
        "Hi Rui, fellow Concordia alum here! Loved your article on retail analytics. Would you "
        "have 15 min for a call? CV attached.",
        "asks-for-job",
        channel="linkedin-note",
    ),
    _case(
        "job-apply",
        "Hi Clara, we met at the Women in Tech breakfast. I'm applying for the junior designer "
        "role at your agency and noticed you worked on the Air Canada rebrand. Would you have "
        "15 minutes to talk about the studio?",
        "asks-for-job",
    ),
    _case(
        "job-join-team",
        "Hi Sam, I loved your talk on developer experience at DevOpsDays. I'd love to join "
        "your team someday. Would you have 20 minutes for a chat?",
        "asks-for-job",
        channel="linkedin-note",
    ),
    _case(
        "job-multiple",
        "Hi Adele, I saw your post about the new analytics hub at TD. Are you currently hiring "
        "analysts? I've attached my resume and would welcome a referral for the opening. Do "
        "you have 15 minutes?",
        "asks-for-job",
    ),
    # ------------------------------------------------------------------------------- no-time-ask
    _case(
        "time-none",
        "Hi Jess, we met at the Product Camp in Vancouver. Your work on onboarding at Hootsuite "
        "really stood out to me. Would you be open to a conversation about product "
        "management?",
        "no-time-ask",
    ),
    _case(
        "time-few-minutes",
        "Hi Arjun, I'm a fellow IIT alumnus and enjoyed your talk on compiler design at "
        "LLVM Dev. Could you spare a few minutes to tell me about your work?",
        "no-time-ask",
        channel="linkedin-note",
    ),
    _case(
        "time-quick-chat",
        "Hey Hannah — Sarah Cho suggested I get in touch. Your work on climate dashboards at "
        "the City of Toronto is exactly what I want to learn about. Up for a quick chat "
        "sometime?",
        "no-time-ask",
        channel="linkedin-note",
    ),
    _case(
        "time-hour",
        "Hi Gabriel, we met at the Montreal AI Symposium. Your paper on speech recognition for "
        "Creole languages was brilliant. Would you have an hour next week to walk me through "
        "your research?",
        "no-time-ask",
    ),
    _case(
        "time-45",
        "Hi Yuki, I'm a fellow member of the Game Developers Guild. I loved your GDC talk on "
        "narrative design at Ubisoft. Could we book 45 minutes to discuss how you got "
        "started?",
        "no-time-ask",
    ),
    _case(
        "time-hour-or-two",
        "Hi Frank, I found your post on woodworking CNC setups in the Makers Forum. I'd love "
        "to visit your shop. Would you have an hour or two some Saturday to show me how your "
        "studio runs?",
        "no-time-ask",
    ),
    _case(
        "time-90-minutes",
        "Hi Lena, your colleague Omar suggested I reach out about your work on vaccine "
        "logistics at UNICEF. Would 90 minutes over lunch be possible?",
        "no-time-ask",
    ),
    _case(
        "time-range-upper-bound",
        "Hi Pat, we met at the Halifax Startup Week. Your work on ocean sensors at Dartmouth "
        "Ocean Technologies is fascinating. Would you have 30–45 minutes to talk about it?",
        "no-time-ask",
    ),
    _case(
        "time-their-long-talk-is-not-an-ask",
        "Hi Ruth, I watched your 90-minute workshop on grant writing and it was superb. I'm a "
        "fellow member of the Nonprofit Network. Would you have 15 minutes to talk about your "
        "work at the Trillium Foundation?",
    ),
    _case(
        "time-date-is-not-duration",
        "Hi Sean, we met at the March 15 career fair at Dalhousie. Your work on wind farm "
        "permitting at Nova Scotia Power interests me. Could we chat sometime after 2:30 on a "
        "weekday?",
        "no-time-ask",
    ),
    # -------------------------------------------------------------------------------- no-context
    _case(
        "context-missing",
        "Hi Andrea, I'd love to learn more about your work on supply-chain analytics at "
        "Unilever. Would you have 20 minutes for a call next week?",
        "no-context",
        channel="linkedin-note",
    ),
    _case(
        "context-missing-note",
        "Hi Kofi, your work as a data scientist at Shopify sounds great. Could we do 15 "
        "minutes on Zoom?",
        "no-context",
        channel="linkedin-note",
    ),
    _case(
        "context-missing-generic",
        "Hello, I am a recent graduate interested in marketing. Would you have 15 minutes "
        "to talk about your career?",
        "no-context",
        "no-why-them",
    ),
    # ------------------------------------------------------------------------------- no-why-them
    _case(
        "why-missing",
        "Hi Jamie, we met at the Calgary Tech Crawl last month. I'm exploring a career in "
        "cybersecurity. Would you have 20 minutes to share your advice?",
        "no-why-them",
    ),
    _case(
        "why-missing-note",
        "Hi Li, fellow Queen's grad here. I'm exploring product roles. Would you have 15 "
        "minutes for a call?",
        "no-why-them",
        channel="linkedin-note",
    ),
    _case(
        "why-generic-role",
        "Hi Morgan, a friend of mine gave me your name. I'd love to learn about your role. "
        "Could we talk for 15 minutes?",
        "no-why-them",
        channel="message",
    ),
    # ------------------------------------------------------------------------------- no-question
    _case(
        "question-statement-ask",
        "Hi Elena, we met at the Ottawa civic-tech night. Your work on the open-data portal "
        "at the City of Ottawa is impressive. Let me know if you have 15 minutes for a call "
        "next week.",
        "no-question",
    ),
    _case(
        "question-imperative",
        "Hi Ravi, I'm a fellow Western alum and I follow your writing on venture debt at "
        "BDC. I'd appreciate 20 minutes of your time to learn about your path.",
        "no-question",
    ),
    _case(
        "question-only-small-talk",
        "Hi Greta, how are you? We met at the Design Systems Conference. Your work on tokens "
        "at Atlassian was inspiring. I would like 15 minutes of your time to learn more.",
        "no-question",
    ),
    # -------------------------------------------------------------------------------- too-long
    _case("long-warning", _LONG_GOOD_BODY, "too-long"),
    _case(
        "long-error",
        _LONG_GOOD_BODY.replace(
            "Thank you for considering it.",
            "I know how busy you must be, especially with the end of the quarter, so please "
            "don't feel any pressure at all; even a short reply pointing me toward a blog, a "
            "book or a person to follow would already help me a great deal, and I'd be "
            "grateful. Thank you for considering it.",
        ),
        "too-long",
    ),
    _case(
        "long-note-over-300",
        "Hi Martina, we met at the Vancouver Product Summit, where your talk on pricing "
        "experiments at Clio was my highlight of the day. I'm a lawyer exploring a move into "
        "legal-tech product management and would value your perspective on how you made a "
        "similar move. Would you have 20 minutes for a call in the next few weeks?",
        "too-long",
        channel="linkedin-note",
    ),
    _case(
        "long-note-ok-as-email",
        "Hi Martina, we met at the Vancouver Product Summit, where your talk on pricing "
        "experiments at Clio was my highlight of the day. I'm a lawyer exploring a move into "
        "legal-tech product management and would value your perspective on how you made a "
        "similar move. Would you have 20 minutes for a call in the next few weeks?",
    ),
    # ----------------------------------------------------------------------------- combinations
    _case(
        "bad-everything",
        "Hello. I am looking for a job. Please find attached my CV. I want to meet you.",
        "asks-for-job",
        "no-time-ask",
        "no-context",
        "no-why-them",
        "no-question",
    ),
    _case(
        "bad-cold-vague",
        "Hi, I want to pick your brain sometime. Let me know when you're free.",
        "no-time-ask",
        "no-context",
        "no-why-them",
        "no-question",
    ),
    _case(
        "bad-hour-statement",
        "Dear Sir or Madam, I would like to request one hour of your time to discuss "
        "opportunities at your company.",
        "no-time-ask",
        "no-context",
        "no-why-them",
        "no-question",
    ),
    _case(
        "bad-note-openings",
        "Hi Raj! Any openings at Amazon for new grads? I'd love 15 minutes of your time.",
        "asks-for-job",
        "no-context",
        "no-why-them",
        "no-question",
        channel="linkedin-note",
    ),
    _case(
        "bad-message-hiring-manager",
        "Hey Tom, we both volunteer at the food bank. Could you connect me with the hiring "
        "manager for your data team? Would love 20 minutes to chat about your work at "
        "Telus too.",
        "asks-for-job",
    ),
    _case(
        "mixed-vague-and-no-context",
        "Hi Nadia, your article on inclusive hiring practices at Deloitte was thoughtful. "
        "Could I have a moment of your time to ask about it?",
        "no-time-ask",
        "no-context",
    ),
    # ----------------------------------------------------------------- look-alikes left alone
    _case(
        "lookalike-learn-about-role",
        "Hi Carmen, we met at the Edmonton HR roundtable. I'd love to learn about your role "
        "leading people operations at ATB Financial. Would you have 20 minutes to talk about "
        "your path into HR?",
    ),
    _case(
        "lookalike-path-into",
        "Hi Ahmed, I'm a fellow member of the Canadian Association of Physicists. I'd love to "
        "hear about your path into data science after your PhD. Do you have 15 minutes for a "
        "call next week?",
    ),
    _case(
        "lookalike-payments-team",
        "Hi Sara, Kai Tanaka mentioned you might be open to questions. Your work on the "
        "payments team at Wise is close to what I'm studying. Would you have 15 minutes to "
        "tell me what a typical week looks like?",
    ),
    _case(
        "lookalike-hiring-process-topic",
        "Hi Bruno, as a fellow HR association member I loved your article about structured "
        "interviews at Shopify. Could we talk for 20 minutes about what the hiring process "
        "teaches you about candidates?",
    ),
    _case(
        "lookalike-referred-me",
        "Hi Mina, your former colleague Jon Park referred me to you. I'm curious about your "
        "work in clinical trials at Roche. Would you have fifteen minutes for a call?",
    ),
    _case(
        "lookalike-negated-resume",
        "Hi Oscar, we met at the Winnipeg Startup Social. I won't send my CV — I'd just like "
        "to learn about your work at Skip. Would you have 15 minutes this month?",
    ),
    _case(
        "lookalike-great-job",
        "Hi Tara, I attended your panel at Collision and you did a great job explaining "
        "model risk at Scotiabank. Would you have 20 minutes to talk about how you got into "
        "the field?",
    ),
    _case(
        "lookalike-opportunities-to-learn",
        "Hi Wen, we're both members of the Toronto Product Circle. I'm looking for "
        "opportunities to learn from people like you, whose work on growth at Wattpad I "
        "admire. Would you have 15–20 minutes for a chat?",
    ),
    # --------------------------------------------------------------------- more real phrasing
    _case(
        "good-former-manager",
        "Hi Ms. Dubois,\n\nMy former manager, Claire Tremblay, thought you would be a great "
        "person to speak with. I'm an accountant considering a move into data analytics, and "
        "I understand you made a similar switch at Desjardins a few years ago. Would you be "
        "willing to share 15 minutes of your time over the phone?\n\nKind regards,\nMarc",
    ),
    _case(
        "good-casual-lowercase",
        "hey! saw ur talk at jsconf on web components, super cool. got 20 mins for a call "
        "sometime? im a fellow frontend dev",
        channel="message",
    ),
    _case(
        "good-same-club",
        "Hi Noor, I'm a second-year student at York and a member of the same Toastmasters club "
        "as you. I'd really like to hear about your experience as a pharmacist at Shoppers "
        "Drug Mart. Would a 15-minute phone call sometime next week work for you?",
    ),
    _case(
        "good-both-studied",
        "Hi Peter, I noticed we both studied engineering at the University of Alberta. Your "
        "transition into patent law is exactly the kind of path I'm curious about. Would you "
        "have 20 minutes to talk?",
    ),
    _case(
        "good-read-paper",
        "Dear Dr. Osei,\nI read your paper on malaria diagnostics with great interest. I'm a "
        "lab scientist from Ghana who recently moved to Toronto. Would you kindly spare 20 "
        "minutes to share how you built your career here?\nSincerely, Kwame",
    ),
    _case(
        "good-classmates-see-youre",
        "Hi Zara — we were classmates in Dr. Liu's statistics seminar at Queen's. I see you're "
        "now a data scientist at Shopify! Would you have twenty minutes to tell me about your "
        "work there?",
    ),
    _case(
        "good-fellow-volunteer-cafe",
        "Good afternoon Mr. Chen, I am writing as a fellow volunteer at the Vancouver Food "
        "Bank. Your work managing logistics at Purolator is impressive. Would it be possible "
        "to meet for about 20 minutes at a café near your office?",
    ),
    _case(
        "good-spent-hours-is-not-an-ask",
        "Hi Omar, I spent 3 hours reading your blog on Rust async last weekend. We're both in "
        "the Rust Toronto meetup. Would you have 15 minutes for a call about your work on "
        "Tokio?",
    ),
    _case(
        "good-mutual-friend",
        "Hi Kira, I'm reaching out because I'm interested in your journey from journalism to "
        "content strategy at Mailchimp. A mutual friend, Jo, passed along your name. Would you "
        "have 20 minutes to chat in the next couple of weeks?",
    ),
    _case(
        "good-grab-coffee-with-duration",
        "Hi Dan, great seeing you at the alumni gala! I'd love to hear how you built your "
        "consulting practice in Halifax. Could we grab coffee for 20 minutes sometime?",
        channel="message",
    ),
    _case(
        "good-question-first",
        "Hi Sophie, Is there a chance you'd be open to chatting for 15 minutes about your work "
        "as a curator at the ROM? I found your profile through the Museums Association "
        "directory.",
    ),
    _case(
        "good-heard-you-speak",
        "Hi Ruby, I heard you speak at the Ladies Learning Code event last spring about your "
        "work building accessible apps at Shopify. Would you have a 15 minute call free in "
        "the coming weeks?",
    ),
    _case(
        "good-positions-as-topic",
        "Hi Bianca, we met at the Dev Women brunch. I'm curious how your team at Slack decides "
        "which positions to open each year and how you got your current job. Would you have "
        "15 minutes?",
    ),
    _case(
        "good-applied-ml-is-not-applying",
        "Hi Leo, I found your interview in the Tech Talent newsletter. I'm a teacher who "
        "applied machine learning to grading in my classroom, and your work on assessment at "
        "Khan Academy fascinates me. Would you have 20 minutes for a call?",
    ),
    _case(
        "good-hiring-as-topic",
        "Hi Ingrid, I'm a fellow member of the Product Marketing Alliance. What is your view on "
        "hiring for PMM roles in 2024? Your article on positioning at Notion was great. Could "
        "we speak for 20 minutes?",
    ),
    _case(
        "good-former-student",
        "Hi Yara, your former student here! I took your data viz course at OCAD in 2020. I'd "
        "love to hear about your work at the Globe's graphics desk. Would you have a 20-minute "
        "slot in the coming weeks?",
    ),
    _case(
        "good-half-hour-alternative",
        "Hi Karl, your colleague Mia mentioned your team's migration to Kubernetes at Shopify. "
        "Would you have 15 minutes for a call, or even a half-hour if you prefer?",
    ),
    _case(
        "good-note-connected",
        "Hi Jack, I noticed you're connected with several people at Ubisoft, and your work as a "
        "level designer there is inspiring. Would you have 10 minutes for a quick call?",
        channel="linkedin-note",
    ),
    _case(
        "job-roles-open",
        "Hi Lucia, we met at the Mozilla Festival. I'd love to hear more about your "
        "open-source work at Mozilla and whether there are any roles open on your team. Would "
        "you have 15 minutes?",
        "asks-for-job",
    ),
    _case(
        "job-good-word",
        "Hi Raymond, Deepa from the Toronto Python group suggested I contact you. Your blog "
        "about testing legacy Django apps helped me a lot. Do you think you could put in a "
        "good word for me with your recruiter? Would 20 minutes work?",
        "asks-for-job",
    ),
    _case(
        "job-looking-for-work",
        "Hi Eve, my name is Tim and I'm looking for work as a UX writer. We met at Config. "
        "Your writing on microcopy at Figma is great. Would you have 15 minutes?",
        "asks-for-job",
    ),
    _case(
        "job-open-roles-no-why",
        "Hi Theo, we met at the AWS Summit. Any chance you'd have 15 minutes to talk? I'd also "
        "love to be considered for any open roles at your company.",
        "asks-for-job",
        "no-why-them",
    ),
    _case(
        "job-still-hiring",
        "Hi Hugo — we met at the Startup Open House. Would you have 20 minutes to talk about "
        "your work on the checkout redesign at Shopify? Also, is the team still hiring for the "
        "senior role?",
        "asks-for-job",
    ),
    _case(
        "job-apply-and-referral",
        "Hi Quinn, we overlapped at Queen's in 2015. I saw you recently became head of design "
        "at Ritual. Could we chat for 20 minutes next week? I'd like to apply to your company "
        "and would love your referral.",
        "asks-for-job",
    ),
    _case(
        "job-resume-is-attached",
        "Hi Maya, we met at Collision last week. Your work on recommendations at Spotify was "
        "fascinating. Would 15 minutes on Zoom work for you? My resume is attached in case "
        "it's useful.",
        "asks-for-job",
    ),
    _case(
        "job-interview-ask",
        "Hi Ana, we met at the UX Montreal meetup. I'd love to get a job interview at your "
        "company. Would you have 20 minutes to talk about your work as a researcher at "
        "Ubisoft?",
        "asks-for-job",
    ),
    _case(
        "time-1h",
        "Hi Ines, I'm a friend of Paulo's from the running club. Your work at the Bank of "
        "Canada on inflation forecasting is fascinating. Would you be free for 1h next week?",
        "no-time-ask",
        channel="message",
    ),
    _case(
        "time-hour-and-a-half",
        "Hi Aiko, we met at PyData. I'd love to hear about your work on forecasting at "
        "Instacart. Would it be possible to talk for an hour and a half?",
        "no-time-ask",
    ),
    _case(
        "question-let-me-know",
        "Hi Cole, we met at the Halifax Tech Meetup. I'd love 15 minutes of your time. Let me "
        "know what works.",
        "no-why-them",
        "no-question",
        channel="message",
    ),
    # ------------------------------------------------------------------------ degenerate input
    _case(
        "empty",
        "",
        "no-time-ask",
        "no-context",
        "no-why-them",
        "no-question",
    ),
    _case(
        "whitespace-only",
        "   \n\t  \n",
        "no-time-ask",
        "no-context",
        "no-why-them",
        "no-question",
    ),
    _case(
        "emoji-only",
        "👋🙂☕?",
        "no-time-ask",
        "no-context",
        "no-why-them",
        "no-question",
        channel="message",
    ),
)
