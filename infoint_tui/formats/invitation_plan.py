"""What importing a calendar invitation would do, before anything is written.

For each event of the file (formats.invitations), a pure function of the campaign decides:

- **who**: the contact whose meeting already carries this invitation's UID; else the organizer
  or an attendee whose email is a contact's (their email, or an "Other email" line of their
  notes), else whose name is exactly one contact's name. The organizer is tried first. With no
  contact, the person it is with is offered as a new contact in Scheduled: the organizer of an
  invitation received (METHOD:REQUEST or CANCEL), else the first attendee who is not the
  organizer (an event saved from one's own calendar); anyone named as in Settings is the user.
- **which meeting**: the one with this UID; else, for a new invitation, the contact's next
  meeting if it has no time or no invitation yet (the prep already done is kept), else a new
  meeting with the default prep.
- **what changes**: a new invitation creates or fills the meeting; the same UID with a higher
  SEQUENCE, or a new start, moves it (and brings a cancelled one back); the same UID, sequence
  and start change nothing; an older SEQUENCE changes nothing; a cancellation cancels the
  meeting: it loses its time (so it leaves the board and the agenda) and keeps its prep and the
  invitation's start, shown in the timeline.
- **the stage**: a contact before Scheduled moves there (through the store's stage rules); an
  archived contact is restored first. A contact further along keeps their stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from ..domain.models import Contact, Meeting
from ..domain.stages import Stage
from ..domain.validation import normalize_email
from .invitations import Invitation, InvitationFile, Person
from .parsed import Skipped
from .snapshot import Snapshot

_EMAIL_IN_TEXT = re.compile(r"[^@\s;,()<>]+@[^@\s;,()<>]+\.[^@\s;,()<>]+")


class Change(str, Enum):
    CREATE = "created"  # a new meeting
    FILL = "scheduled"  # the contact's next meeting, prepared but without an invitation, gets it
    MOVE = "moved"  # the same invitation, a newer version or a new start
    CANCEL = "cancelled"
    SAME = "unchanged"  # this version was imported already
    STALE = "older"  # an older version than the one imported
    NOTHING_TO_CANCEL = "nothing to cancel"
    UNKNOWN = "unknown person"  # nobody it names is a contact


CHANGES = frozenset({Change.CREATE, Change.FILL, Change.MOVE, Change.CANCEL})


@dataclass
class PlannedInvitation:
    invitation: Invitation
    change: Change
    contact: Contact | None = None  # the campaign's own record: read, never changed here
    meeting: Meeting | None = None  # the meeting it changes (None: a new one)
    why: str = ""  # how the contact was found: "same email", "same name", "same invitation"
    newcomer: Person | None = None  # with Change.UNKNOWN: who would be added
    to_scheduled: bool = False  # the contact moves to Scheduled
    restore: bool = False  # the contact is archived and comes back
    remarks: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        if self.contact is not None:
            return self.contact.name
        return newcomer_name(self.newcomer) if self.newcomer else "nobody known"


@dataclass
class InvitationPlan:
    kind: str
    source: str
    items: list[PlannedInvitation] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    file: InvitationFile | None = None  # what was read: the use case plans again from it

    @property
    def unknown(self) -> list[PlannedInvitation]:
        return [item for item in self.items if item.change is Change.UNKNOWN and item.newcomer]

    def changes_anything(self, add_unknown: bool = False) -> bool:
        return any(item.change in CHANGES for item in self.items) or (
            add_unknown and bool(self.unknown)
        )

    def count(self, change: Change) -> int:
        return sum(1 for item in self.items if item.change is change)

    def summary_lines(self, add_unknown: bool = False) -> list[str]:
        created = self.count(Change.CREATE) + self.count(Change.FILL)
        if add_unknown:
            created += len(self.unknown)
        unchanged = self.count(Change.SAME) + self.count(Change.STALE)
        unchanged += self.count(Change.NOTHING_TO_CANCEL)
        head = (
            f"{self.kind} from {self.source}: {created} scheduled, "
            f"{self.count(Change.MOVE)} moved, {self.count(Change.CANCEL)} cancelled, "
            f"{unchanged} unchanged, {len(self.skipped)} skipped"
        )
        lines = [head]
        for item in self.items:
            lines.append(f"  {item.invitation.where}: {describe(item, add_unknown)}")
            lines += [f"    {remark}" for remark in item.remarks]
            lines += [f"    note: {warning}" for warning in item.invitation.warnings]
        lines += [f"  {skip.where} skipped: {skip.reason}" for skip in self.skipped]
        lines += [f"  note: {note}" for note in self.notes]
        return lines


def describe(item: PlannedInvitation, add_unknown: bool = False) -> str:
    """One line: who, the meeting, what happens to it and to the stage."""
    invitation = item.invitation
    when = meeting_text(invitation)
    if item.change is Change.UNKNOWN:
        if item.newcomer is None:
            return "nobody it names can be told apart from you; nothing to do"
        who = str(item.newcomer)
        if add_unknown:
            return f"adds {newcomer_name(item.newcomer)} ({who}) in Scheduled, meeting {when}"
        return f"{who} is not a contact yet (add them, in Scheduled, to import it)"
    if item.contact is None:  # a cancellation from nobody known
        return "cancelled; nobody it names is a contact, so there is nothing to cancel"
    name = item.label
    why = f" ({item.why})" if item.why else ""
    text = {
        Change.CREATE: f"meeting {when}, created",
        Change.FILL: f"meeting {when}, set on the meeting already prepared",
        Change.MOVE: f"meeting moved to {when}",
        Change.CANCEL: "meeting cancelled",
        Change.SAME: "already imported; nothing changed",
        Change.STALE: "an older version of an invitation already imported; nothing changed",
        Change.NOTHING_TO_CANCEL: "cancelled, but no meeting of theirs has this invitation",
    }[item.change]
    stage = ""
    if item.restore:
        stage += f"; {name} comes back from the archive"
    if item.to_scheduled:
        stage += f"; {name} moves to Scheduled"
    return f"{name}{why}: {text}{stage}"


def meeting_text(invitation: Invitation) -> str:
    """ "Tue 01 Dec 2026 10:00 EST, 30 min, video (https://meet.google.com/…)"."""
    start = invitation.start
    zone = start.tzname() or ""
    parts = [f"{start:%a %d %b %Y %H:%M}" + (f" {zone}" if zone else "")]
    if invitation.duration_min:
        parts.append(f"{invitation.duration_min} min")
    medium = invitation.medium.label.lower()
    parts.append(f"{medium} ({invitation.place})" if invitation.place else medium)
    return ", ".join(parts)


def newcomer_name(person: Person) -> str:
    """The name a new contact gets: the invitation's, else made from the email's first part."""
    if person.name:
        return person.name
    local = person.email.split("@", 1)[0]
    words = [w for w in re.split(r"[._\-+]+", local) if w]
    return " ".join(w.capitalize() for w in words) or person.email


# -- planning ----------------------------------------------------------------------------------
def plan_invitations(campaign: Snapshot, found: InvitationFile) -> InvitationPlan:
    """Decide what each invitation of `found` does to `campaign`; nothing is changed."""
    plan = InvitationPlan(
        kind="Calendar invitation",
        source=found.source,
        skipped=list(found.skipped),
        notes=list(found.notes),
        file=found,
    )
    people = _People(campaign.contacts)
    by_uid: dict[str, Meeting] = {}
    for meeting in campaign.meetings:
        if meeting.invitation is not None:
            by_uid.setdefault(meeting.invitation.uid, meeting)
    contacts = campaign.contact_by_id()
    meetings: dict[str, list[Meeting]] = {}
    for meeting in campaign.meetings:
        meetings.setdefault(meeting.contact_id, []).append(meeting)
    me = " ".join(campaign.settings.my_name.casefold().split())
    claimed: set[str] = set()  # meetings an earlier event of this file already takes
    for invitation in found.invitations:
        item = _plan_one(invitation, by_uid, contacts, meetings, people, me, claimed)
        if item.meeting is not None and item.change in CHANGES:
            claimed.add(item.meeting.id)
        if item.contact is not None and item.change in CHANGES and not invitation.cancelled:
            item.restore = item.contact.archived
            item.to_scheduled = item.contact.stage.order < Stage.SCHEDULED.order
        plan.items.append(item)
    return plan


def _plan_one(
    invitation: Invitation,
    by_uid: dict[str, Meeting],
    contacts: dict[str, Contact],
    meetings: dict[str, list[Meeting]],
    people: _People,
    me: str,
    claimed: set[str],
) -> PlannedInvitation:
    known = by_uid.get(invitation.uid)
    if known is not None and known.contact_id in contacts:
        item = PlannedInvitation(
            invitation, Change.SAME, contacts[known.contact_id], known, "same invitation"
        )
        item.change = _update(known, invitation)
        return item
    found = people.find(invitation, me)
    if found is None and invitation.cancelled:
        return PlannedInvitation(invitation, Change.NOTHING_TO_CANCEL)
    if found is None:
        return PlannedInvitation(invitation, Change.UNKNOWN, newcomer=_newcomer(invitation, me))
    contact, why, others = found
    item = PlannedInvitation(invitation, Change.CREATE, contact, why=why)
    if others:
        item.remarks.append(
            f"it also names {', '.join(others)}; the meeting is kept with {contact.name}"
        )
    theirs = [m for m in meetings.get(contact.id, []) if m.ended_at is None and m.id not in claimed]
    if invitation.cancelled:
        same_time = [m for m in theirs if m.when is not None and m.when == invitation.start]
        item.meeting = same_time[0] if same_time else None
        item.change = Change.CANCEL if same_time else Change.NOTHING_TO_CANCEL
        return item
    waiting = [m for m in theirs if m.invitation is None and not m.cancelled]
    waiting.sort(key=lambda m: (m.when is None, m.when.timestamp() if m.when else 0.0))
    if waiting:
        item.meeting, item.change = waiting[0], Change.FILL
    return item


def _update(meeting: Meeting, invitation: Invitation) -> Change:
    """What a known invitation does to its meeting."""
    assert meeting.invitation is not None
    seen = meeting.invitation
    if invitation.sequence < seen.sequence:
        return Change.STALE
    if invitation.cancelled:
        return Change.SAME if meeting.cancelled else Change.CANCEL
    if invitation.sequence == seen.sequence and invitation.start == seen.start:
        return Change.SAME
    return Change.MOVE


def _newcomer(invitation: Invitation, me: str) -> Person | None:
    """The person an invitation from someone unknown is with (see the module's rules)."""

    def is_me(person: Person) -> bool:
        return bool(me) and " ".join(person.name.casefold().split()) == me

    organizer = (
        invitation.organizer if invitation.organizer and not is_me(invitation.organizer) else None
    )
    key = (invitation.organizer.email.casefold() if invitation.organizer else "") or None
    guests = [
        p for p in invitation.attendees
        if not is_me(p) and (key is None or p.email.casefold() != key)
    ]  # fmt: skip
    received = invitation.method in ("REQUEST", "CANCEL")
    if received and organizer is not None:
        return organizer
    return guests[0] if guests else organizer


class _People:
    """Contacts by email (their own, and "Other email" lines of their notes) and by name."""

    def __init__(self, contacts: list[Contact]) -> None:
        self.by_email: dict[str, Contact] = {}
        self.by_name: dict[str, list[Contact]] = {}
        for contact in contacts:
            if contact.email:
                self.by_email.setdefault(normalize_email(contact.email), contact)
        for contact in contacts:
            for line in contact.notes.splitlines():
                if line.lower().startswith("other email"):
                    for email in _EMAIL_IN_TEXT.findall(line):
                        self.by_email.setdefault(normalize_email(email), contact)
            self.by_name.setdefault(_name(contact.name), []).append(contact)

    def find(self, invitation: Invitation, me: str) -> tuple[Contact, str, list[str]] | None:
        """The contact, why, and the other contacts the invitation names."""
        matches: list[tuple[Contact, str]] = []
        for person in invitation.people:
            if me and _name(person.name) == me:
                continue
            contact = self.by_email.get(normalize_email(person.email)) if person.email else None
            why = "same email"
            if contact is None and person.name:
                named = self.by_name.get(_name(person.name), [])
                contact = named[0] if len(named) == 1 else None
                why = "same name"
            if contact is not None and all(contact.id != c.id for c, _ in matches):
                matches.append((contact, why))
        if not matches:
            return None
        (contact, why), others = matches[0], [c.name for c, _ in matches[1:]]
        return contact, why, others


def _name(text: str) -> str:
    return " ".join(text.casefold().split())
