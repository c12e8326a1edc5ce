"""Job changes: when a newer file says a person's company or title changed, and what follows.

A re-import fills only empty fields and never replaces what the user typed, with one exception:
a newer LinkedIn or vCard export is newer information about someone's job. So when the file
gives another company than the one kept, or another title at the same company where the kept
title came from a file too (LinkedIn's, or an earlier job change's), the new company and title
replace the old ones and the old job goes to `Contact.job_history`.

Not a change: the same company written another way ("Acme" and "ACME, Inc.", "Meta" and "Meta
Platforms"); a file with no company (it says nothing about the job); a contact with no company
kept (the file fills it); a title the user typed, at the same company; and a job the contact
held before (an older export imported late must not move them back).

A job change is a reason to get in touch: people the user has spoken with (past Prospects,
not archived) get a congratulations check-in, a reminder of kind check-in titled
"Congratulate Alice on the new role at Initech" (or "… on becoming Staff Engineer" for a new
title at the same company), due the next working day at 9:00 and at the latest two weeks later. The composer's check-in draft offers the congratulations line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from .dates import add_business_days
from .models import Contact, JobChange, Reminder, ReminderKind
from .stages import Stage

CONGRATULATE = "Congratulate"  # how a congratulations check-in's title starts
CONGRATULATIONS_HOUR = time(9, 0)
CONGRATULATIONS_SLACK = timedelta(days=14)  # after that, the news is old
RECENT = timedelta(days=90)  # how long a new job is worth mentioning in a check-in

_LEGAL_SUFFIXES = frozenset(
    {"inc", "incorporated", "llc", "ltd", "limited", "plc", "gmbh", "ag", "sa", "sas", "bv",
     "corp", "corporation", "co", "company", "srl", "spa", "pty", "oy", "ab", "as", "nv"}
)  # fmt: skip
_PUNCTUATION = re.compile(r"[^\w\s&+]")


def company_key(name: str) -> str:
    """A company name as compared: any case, no punctuation, no trailing "Inc." or "GmbH"."""
    words = _PUNCTUATION.sub(" ", name.casefold()).split()
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def same_company(a: str, b: str) -> bool:
    """The same company, written alike or one name the start of the other ("Meta", "Meta
    Platforms, Inc.")."""
    first, second = sorted((company_key(a), company_key(b)), key=len)
    return first == second or (bool(first) and second.startswith(first + " "))


def title_from_a_file(contact: Contact) -> bool:
    """Whether the contact's title came from a file (LinkedIn's, or set by a job change) rather
    than being the user's own words, which a new title at the same company must not replace."""
    if contact.job_history and title_key(contact.job_history[-1].new_role) == title_key(
        contact.role
    ):
        return True
    return contact.source == "linkedin"


def title_key(title: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", title.casefold()).split())


@dataclass(frozen=True)
class JobMove:
    """A job change found by comparing a kept contact with the same person in a newer file."""

    company: str
    role: str
    new_company: str
    new_role: str

    @property
    def company_changed(self) -> bool:
        return not same_company(self.company, self.new_company)

    def describe(self) -> str:
        """ "Acme → Initech", "Engineer → Staff Engineer", or "Engineer @ Acme → CTO @ Initech"."""
        role_changed = title_key(self.role) != title_key(self.new_role)
        if self.company_changed and role_changed and (self.role or self.new_role):
            return f"{_job(self.role, self.company)} → {_job(self.new_role, self.new_company)}"
        if self.company_changed:
            return f"{self.company or 'no company'} → {self.new_company}"
        return f"{self.role or 'no title'} → {self.new_role or 'no title'}"

    def change(self, at: datetime, source: str = "") -> JobChange:
        return JobChange(
            at=at, company=self.company, role=self.role, new_company=self.new_company,
            new_role=self.new_role, source=source,
        )  # fmt: skip


def _job(role: str, company: str) -> str:
    if role and company:
        return f"{role} @ {company}"
    return role or company


def job_move(kept: Contact, incoming: Contact) -> JobMove | None:
    """The job change `incoming` (the same person, read from a newer file) brings, if any.

    None when the file gives no company, when the kept contact has none (filling empty fields
    is not a change, and a title kept without a company is the user's own words), when nothing
    changed, and when the file's job is one the contact held before.
    """
    new_company, new_role = incoming.company.strip(), incoming.role.strip()
    if not new_company or not kept.company:
        return None  # with no company kept, a title is the user's words: filled, not replaced
    moved = not same_company(new_company, kept.company)
    retitled = (
        bool(new_role and kept.role)
        and title_key(new_role) != title_key(kept.role)
        and title_from_a_file(kept)
    )
    if not (moved or retitled) or is_earlier_job(kept, new_company, new_role):
        return None
    return JobMove(kept.company, kept.role, new_company, new_role)


def is_earlier_job(contact: Contact, company: str, role: str) -> bool:
    """Whether (company, role) is a job the contact left, by their job history."""
    for past in contact.job_history:
        if not same_company(past.company, company):
            continue
        if not role or not past.role or title_key(past.role) == title_key(role):
            return True
    return False


def apply_move(contact: Contact, move: JobMove, at: datetime, source: str = "") -> JobChange:
    """Give `contact` the new job and remember the old one; return the history entry."""
    change = move.change(at, source)
    contact.company, contact.role = move.new_company, move.new_role
    contact.job_history.append(change)
    contact.job_history.sort(key=lambda entry: entry.at)
    return change


def wants_congratulations(contact: Contact) -> bool:
    """People the user has been in touch with (past Prospects, not archived)."""
    return not contact.archived and contact.stage is not Stage.PROSPECTS


def congratulations_title(contact: Contact, change: JobChange) -> str:
    first = contact.name.split()[0] if contact.name.split() else contact.name
    if not same_company(change.company, change.new_company):
        return f"{CONGRATULATE} {first} on the new role at {change.new_company}"
    return f"{CONGRATULATE} {first} on becoming {change.new_role}"


def congratulations_check_in(
    contact: Contact, change: JobChange, now: datetime, open_reminders: Iterable[Reminder] = ()
) -> Reminder | None:
    """The congratulations check-in for a job change, or None when one is already open (or the
    contact is not someone the user has been in touch with)."""
    if not wants_congratulations(contact):
        return None
    title = congratulations_title(contact, change)
    for reminder in open_reminders:
        if reminder.is_open and reminder.contact_id == contact.id and reminder.title == title:
            return None
    day = add_business_days(now, 1).date()  # the next working day: not a Saturday message
    due = datetime.combine(day, CONGRATULATIONS_HOUR, now.tzinfo)
    return Reminder(
        kind=ReminderKind.CHECK_IN,
        due=due,
        latest=due + CONGRATULATIONS_SLACK,
        contact_id=contact.id,
        title=title,
        created_at=now,
    )


def congratulations_line(contact: Contact, now: datetime) -> str:
    """A sentence for a check-in after a recent job change ("" when there is none)."""
    recent = [c for c in contact.job_history if timedelta(0) <= now - c.at <= RECENT]
    if not recent:
        return ""
    change = recent[-1]
    if not same_company(change.company, change.new_company):
        role = f" as {change.new_role}" if change.new_role else ""
        return f"Congratulations on your new role{role} at {change.new_company}!"
    return f"Congratulations on becoming {change.new_role}!"
