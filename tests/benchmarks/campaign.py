"""Generate large campaigns for the benchmarks (not used by the app)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

from infoint_tui.actions.campaign import Campaign, open_campaign
from infoint_tui.domain.clock import FixedClock
from infoint_tui.domain.models import Capture, CaptureKind, Contact, Meeting, MeetingQuestion, Tiara
from infoint_tui.domain.prep import default_checklist
from infoint_tui.domain.stages import STAGES

FIRST = [
    "Ada",
    "Grace",
    "Alan",
    "Barbara",
    "Linus",
    "Margaret",
    "Ken",
    "Dennis",
    "Frances",
    "Radia",
    "Tim",
    "Vint",
    "Hedy",
    "Edsger",
    "Donald",
    "Leslie",
]
LAST = [
    "Lovelace",
    "Hopper",
    "Turing",
    "Liskov",
    "Torvalds",
    "Hamilton",
    "Thompson",
    "Ritchie",
    "Allen",
    "Perlman",
    "Berners-Lee",
    "Cerf",
    "Lamarr",
    "Dijkstra",
    "Knuth",
    "Lamport",
]
COMPANIES = [
    "Northwind",
    "Contoso",
    "Fabrikam",
    "Adatum",
    "Litware",
    "Proseware",
    "Wingtip",
    "Tailspin",
]
WORDS = [
    "research",
    "product",
    "design",
    "insight",
    "trend",
    "advice",
    "portfolio",
    "mentor",
    "team",
    "hiring",
    "culture",
    "data",
    "users",
]


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def build(path: Path, contacts: int, meetings: int, note_words: int = 0, seed: int = 1) -> Campaign:
    rng = random.Random(seed)
    now = datetime(2026, 11, 18, 9, 30).astimezone()
    repo = open_campaign(path, clock=FixedClock(now), autoflush=False)
    ids = []
    with repo.batch():
        for i in range(contacts):
            contact = Contact(
                name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}",
                company=rng.choice(COMPANIES),
                role=rng.choice(["PM", "UX Researcher", "Engineer", "Designer"]),
                tags=rng.sample(WORDS, 2),
                notes=words(rng, 20),
                stage=rng.choice(STAGES),
            )
            repo.add_contact(contact, at=now - timedelta(days=rng.randint(1, 90)))
            ids.append(contact.id)
        for _ in range(meetings):
            when = now + timedelta(days=rng.randint(-60, 30), hours=rng.randint(0, 8))
            meeting = Meeting(
                contact_id=rng.choice(ids),
                when=when,
                notes=words(rng, note_words),
                checklist=default_checklist(),
                questions=[
                    MeetingQuestion(text=words(rng, 10), tiara=Tiara.ADVICE) for _ in range(5)
                ],
                log=[
                    Capture(at=when, kind=CaptureKind.NOTE, text=words(rng, 12)) for _ in range(3)
                ],
                ended_at=when + timedelta(minutes=30) if when < now else None,
            )
            repo.save_meeting(meeting)
    repo.store.flush()
    return repo
