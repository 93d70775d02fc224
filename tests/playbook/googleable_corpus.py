"""A hand-labelled corpus for the googleable check (P16).

`True` means a web search or the organization's own website would answer the question, so it
wastes interview time. `False` means only this person can answer it: their experience, view,
advice or feelings, even when the question mentions products, size, money or the CEO.
The organizations named here are made up. Used by test_googleable.py and
scripts/measure_googleable.py.

How it was built: the first batch was written, then the rules were tuned on it; each later
holdout batch was written fresh, measured once (numbers below, before tuning), then folded in.

    first holdout   16 + 16   precision 1.00  recall 0.56 when first measured
    second holdout  14 + 15   precision 1.00  recall 0.14 (facts outside the first list)
    third holdout   15 + 15   precision 1.00  recall 0.40
    fourth holdout  20 + 20   precision 1.00  recall 0.60 (0.65 after changes made only to
                              stop false flags); kept apart as the fresh batch until 2026-11-22
    FRESH           20 + 20   never tuned on: precision 1.00, recall 0.90 (written before the
                              fourth holdout was folded in; measured after)

CORPUS (first batch + the three holdouts + a few everyday questions) is what the tests hold to
precision and recall >= 0.9; FRESH is the honest estimate for new phrasings. Run
scripts/measure_googleable.py for the current numbers.
"""

from __future__ import annotations

from typing import NamedTuple


class Labelled(NamedTuple):
    question: str
    googleable: bool


GOOGLEABLE: tuple[str, ...] = (
    # founding and history
    "When was Northwind Health founded?",
    "What year did Bluepeak Analytics start?",
    "How long has the firm been in business?",
    "How old is the company?",
    "I'm curious, when was the organization founded?",
    "When were you founded?",
    # where it is based, locations
    "Where is the company headquartered?",
    "Where are your main offices located?",
    "Which city is Harbor Legal Aid based in?",
    "Where is Northwind's head office?",
    "Can you tell me where the company is headquartered?",
    "How many offices do you have around the world?",
    "In how many countries does the organization operate?",
    "How many stores does the chain have?",
    # size
    "How many employees does Bluepeak have?",
    "How big is the company?",
    "Roughly how many people work at Northwind?",
    "How many employees do you have?",
    # what it does, products, customers
    "What does Cedar & Pine Architects do?",
    "What exactly does your company do?",
    "Can you tell me what the company does?",
    "What industry is Bluepeak in?",
    "How does the company make money?",
    "What products does the company sell?",
    "What services do you offer to hospitals?",
    "What is your flagship product?",
    "What programs does the nonprofit run?",
    "Could you walk me through what products you sell?",
    "Who are the company's main clients?",
    "How many users does the app have?",
    # money
    "What is the company's annual revenue?",
    "What was the company's revenue last year?",
    "How much funding has the startup raised?",
    "Is Bluepeak publicly traded?",
    "What is the current share price?",
    "What is the company valued at?",
    "When did the company go public?",
    "What is the company's stock ticker?",
    # leaders and owners
    "Who is the CEO of Northwind Health?",
    "Who founded the company?",
    "Who are the co-founders?",
    "Do you know who the executive director is?",
    "Who runs the company these days?",
    "Who is on the board of directors?",
    "Who owns the company?",
    "What is the parent company of Bluepeak?",
    "When was the company acquired by Initech?",
    # mission and values
    "What is the organization's mission statement?",
    "What is Harbor Legal Aid's mission?",
    "What are the company's core values?",
    # competitors and prices
    "Who are your biggest competitors?",
    "Who does Bluepeak compete with?",
    "Which companies compete with you in the analytics market?",
    "How much does your software cost per month?",
    "What are your pricing tiers?",
    # acronyms, definitions, jobs, benefits
    "What does NGO stand for?",
    "What does the acronym UX stand for?",
    "What does SaaS mean?",
    "What does a data analyst do?",
    "Are you hiring right now?",
    "What job openings do you have?",
    "What benefits does the company offer employees?",
)

NOT_GOOGLEABLE: tuple[str, ...] = (
    # plain experience, view and advice
    "What surprised you most when you joined Northwind Health?",
    "How would you describe the culture to a friend?",
    "What is a typical workday like for you?",
    "What do you like most about working here?",
    "How did you get your first job in public health?",
    "What would you do differently if you were starting out today?",
    "Why did you leave your previous job to join Bluepeak?",
    "What made you choose this organization over other offers?",
    "How many hours a week do you typically spend in meetings?",
    "What skills do you use every day that you didn't expect to need?",
    "What part of the talk on transit data took the longest to get right?",
    "How did you decide what to include in your article on accessible design?",
    "What does success look like in your first year in this role?",
    "What project would show me what the work is really like?",
    "Where do you see the industry heading?",
    "What trends do you see shaping urban planning over the next five years?",
    "How is remote work changing the way your team hires?",
    "What is the biggest challenge facing your department right now?",
    "Which professional associations do you find most useful?",
    "Who else do you think I should talk to?",
    "May I contact you again if I have more questions?",
    "If you were in my shoes, what would you do first?",
    "What hurdles should a career changer from teaching expect in this field?",
    "Which of my skills from nursing would transfer to health informatics?",
    "What do people at Northwind get promoted for?",
    "Can you tell me about a project that changed how you see your work?",
    "Do you know what the day-to-day looks like for a junior analyst on your team?",
    "What did you do before you became a product manager?",
    # hard cases: they mention a public fact but ask for the person's own account
    "What do you wish you had known about the products side before you started?",
    "How has the company's growth changed your day?",
    "How did the CEO's arrival change the way your team works?",
    "What was it like working with the founders in the early days?",
    "How does the mission show up in your daily decisions?",
    "Which of the company's products do you most enjoy working on?",
    "How does being a company of 50,000 people affect how quickly you can ship?",
    "How did the funding round change your team's priorities?",
    "What do customers misunderstand about the product?",
    "How do you think Bluepeak compares to its competitors as a place to learn?",
    "What sets your team apart from the competition, in your eyes?",
    "What is the hardest part of pricing a new service?",
    "How does pricing get decided internally?",
    "How big is your team, and how is it organized?",
    "How many people do you manage?",
    "What does your team do that outsiders rarely see?",
    "What do you think about the new CEO's strategy?",
    "How did the acquisition by Initech feel from the inside?",
    "What surprised you about how the organization makes money?",
    "How do the company values play out when deadlines are tight?",
    "What does the team do when a deadline slips?",
    "What's one thing about working in logistics that job postings never mention?",
    "How has going public changed what gets rewarded?",
    "Which of the services you offer do clients value most?",
    # everyday questions checked while tuning, so that common good questions stay unflagged
    "What kind of training does the company provide new employees?",
    "What does the company offer that others do not, as a place to work?",
    "What does the company look for in new graduates?",
    "How many interns does the team take each summer?",
    "What products are you working on right now?",
    "Which departments does your team work with most?",
    "How big is the market for this kind of service?",
    "Is there a dress code?",
    "What is the company known for among people in the field?",
    "What do you do in your free time?",
)

FIRST: tuple[Labelled, ...] = tuple(Labelled(q, True) for q in GOOGLEABLE) + tuple(
    Labelled(q, False) for q in NOT_GOOGLEABLE
)

# Written after the rules were tuned on the questions above, and measured once before any further
# change, to give an honest idea of how the check does on phrasings it was not shaped for.
HOLDOUT_GOOGLEABLE: tuple[str, ...] = (
    "What year was Bluepeak established?",
    "Is the company based in Toronto or Montreal?",
    "How many staff does the charity employ?",
    "What kind of products does Northwind make?",
    "Who is the current managing director?",
    "What was the valuation at the last funding round?",
    "How much do you charge for a basic consultation?",
    "Which clients has the agency worked with?",
    "What are the main products?",
    "Is the organization a nonprofit or a for-profit?",
    "What does the organization's name mean?",
    "Who started Harbor Legal Aid?",
    "When did Northwind open its London office?",
    "How many members does the association have?",
    "What languages does the app support?",
    "Who are the organization's funders?",
)

HOLDOUT_NOT_GOOGLEABLE: tuple[str, ...] = (
    "What does a good week look like for you?",
    "What kind of people tend to do well on your team?",
    "How did you find your way into climate finance?",
    "What's the most common mistake new hires make here?",
    "How do decisions about new products get made on your team?",
    "When you started, what did you find hardest to learn?",
    "Which part of the company's history do people still talk about?",
    "What does the CEO care about that isn't in the annual report?",
    "How do you balance client work with internal projects?",
    "What would you tell someone thinking about a master's degree in this field?",
    "How has your view of the industry changed since you started?",
    "What does the organization do well that outsiders don't notice?",
    "Who at the company has shaped your career the most?",
    "What keeps people at Northwind for ten years or more?",
    "How do teams in different offices work together day to day?",
    "Is there a book that changed how you think about your work?",
)

HOLDOUT: tuple[Labelled, ...] = tuple(Labelled(q, True) for q in HOLDOUT_GOOGLEABLE) + tuple(
    Labelled(q, False) for q in HOLDOUT_NOT_GOOGLEABLE
)

# A second fresh batch, written after the first holdout was folded into the rules.
HOLDOUT_2_GOOGLEABLE: tuple[str, ...] = (
    "Does Bluepeak have an office in Berlin?",
    "What is the organization's annual budget?",
    "How many hospitals does Northwind run?",
    "Who is the head of the marketing department?",
    "Is the company profitable?",
    "What's the address of your main office?",
    "What certifications does the firm hold?",
    "Which awards has the agency won?",
    "How many patents does the company hold?",
    "Who are the company's investors?",
    "What markets does Bluepeak sell in?",
    "What does the foundation fund?",
    "Where is your nearest branch?",
    "What is the company's tagline?",
)

HOLDOUT_2_NOT_GOOGLEABLE: tuple[str, ...] = (
    "How do you keep up with changes in tax law?",
    "What does the annual report leave out about life here?",
    "How did the move to the new headquarters affect your team?",
    "What was your reaction when the company was acquired?",
    "How do the products you build get tested before launch?",
    "What would the founders say is the company's biggest strength?",
    "What do you look for when you hire a junior designer?",
    "How much of your week goes to admin work?",
    "What are the unwritten rules for new starters?",
    "Which meetings could you not live without?",
    "What is one thing the public misunderstands about nursing?",
    "How do small and large offices differ in how they train people?",
    "Who do you go to when you're stuck on a problem?",
    "What was the first project you owned from start to finish?",
    "How did your team react to the new pricing model?",
)

HOLDOUT_2: tuple[Labelled, ...] = tuple(Labelled(q, True) for q in HOLDOUT_2_GOOGLEABLE) + tuple(
    Labelled(q, False) for q in HOLDOUT_2_NOT_GOOGLEABLE
)

# A third fresh batch, written after the second was folded into the rules.
HOLDOUT_3_GOOGLEABLE: tuple[str, ...] = (
    "What does Northwind Health specialize in?",
    "How many beds does the hospital have?",
    "Where are the company's data centers?",
    "Who is Bluepeak's chief technology officer?",
    "What was the company's original name?",
    "Does the firm work internationally?",
    "How many volunteers does the charity have?",
    "What countries does the company ship to?",
    "When did the current CEO take over?",
    "Is the university public or private?",
    "Which sectors does the consultancy serve?",
    "What is Bluepeak's main product called?",
    "How many branches does the bank have in Ontario?",
    "What are the company's opening hours?",
    "Is the agency owned by a larger group?",
)

HOLDOUT_3_NOT_GOOGLEABLE: tuple[str, ...] = (
    "What does the company do better than anywhere else you've worked?",
    "How do you prepare for a big client presentation?",
    "What kind of person struggles in this role?",
    "How does the hospital's size change the way nurses work together?",
    "What do new analysts usually get wrong in their first reports?",
    "Which tools could you not do your job without?",
    "How do you explain what you do to your family?",
    "What is the best way to learn the regulations in this field?",
    "What questions do you wish more students asked you?",
    "How did the pandemic change your clinic?",
    "Is there a part of the job you would happily give away?",
    "What did your path into consulting look like?",
    "How do you decide which projects to say yes to?",
    "What does a successful handover between shifts look like?",
    "Who inspired you early in your career?",
)

HOLDOUT_3: tuple[Labelled, ...] = tuple(Labelled(q, True) for q in HOLDOUT_3_GOOGLEABLE) + tuple(
    Labelled(q, False) for q in HOLDOUT_3_NOT_GOOGLEABLE
)

# The fourth holdout: the first fresh batch, measured once (recall 0.60), then tuned on.
HOLDOUT_4_GOOGLEABLE: tuple[str, ...] = (
    "What does Bluepeak's software do?",
    "Where is the organization's main campus?",
    "How many customers does Northwind serve each year?",
    "Who leads the research division?",
    "Has the company ever been acquired?",
    "What was Northwind's revenue growth last quarter?",
    "How many clinics does the network operate?",
    "What are the company's main business lines?",
    "When did Harbor Legal Aid become a registered charity?",
    "Is Bluepeak a subsidiary of a larger company?",
    "Who sits on the organization's board?",
    "What does the company charge for its premium tier?",
    "Which cities does the agency have offices in?",
    "How many people does the ministry employ?",
    "What is the organization's legal name?",
    "Which stock exchange is the company listed on?",
    "What programs does the association offer its members?",
    "What is the name of the company's newest product?",
    "How much did Bluepeak raise in its last round?",
    "Which newspapers has the company been featured in?",
)

HOLDOUT_4_NOT_GOOGLEABLE: tuple[str, ...] = (
    "What does a bad day look like in your job?",
    "How do you know when a project is going well?",
    "What part of the onboarding helped you most?",
    "Which habits helped you get promoted?",
    "What do clients thank your team for most often?",
    "How much autonomy do junior staff really get?",
    "What question should I have asked but didn't?",
    "How does the company's public image match life inside?",
    "What do the best people in this field read?",
    "What did the merger mean for your team's work?",
    "Where do people on your team usually go after a few years?",
    "How long did it take before you felt confident here?",
    "Which conferences are worth the ticket price?",
    "What would make someone from retail a strong candidate for this work?",
    "How do teams here share what they learn?",
    "What is the pace of work like during the busy season?",
    "What kind of problems land on your desk most often?",
    "How did you handle the switch from academia to industry?",
    "What does the organization's growth plan mean for new hires?",
    "Which skills from teaching carry over best into instructional design?",
)

HOLDOUT_4: tuple[Labelled, ...] = tuple(Labelled(q, True) for q in HOLDOUT_4_GOOGLEABLE) + tuple(
    Labelled(q, False) for q in HOLDOUT_4_NOT_GOOGLEABLE
)

# The fresh batch, written before the rules were tuned on HOLDOUT_4 and never used to tune them:
# the honest estimate of how the check does on new phrasings. Its mistakes are kept as found.
FRESH_GOOGLEABLE: tuple[str, ...] = (
    "How many locations does Bluepeak have across Europe?",
    "Who bought the company in 2019?",
    "What awards has the agency won?",
    "Which companies has Northwind acquired?",
    "How many trains does the railway run each day?",
    "Who are the company's biggest investors?",
    "What languages is the app available in?",
    "Is the company publicly traded?",
    "Where is Harbor Legal Aid's head office?",
    "What industries does the consultancy serve?",
    "How many employees work at the hospital?",
    "What is the museum's mission statement?",
    "Who is the current mayor of the city?",
    "When did the bank open its first branch?",
    "What is Northwind's stock price?",
    "Which brands does the group own?",
    "What certifications does the clinic hold?",
    "Who are Bluepeak's main competitors?",
    "How much does a membership in the association cost?",
    "What markets does the company operate in?",
)

FRESH_NOT_GOOGLEABLE: tuple[str, ...] = (
    "What made you stay at the company through the acquisition?",
    "How do you prepare for a difficult client meeting?",
    "What would you tell your first-year self?",
    "Which part of the budget process takes most of your time?",
    "How do investors' expectations shape your week?",
    "What surprised you most about working in a museum?",
    "How do you keep learning now that you are senior?",
    "What is it like to work with the board day to day?",
    "Which of your projects are you proudest of?",
    "How did you find your first mentor?",
    "What does a typical Monday look like for you?",
    "How do you decide what to say no to?",
    "What do newcomers usually get wrong in their first month?",
    "How has the field changed since you started?",
    "What did you have to unlearn when you joined?",
    "Which tools do you actually use every day?",
    "How do you measure whether your work made a difference?",
    "What kind of person thrives on your team?",
    "What would you look for in someone switching into this role?",
    "How did the reorganization change your job?",
)

FRESH: tuple[Labelled, ...] = tuple(Labelled(q, True) for q in FRESH_GOOGLEABLE) + tuple(
    Labelled(q, False) for q in FRESH_NOT_GOOGLEABLE
)

# The labelled corpus the tests hold to precision and recall >= 0.9: every batch the rules were
# shaped on. FRESH stays apart as the honest estimate on unseen phrasings.
CORPUS: tuple[Labelled, ...] = FIRST + HOLDOUT + HOLDOUT_2 + HOLDOUT_3 + HOLDOUT_4
