"""Small built-in word lists, combined into realistic names, organizations and notes."""

from __future__ import annotations

# fmt: off
FIRST_NAMES = (
    "Amara", "Daniel", "Sofia", "Liam", "Priya", "Mateo", "Hannah", "Kenji", "Fatima", "Noah",
    "Aisha", "Lucas", "Mei", "Oliver", "Zainab", "Ethan", "Ingrid", "Omar", "Chloe", "Ravi",
    "Elena", "Tomás", "Yuki", "Grace", "Kwame", "Isabel", "Arjun", "Leila", "Samuel", "Nadia",
    "Jonas", "Camila", "Hiroshi", "Ana", "Felix", "Layla", "Marcus", "Siobhan", "Diego", "Ines",
    "Tariq", "Julia", "Emeka", "Clara", "Viktor", "Rosa", "Andrei", "Maya", "Kofi", "Lena",
    "Joon", "Beatriz", "Hamza", "Freya", "Pablo", "Anika", "Malik", "Eva", "Chen", "Sara",
    "Nikolai", "Aaliyah", "Bruno", "Ruth", "Idris", "Lucía", "Theo", "Alma", "Yusuf", "Nora",
    "Gabriel", "Sunita", "Oscar", "Mariam", "Henrik", "Olga", "Rahul", "Astrid", "Jamal", "Zoe",
)
LAST_NAMES = (
    "Okafor", "Chen", "Rossi", "O'Connor", "Raman", "García", "Schmidt", "Watanabe", "Haddad",
    "Nguyen", "Kowalski", "Mensah", "Silva", "Johansson", "Patel", "Dubois", "Kim", "Moreau",
    "Ahmed", "Novak", "Fernández", "Tanaka", "Müller", "Adeyemi", "Larsen", "Rahman", "Costa",
    "Murphy", "Ivanova", "Yilmaz", "Bianchi", "Hughes", "Sato", "Mbeki", "Lindqvist", "Khan",
    "Duarte", "Fischer", "Park", "Osei", "Romero", "Petrov", "Singh", "Walsh", "Nakamura",
    "Eriksen", "Alvarez", "Wright", "Cohen", "Boateng", "Ito", "Lopez", "Horvat", "Ali", "Kruger",
    "Marino", "Obi", "Svensson", "Morales", "Brennan", "Huang", "Jovanović", "Diallo", "Becker",
    "Reyes", "Campbell", "Suzuki", "Nowak", "Abubakar", "Lam", "Sousa", "Ward", "Hassan", "Berg",
)
TITLES = (
    "Product Manager", "Senior UX Researcher", "Data Analyst", "Engineering Manager",
    "Product Designer", "Staff Software Engineer", "Head of Research", "Policy Advisor",
    "Clinical Nurse Specialist", "Financial Analyst", "Marketing Lead", "Content Strategist",
    "Project Coordinator", "Operations Director", "Data Scientist", "Sustainability Consultant",
    "Learning Designer", "Customer Success Manager", "Grant Writer", "Account Executive",
    "Quality Engineer", "Supply Chain Planner", "Program Officer", "Research Scientist",
    "Communications Manager", "Solutions Architect", "HR Business Partner", "Urban Planner",
    "Service Designer", "Security Engineer", "Curriculum Developer", "Business Analyst",
    "Brand Strategist", "Community Manager", "Lab Manager", "Chief of Staff",
)
ORG_FIRST = (
    "Northwind", "Blue River", "Cedar", "Harbour", "Summit", "Maple", "Granite", "Silverline",
    "Lakeside", "Brightpath", "Evergreen", "Copperleaf", "Westbrook", "Ironwood", "Clearwater",
    "Redstone", "Oakridge", "Starling", "Tidewater", "Highland", "Aurora", "Pinecrest", "Riverbend",
    "Foxglove", "Meridian", "Keystone", "Bluebell", "Driftwood", "Larkspur", "Orchard",
)
ORG_SECOND = (
    "Analytics", "Health", "Labs", "Robotics", "Bank", "Foods", "Energy", "Studio", "Logistics",
    "Learning", "Media", "Insurance", "Therapeutics", "Software", "Mobility", "Design", "Capital",
    "Networks", "Pharma", "Systems", "Foundation", "Partners", "Games", "Water", "Retail",
)
ORG_KINDS = ("Inc.", "Ltd", "Group", "Co-op", "GmbH", "LLC", "Collective", "Institute", "")
INDUSTRIES = (
    "Software", "Healthcare", "Financial services", "Education", "Public sector", "Retail",
    "Energy", "Media", "Non-profit", "Manufacturing", "Biotechnology", "Consulting",
    "Transportation", "Telecommunications", "Hospitality", "Architecture", "Games", "Insurance",
)
LOCATIONS = (
    "Toronto", "Montréal", "Vancouver", "Berlin", "Lisbon", "London", "Dublin", "Amsterdam",
    "Nairobi", "Lagos", "Accra", "Singapore", "Tokyo", "Seoul", "Sydney", "Melbourne",
    "New York", "Chicago", "Austin", "Seattle", "São Paulo", "Mexico City", "Madrid", "Stockholm",
    "Copenhagen", "Zürich", "Paris", "Bangalore", "Dubai", "Cape Town",
)
TIME_ZONES = (
    "America/Toronto", "America/Vancouver", "Europe/Berlin", "Europe/Lisbon", "Europe/London",
    "Africa/Nairobi", "Africa/Lagos", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney",
    "America/New_York", "America/Chicago", "America/Sao_Paulo", "Europe/Madrid", "",
)
TAGS = (
    "alumni-network", "ux", "data", "climate", "health", "fintech", "public-policy", "mentor",
    "conference-2024", "bootcamp", "design-systems", "hiring-manager", "startup", "nonprofit",
    "research", "product", "women-in-tech", "newcomers", "open-source", "career-change",
)
TOPICS = (
    "how research findings reach the roadmap", "moving from teaching into learning design",
    "what a typical week looks like on the data team", "breaking into climate tech",
    "how the team decides what to build next", "the path from nursing into health informatics",
    "what hiring managers look for in a portfolio", "working in policy after a science degree",
    "how the organization measures impact", "the skills that matter in the first year",
    "switching from finance to product", "what surprised them about consulting",
    "how design and engineering work together", "the trends changing their field",
    "what they wish they had known at the start", "how remote work changed the team",
    "getting a first role in a new country", "which associations are worth joining",
)
RELATIONSHIP_CONTEXTS = (
    "We met at the spring meetup.", "Both in the alumni association.",
    "Introduced by a former colleague.", "Same bootcamp cohort.", "Spoke on a panel I attended.",
    "We volunteered at the same food bank.", "Worked together on a client project.",
    "Commented on each other's posts.", "Member of the same professional association.", "",
)
WHAT_THEY_DO = (
    "research for the booking service", "runs the onboarding experiments",
    "leads the analytics guild", "designs the patient intake flows",
    "manages the grants programme", "builds the recommendation models",
    "coordinates the city's cycling plan", "writes the developer documentation", "",
)
NOTES = (
    "Very generous with time; suggested two people to talk to next.",
    "Prefers email over calls. Mentioned a reading list on service design.",
    "Said the team hires mostly through referrals; the portfolio matters more than the CV.",
    "Follow up in spring: they might have a project to shadow.",
    "Recommended joining the regional association and its mentoring circle.",
    "Talked about the move from academia; the first year was the hardest.",
    "Asked me to keep them posted on the certificate course.",
    "Great story about the failed launch and what the team learned from it.",
    "Their advice: find a small project that shows the work, not another course.",
    "They offered to introduce me to the head of research.",
)
ACTIVITY_TEXTS = {
    "request_sent": (
        "Asked for 15 minutes about {topic}.",
        "Sent a short request: 20 minutes on {topic}?",
    ),
    "nudge_sent": ("A polite nudge after a week.", "Followed up once, kindly."),
    "reply_received": (
        "They said yes and offered two slots.",
        "Happy to talk; asked for a calendar invite.",
    ),
    "scheduled": ("Booked a video call.", "Coffee at the café near their office."),
    "rescheduled": ("Moved to next week at their request.",),
    "held": ("Talked about {topic}.", "A good conversation about {topic}."),
    "thank_you_sent": ("Thanked them by email the same day.", "Mailed a handwritten card."),
    "update_sent": ("Told them how the course is going.", "Shared the project they suggested."),
    "intro_requested": ("Asked whether they could introduce me to a colleague.",),
    "intro_made": ("They introduced me to someone on the platform team.",),
    "stage_changed": ("Idea → Researching", "Researching → Requested"),
    "note": NOTES,
}
# fmt: on
