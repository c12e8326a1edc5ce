"""A realistic demo campaign: a teacher moving into UX research, a few weeks in."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from ..domain.models import (
    Capture,
    CaptureKind,
    Contact,
    Focus,
    Medium,
    MeetingQuestion,
    Settings,
    TargetEmployer,
    Tiara,
    TouchKind,
)
from ..domain.prep import mark_prepared
from ..domain.stages import Stage
from .campaign import Campaign

# name, role, company, industry, stage, source, tags, email, days since added
PEOPLE = [
    ("Priya Raman", "UX Research Lead", "Northwind Health", "health tech", Stage.PROSPECTS, "alumni", ["research", "health"], "priya.raman@northwind.example", 3),
    ("Tomás Herrera", "Product Designer", "Fabrikam", "fintech", Stage.PROSPECTS, "event", ["design"], "", 2),
    ("Grace Okafor", "Director of Design", "Contoso Learning", "edtech", Stage.PROSPECTS, "referral", ["edtech", "leadership"], "grace@contoso-learning.example", 1),
    ("Wen Li", "Research Ops Manager", "Tailspin Toys", "consumer", Stage.PROSPECTS, "cold", ["research-ops"], "", 5),
    ("Marcus Bell", "Senior UX Researcher", "Adatum", "enterprise software", Stage.REACHED_OUT, "linkedin", ["research"], "marcus.bell@adatum.example", 9),
    ("Sofia Rossi", "Content Designer", "Litware", "media", Stage.REACHED_OUT, "friends & family", ["content"], "sofia@litware.example", 6),
    ("Daniel Kim", "UX Researcher", "Northwind Health", "health tech", Stage.SCHEDULED, "referral", ["research", "health"], "dkim@northwind.example", 14),
    ("Amara Nwosu", "Learning Experience Designer", "Contoso Learning", "edtech", Stage.SCHEDULED, "alumni", ["edtech"], "amara.n@contoso-learning.example", 12),
    ("Hannah Schmidt", "Design Manager", "Fabrikam", "fintech", Stage.INTERVIEWED, "event", ["design", "leadership"], "hannah.schmidt@fabrikam.example", 20),
    ("Leo Martins", "Research Scientist", "Proseware", "AI", Stage.THANKED, "cold", ["research", "ai"], "leo@proseware.example", 30),
    ("Ruth Abebe", "VP Product", "Wingtip", "travel", Stage.IN_TOUCH, "friends & family", ["product", "mentor"], "ruth.abebe@wingtip.example", 70),
    ("Kenji Sato", "Service Designer", "City of Lakeside", "public sector", Stage.IN_TOUCH, "alumni", ["service-design"], "ksato@lakeside.example", 90),
]  # fmt: skip

# The people past Interviewed: how many days ago their interview was. The thank-you went the
# next day, so their check-ins fall due eight weeks after it (Kenji's now, Ruth's next week
# after the check-in she had since).
INTERVIEWED_DAYS_AGO = {"Leo Martins": 9, "Ruth Abebe": 64, "Kenji Sato": 68}

NOTES_HANNAH = """Hannah moved from teaching art to design 8 years ago.
- Biggest surprise: how much of the job is facilitation, not drawing
- Hiring managers look for a portfolio with 2-3 case studies that show the messy middle
- Teachers already do research: lesson plans = study guides, classroom = field site
- Suggested the Fabrikam design systems meetup (first Thursday of the month)
Follow-ups: send her my draft case study in two weeks."""


def seed_demo(campaign: Campaign, now: datetime) -> None:
    """Fill an empty file with the demo campaign, dated relative to `now`."""
    zone = now.tzinfo
    today = datetime.combine(now.date(), time(9, 0), tzinfo=zone)
    with campaign.batch():
        campaign.save_settings(
            Settings(
                my_name="Sam Rivera",
                signature="Sam Rivera · sam.rivera@example.com",
                pitch="a high-school science teacher of nine years moving into UX research",
                school="Lakeside University",
            )
        )
        ids: dict[str, str] = {}
        for name, role, company, industry, stage, source, tags, email, age in PEOPLE:
            added = today - timedelta(days=age)
            contact = Contact(
                name=name, role=role, company=company, industry=industry, source=source,
                tags=list(tags), email=email, location="Lakeside",
                focus=Focus.PATH if stage.order % 2 else Focus.INDUSTRY,
            )  # fmt: skip
            campaign.add_contact(contact, at=added)
            ids[name] = contact.id
            _walk(campaign, contact.id, stage, added, now, INTERVIEWED_DAYS_AGO.get(name))
        daniel = campaign.contact(ids["Daniel Kim"])
        daniel.referred_by = ids["Ruth Abebe"]
        daniel.research_person = "5 years at Northwind; before that a school psychologist. Wrote 'Research with nurses, not about them' (Medium, 2025)."
        daniel.research_company = "Northwind Health: patient-scheduling software for clinics; Series C in May; hiring a research ops role."
        campaign.save_contact(daniel)
        meeting = campaign.ensure_next_meeting(daniel.id)
        meeting.when = datetime.combine(now.date() + timedelta(days=1), time(10, 30), tzinfo=zone)
        meeting.medium, meeting.place, meeting.i_pay = (
            Medium.COFFEE,
            "Blue Door Café, 5th & Pine",
            True,
        )
        meeting.objectives = "Learn how he moved from school psychology into research\nUnderstand what a research week at Northwind looks like"
        meeting.introduction = "I teach science, and I've been running classroom studies for years; I want to do that work on products."
        meeting.questions = [
            MeetingQuestion(
                text="What trends are changing how research teams work with clinicians?",
                tiara=Tiara.TRENDS,
            ),
            MeetingQuestion(
                text="What surprised you most when you moved from schools into product work?",
                tiara=Tiara.INSIGHTS,
            ),
            MeetingQuestion(
                text="If you were in my position, what would you do in the next three months?",
                tiara=Tiara.ADVICE,
            ),
            MeetingQuestion(
                text="Who else should I talk to, and what should I read?", tiara=Tiara.RESOURCES
            ),
            MeetingQuestion(
                text="Is there a small project I could take on to test this path?",
                tiara=Tiara.ASSIGNMENTS,
            ),
        ]
        for item in meeting.checklist[:7]:
            item.done = True
        mark_prepared(meeting, "introduction")  # written above, as the prep screen ticks it
        campaign.save_meeting(meeting)
        amara = campaign.ensure_next_meeting(ids["Amara Nwosu"])
        amara.when = datetime.combine(now.date() + timedelta(days=3), time(16, 0), tzinfo=zone)
        amara.medium, amara.place, amara.duration_min = Medium.VIDEO, "meet.example/amara-sam", 20
        for item in amara.checklist[:3]:
            item.done = True
        campaign.save_meeting(amara)
        hannah_id = ids["Hannah Schmidt"]
        held = campaign.ensure_next_meeting(hannah_id)
        held.when = now - timedelta(hours=4)
        held.started_at, held.ended_at = held.when, held.when + timedelta(minutes=27)
        held.medium, held.duration_min = Medium.PHONE, 30
        held.notes = NOTES_HANNAH
        held.log = [
            Capture(
                at=held.when + timedelta(minutes=6),
                kind=CaptureKind.INSIGHT,
                tiara=Tiara.INSIGHTS,
                text="Facilitation is most of the job",
            ),
            Capture(
                at=held.when + timedelta(minutes=14),
                kind=CaptureKind.INSIGHT,
                tiara=Tiara.ADVICE,
                text="Portfolio: 2-3 case studies showing the messy middle",
            ),
            Capture(
                at=held.when + timedelta(minutes=21),
                kind=CaptureKind.ACTION_MINE,
                text="Send draft case study in two weeks",
            ),
        ]
        campaign.save_meeting(held)
        leo = campaign.ensure_next_meeting(ids["Leo Martins"])
        leo.when = now - timedelta(days=9)
        leo.started_at, leo.ended_at, leo.medium = (
            leo.when,
            leo.when + timedelta(minutes=22),
            Medium.VIDEO,
        )
        leo.notes = (
            "Leo: research in AI teams is half evaluation design. Read 'Just Enough Research'."
        )
        leo.log = [
            Capture(
                at=leo.when + timedelta(minutes=9),
                kind=CaptureKind.INSIGHT,
                tiara=Tiara.TRENDS,
                text="Evaluation design is the growth area",
            ),
            Capture(
                at=leo.when + timedelta(minutes=17),
                kind=CaptureKind.INSIGHT,
                tiara=Tiara.RESOURCES,
                text="Read Just Enough Research",
            ),
        ]
        campaign.save_meeting(leo)
        _earlier_conversations(campaign, ids)
        grace = campaign.contact(ids["Grace Okafor"])
        grace.referred_by = ids["Ruth Abebe"]
        campaign.save_contact(grace)
        _no_answer(campaign, today)
        campaign.sync_confirmations()  # the meetings booked above, confirmed the day before
        campaign.log_touch(
            ids["Ruth Abebe"],
            TouchKind.CHECK_IN,
            at=now - timedelta(days=50),
            note="Shared my first case study",
        )
        for company, motivation, openings, active in (
            ("Northwind Health", 3, True, True), ("Contoso Learning", 3, True, True),
            ("Fabrikam", 2, True, True), ("Proseware", 2, False, False), ("Wingtip", 1, False, False),
        ):  # fmt: skip
            campaign.save_target(
                TargetEmployer(
                    company=company,
                    motivation=motivation,
                    posts_openings=openings,
                    has_connection=True,
                    active=active,
                )
            )


def _walk(
    campaign: Campaign,
    contact_id: str,
    stage: Stage,
    added: datetime,
    now: datetime,
    interviewed_days_ago: int | None,
) -> None:
    """Move a new contact through the stages up to `stage`, as a user would have."""
    if interviewed_days_ago is not None:  # past Interviewed: dated from the interview
        interviewed = datetime.combine(
            (now - timedelta(days=interviewed_days_ago)).date(), time(13, 0), tzinfo=now.tzinfo
        )
        step = (interviewed - added) / 3
    else:
        step = timedelta(days=max(1, (now - added).days // (stage.order + 2)))
    walk = added
    for entered in Stage:
        if entered.order == 0 or entered.order > stage.order:
            continue
        if entered is Stage.THANKED:  # the thank-you sent the next day moves the card
            campaign.log_touch(contact_id, TouchKind.THANK_YOU, at=walk + timedelta(days=1))
            continue
        walk = walk + (timedelta(days=7) if entered is Stage.IN_TOUCH else step)
        if entered is Stage.INTERVIEWED:
            walk = min(walk, now - timedelta(hours=3))
            if stage is Stage.INTERVIEWED:  # the call held this morning (see below)
                walk = now - timedelta(hours=3)
        campaign.move_contact(contact_id, entered, at=min(walk, now))
        if entered is Stage.REACHED_OUT:
            campaign.log_touch(contact_id, TouchKind.MESSAGE_SENT, at=min(walk, now))
        if entered is Stage.SCHEDULED and stage.order > Stage.SCHEDULED.order:
            campaign.log_touch(contact_id, TouchKind.REPLY, at=min(walk, now) - timedelta(hours=20))


# The two people now In touch, interviewed weeks ago: what they said, in the capture log.
EARLIER = {
    "Ruth Abebe": (
        Medium.COFFEE,
        [
            (Tiara.ADVICE, "Talk to research ops people, not only researchers"),
            (Tiara.RESOURCES, "Read 'Just Enough Research'"),
            (Tiara.TRENDS, "Product teams want researchers who can run workshops"),
        ],
    ),
    "Kenji Sato": (
        Medium.VIDEO,
        [
            (Tiara.INSIGHTS, "Facilitation is most of the job"),
            (Tiara.TRENDS, "Public services now hire researchers in-house"),
        ],
    ),
}


def _earlier_conversations(campaign: Campaign, ids: dict[str, str]) -> None:
    for name, (medium, said) in EARLIER.items():
        contact = campaign.contact(ids[name])
        interviewed = max(c.at for c in contact.history if c.stage is Stage.INTERVIEWED)
        meeting = campaign.ensure_next_meeting(contact.id)
        meeting.when = interviewed - timedelta(hours=2)
        meeting.started_at, meeting.ended_at = meeting.when, meeting.when + timedelta(minutes=25)
        meeting.medium, meeting.duration_min = medium, 30
        meeting.log = [
            Capture(
                at=meeting.when + timedelta(minutes=5 + 6 * n),
                kind=CaptureKind.INSIGHT,
                tiara=tiara,
                text=text,
            )
            for n, (tiara, text) in enumerate(said)
        ]
        campaign.save_meeting(meeting)


def _no_answer(campaign: Campaign, today: datetime) -> None:
    """Someone who never answered, even after the follow-up: archived, as the method says."""
    olivia = Contact(
        name="Olivia Chen", role="Staff Researcher", company="Litware", industry="media",
        source="cold", tags=["research"], location="Lakeside",
        email="olivia.chen@litware.example",
    )  # fmt: skip
    campaign.add_contact(olivia, at=today - timedelta(days=30))
    reached = today - timedelta(days=26)
    campaign.move_contact(olivia.id, Stage.REACHED_OUT, at=reached)
    campaign.log_touch(olivia.id, TouchKind.MESSAGE_SENT, at=reached)
    campaign.log_touch(
        olivia.id, TouchKind.MESSAGE_SENT, at=today - timedelta(days=15), note="Followed up once"
    )
    campaign.archive_contact(olivia.id, "No answer after one follow-up")
