"""Merging two records of one person: the preview, and the merge itself.

The merged record comes from `domain.merging.merge_contacts` (the kept record wins conflicts;
what the other held that differs goes to the kept record's notes). Then the other's meetings,
touches and reminders move to the kept contact, captures and referrals that pointed at the
other point at the kept one, the reminders the merge makes pointless (`reminders_to_close`)
are closed with a reason, and the other record is deleted. One batch: all of it or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from ..domain.merging import MergedContact, merge_contacts, reminders_to_close
from ..domain.models import Contact

if TYPE_CHECKING:
    from .campaign import Campaign


class MergeError(ValueError):
    """Two records that cannot be merged (the same one twice)."""


@dataclass
class MergePreview:
    keep: Contact
    other: Contact
    merged: MergedContact
    meetings: int = 0
    touches: int = 0
    reminders: int = 0  # open ones
    referrals: int = 0
    closing: list[str] = field(default_factory=list)  # reminders the merge would close

    def lines(self, *, done: bool = False) -> list[str]:
        """The preview (or, `done`, what was done), as the command line prints it and the app
        shows it."""
        result = self.merged.contact
        verb = "Merged" if done else "Merge"
        lines = [f"{verb} {_who(self.other)} into {_who(self.keep)}:"]
        lines.append(
            f"  keeps: {result.name}"
            + (f", {result.role_at_company}" if result.role_at_company else "")
        )
        stage = f"  stage: {result.stage.label}"
        if self.merged.stage_from_other:
            stage += f" (from {self.other.name}'s record: its latest move)"
        lines.append(stage)
        if self.merged.filled:
            filled = ", ".join(name.replace("_", " ") for name in self.merged.filled)
            lines.append(f"  filled from the other record: {filled}")
        if self.merged.set_aside:
            lines.append("  kept in the notes (the other record's differing values):")
            for line in self.merged.set_aside:
                first, *rest = line.splitlines()
                lines.append(f"    {first}" + (f" (+{len(rest)} lines)" if rest else ""))
        moved = [
            f"{n} {one if n == 1 else many}"
            for n, one, many in (
                (self.meetings, "meeting", "meetings"),
                (self.touches, "touch", "touches"),
                (self.reminders, "open reminder", "open reminders"),
                (self.referrals, "referral", "referrals"),
            )
            if n
        ]
        if moved:
            lines.append(f"  moved to {result.name}: {', '.join(moved)}")
        lines += [f"  {'closed' if done else 'closes'}: {text}" for text in self.closing]
        lines.append(f"  {self.other.name}'s record {'was' if done else 'is then'} removed")
        return lines


def _who(contact: Contact) -> str:
    detail = contact.role_at_company or contact.stage.label
    return f"{contact.name} ({detail}; {contact.id})"


def preview_merge(campaign: Campaign, keep_id: str, other_id: str, now: datetime) -> MergePreview:
    """What merging `other_id` into `keep_id` would do; nothing is changed."""
    if keep_id == other_id:
        raise MergeError("the two records are the same contact")
    keep, other = campaign.contact(keep_id), campaign.contact(other_id)
    names = {c.id: c.name for c in campaign.contacts(archived=None)}
    merged = merge_contacts(keep, other, now, names)
    reminders = campaign.reminders(contact_id=keep_id) + campaign.reminders(contact_id=other_id)
    closing = [
        f"{reminder.title or reminder.kind.value} ({reason})"
        for reminder, reason in reminders_to_close(merged.contact, reminders)
    ]
    return MergePreview(
        keep,
        other,
        merged,
        meetings=len(campaign.meetings(other_id)),
        touches=len(campaign.touches(other_id)),
        reminders=len(campaign.reminders(contact_id=other_id)),
        referrals=sum(1 for c in campaign.referrals_of(other_id) if c.id != keep_id),
        closing=closing,
    )


def merge_into(campaign: Campaign, keep_id: str, other_id: str, now: datetime) -> MergePreview:
    """Merge `other_id` into `keep_id` (see the module); returns what was done."""
    preview = preview_merge(campaign, keep_id, other_id, now)
    merged = preview.merged.contact
    with campaign.batch():
        for meeting in campaign.meetings(other_id):
            meeting.contact_id = keep_id
            campaign.save_meeting(meeting)
        for meeting in campaign.meetings():
            pointing = [c for c in meeting.log if c.contact_id == other_id]
            for capture in pointing:
                capture.contact_id = keep_id
            if pointing:
                campaign.save_meeting(meeting)
        for touch in campaign.touches(other_id):
            touch.contact_id = keep_id
            campaign.put_record("touches", touch)
        for reminder in campaign.reminders(contact_id=other_id, open_only=False):
            reminder.contact_id = keep_id
            campaign.save_reminder(reminder)
        for referral in campaign.referrals_of(other_id):
            if referral.id != keep_id:
                referral.referred_by = keep_id
                campaign.put_record("contacts", referral)
        campaign.put_record("contacts", merged)
        for reminder, reason in reminders_to_close(merged, campaign.reminders(contact_id=keep_id)):
            reminder.closed_at, reminder.closed_reason = now, reason
            campaign.save_reminder(reminder)
        campaign.delete_contact(other_id)
    return preview
