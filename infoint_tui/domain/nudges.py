"""The 3B7 steps after a request: who else to reach at that company (day 3), the "follow up
once" message to the first person (day 7), and closing the contact as "no answer" after that.

Who else: the campaign's other people at the same employer (contacts, and connections
imported from LinkedIn, who are contacts too), the not-yet-contacted first and warm ones
(a referral, an alumnus, a connection) before cold ones; with the target list's notes on that
employer. Where there is no one, where to look: the company's About page and staff bios,
LinkedIn's people search for the company, and alumni of my school who work there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote_plus

from .compose import Draft, _common, _common_missing, _tidy
from .models import Contact, Settings, TargetEmployer, Touch, TouchKind
from .outreach import LONGEST_ASK_MIN, template_values
from .rules import first_name
from .stages import Stage

FOLLOW_UP_SUBJECT = "Following up"
# Words that make two spellings of one employer differ: "Acme Inc." is "ACME".
_COMPANY_NOISE = re.compile(
    r"\b(inc|incorporated|ltd|limited|llc|plc|gmbh|sa|sas|ag|bv|co|corp|corporation|company)\b\.?",
    re.IGNORECASE,
)
# How warm a way in is: lower comes first.
_WARMTH = {"referral": 0, "friends & family": 1, "alumni": 2, "event": 3, "linkedin": 4}


def same_employer(a: str, b: str) -> bool:
    key_a, key_b = company_key(a), company_key(b)
    return bool(key_a) and key_a == key_b


def company_key(company: str) -> str:
    words = re.sub(r"[^\w\s]", " ", _COMPANY_NOISE.sub(" ", company.casefold()))
    return " ".join(words.split())


@dataclass(frozen=True)
class SecondPerson:
    contact: Contact
    why: str  # "not contacted yet · LinkedIn connection since 3 Mar 2024"

    @property
    def can_ask(self) -> bool:
        """Someone not contacted yet: a request to them is the 3B7 second step."""
        return self.contact.stage is Stage.PROSPECTS


def second_people(contact: Contact, contacts: Iterable[Contact]) -> list[SecondPerson]:
    """The campaign's other active people at the contact's employer, the ones to ask first."""
    found = [
        c
        for c in contacts
        if c.id != contact.id and not c.archived and same_employer(c.company, contact.company)
    ]

    def order(person: Contact) -> tuple[int, int, int, str]:
        not_asked = 0 if person.stage is Stage.PROSPECTS else 1
        connected = 0 if person.connected_on is not None else 1
        warmth = _WARMTH.get(person.source.strip().lower(), 5)
        return (not_asked, connected, warmth, person.name.casefold())

    return [SecondPerson(p, _why(p)) for p in sorted(found, key=order)]


def _why(person: Contact) -> str:
    parts = []
    if person.stage is Stage.PROSPECTS:
        parts.append("not contacted yet")
    else:
        parts.append(f"already at {person.stage.label}")
    if person.role:
        parts.append(person.role)
    if person.connected_on is not None:
        on = person.connected_on
        parts.append(f"LinkedIn connection since {on.day} {on:%b %Y}")
    elif person.source:
        parts.append(person.source)
    return " · ".join(parts)


def target_for(contact: Contact, targets: Iterable[TargetEmployer]) -> TargetEmployer | None:
    return next((t for t in targets if same_employer(t.company, contact.company)), None)


def where_to_look(company: str, settings: Settings) -> list[str]:
    """Where to find someone else at `company` when the campaign knows no one there."""
    name = company.strip() or "their company"
    search = f"https://www.linkedin.com/search/results/people/?keywords={quote_plus(name)}"
    school = settings.school.strip()
    alumni = (
        f"Alumni of {school} at {name}: your school's page on LinkedIn, Alumni tab, search “{name}”"
        if school
        else f"Alumni of your school at {name}: your school's LinkedIn page, Alumni tab "
        "(set your school in Settings)"
    )
    return [
        f"{name}'s website: the About page, team pages and staff bios",
        f"LinkedIn's people search for {name}: {search}",
        alumni,
    ]


# -- the follow-up --------------------------------------------------------------------------
def first_request(contact: Contact, touches: Iterable[Touch]) -> datetime | None:
    """When the request went: the first message sent since the contact last entered Reached
    out, else that entry."""
    entered = contact.entered_stage_at() if contact.stage is Stage.REACHED_OUT else None
    entries = [c.at for c in contact.history if c.stage is Stage.REACHED_OUT]
    since = entered or (max(entries) if entries else None)
    sent = sorted(
        t.at
        for t in touches
        if t.contact_id == contact.id
        and t.kind is TouchKind.MESSAGE_SENT
        and (since is None or t.at >= since)
    )
    return sent[0] if sent else since


def _day_phrase(moment: datetime, now: datetime) -> str:
    local = moment.astimezone(now.tzinfo) if now.tzinfo else moment
    days = (now.date() - local.date()).days
    if days < 7:
        return f"on {local:%A}"
    return f"on {local:%A} {local.day} {local:%B}"


def follow_up_draft(
    contact: Contact,
    settings: Settings,
    now: datetime,
    *,
    sent_at: datetime | None,
    referrer: Contact | None = None,
) -> Draft:
    """Follow up once with the first person: it refers to the request (when it went, who
    suggested it) rather than repeating it, asks again for a short call, and lets them off."""
    values = template_values(contact, settings, referrer)
    common = _common(contact, settings)
    minutes = min(max(settings.default_duration_min, 15), LONGEST_ASK_MIN)
    when = _day_phrase(sent_at, now) if sent_at else "recently"
    via = f", on {first_name(referrer)}'s suggestion," if referrer and referrer.name.strip() else ""
    body = (
        f"Hi {common['first_name']},\n\n"
        f"I wanted to follow up once on the note I sent {when}{via} about {values['interest']}. "
        "I know how full inboxes get.\n\n"
        f"If you could spare {minutes} minutes in the coming weeks for a call, I would value "
        "your advice. And if now isn't a good time, I completely understand.\n\n"
        f"Thank you,\n{values['signature']}"
    )
    return Draft(contact.email, FOLLOW_UP_SUBJECT, _tidy(body), _common_missing(contact, settings))
