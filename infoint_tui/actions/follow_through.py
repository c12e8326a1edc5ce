"""Use cases of following through: confirmations kept in step with the meetings, the 3B7
messages marked sent, a contact closed as "no answer", and a reminder marked done with what
it means. Rules come from `domain/` (confirm, nudges, rules, steps); records go through the
Repository's public methods.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ..domain import rules
from ..domain.confirm import confirm_item, meeting_to_confirm, plan_confirmations
from ..domain.models import Meeting, Reminder, ReminderKind, TouchKind
from ..domain.stages import Stage
from ..domain.steps import Situation

if TYPE_CHECKING:
    from ..domain.models import Contact
    from ..store import Repository

NO_ANSWER_REASON = "no answer"


def situation(repo: Repository, contact_id: str, now: datetime) -> Situation:
    """Everything the step rules read about one contact."""
    contact = repo.contact(contact_id)
    return Situation(
        contact=contact,
        settings=repo.settings,
        now=now,
        contacts=repo.contacts(archived=None),
        meetings=repo.meetings(contact_id),
        reminders=repo.reminders(contact_id=contact_id),
        touches=repo.touches(contact_id),
        targets=repo.targets(),
        all_meetings=repo.meetings(),
    )


def _apply(repo: Repository, effects: rules.Effects, at: datetime) -> None:
    for reminder, reason in effects.close:
        reminder.closed_at, reminder.closed_reason = at, reason
        repo.save_reminder(reminder)
    for reminder in effects.create:
        repo.save_reminder(reminder)


# -- confirmations --------------------------------------------------------------------------
def _meetings_to_check(repo: Repository, now: datetime) -> list[Meeting]:
    """Meetings with a time still to come, and those an open confirm reminder points at."""
    wanted = {
        slot.id
        for slot in repo.meeting_slots(upcoming=True)
        if slot.when is not None and slot.when > now
    }
    wanted |= {
        r.meeting_id
        for r in repo.reminders()
        if r.kind is ReminderKind.CONFIRM and r.meeting_id is not None
    }
    found = []
    for meeting_id in wanted:
        try:
            found.append(repo.meeting(meeting_id))
        except LookupError:  # deleted: its reminder closes
            continue
    return found


def sync_confirmations(repo: Repository, now: datetime) -> bool:
    """Bring the confirm reminders and the checklist's "confirm" items in line with the
    meetings (created, moved, cancelled, held, ticked in prep). True if anything changed."""
    meetings = _meetings_to_check(repo, now)
    contacts = {}  # only the few with meetings: start-up decodes no more contacts than it must
    for meeting in meetings:
        try:
            contacts[meeting.contact_id] = repo.contact(meeting.contact_id)
        except LookupError:
            continue
    reminders = [r for r in repo.reminders(open_only=False) if r.kind is ReminderKind.CONFIRM]
    plan = plan_confirmations(meetings, contacts, reminders, now)
    if plan.empty:
        return False
    with repo.batch():
        for reminder, reason in plan.close:
            reminder.closed_at, reminder.closed_reason = now, reason
            repo.save_reminder(reminder)
        for reminder in plan.done:
            reminder.done_at = now
            repo.save_reminder(reminder)
        for reminder in plan.reopen:
            reminder.done_at = None
            repo.save_reminder(reminder)
        for meeting, ticked in plan.tick:
            item = confirm_item(meeting)
            if item is not None:
                item.done = ticked
                repo.save_meeting(meeting)
        for reminder in plan.create:
            repo.save_reminder(reminder)
    return True


def set_confirmed(repo: Repository, meeting_id: str, confirmed: bool, now: datetime) -> None:
    """Tick (or untick) the meeting's "confirm" item, and its reminder with it."""
    meeting = repo.meeting(meeting_id)
    item = confirm_item(meeting)
    with repo.batch():
        if item is not None and item.done != confirmed:
            item.done = confirmed
            repo.save_meeting(meeting)
        if item is None:  # the user removed the item: the reminder alone says it
            for reminder in repo.reminders(contact_id=meeting.contact_id, open_only=not confirmed):
                if reminder.kind is ReminderKind.CONFIRM and reminder.meeting_id == meeting_id:
                    reminder.done_at = now if confirmed else None
                    repo.save_reminder(reminder)
        sync_confirmations(repo, now)


def confirmation_sent(repo: Repository, contact_id: str, text: str, now: datetime) -> None:
    """The confirmation went: logged with its text, the reminder done, the item ticked."""
    meeting = meeting_to_confirm(repo.meetings(contact_id), now)
    with repo.batch():
        _drop_draft(repo, contact_id, "confirm")
        repo.log_touch(contact_id, TouchKind.MESSAGE_SENT, at=now, note=text)
        if meeting is not None:
            set_confirmed(repo, meeting.id, True, now)


# -- the 3B7 steps --------------------------------------------------------------------------
def follow_up_sent(repo: Repository, contact_id: str, text: str, now: datetime) -> None:
    """Followed up once: logged, the follow-up reminder done, and the no-answer suggestion
    set for `rules.NO_ANSWER_BUSINESS_DAYS` business days on."""
    with repo.batch():
        _drop_draft(repo, contact_id, "follow-up")
        repo.log_touch(contact_id, TouchKind.MESSAGE_SENT, at=now, note=text)
        _followed_up(repo, contact_id, now)


def _followed_up(repo: Repository, contact_id: str, now: datetime) -> None:
    for reminder in repo.reminders(contact_id=contact_id):
        if reminder.kind is ReminderKind.FOLLOW_UP:
            reminder.done_at = now
            repo.save_reminder(reminder)
    contact = repo.contact(contact_id)
    _apply(repo, rules.after_follow_up(contact, now, repo.reminders(contact_id=contact_id)), now)


def second_person_sent(
    repo: Repository, first_id: str, second_id: str, text: str, now: datetime
) -> None:
    """The request to a second person at the first one's company went: the second moves to
    Reached out (their own 3B7 clock starts) and the first's second-person reminder is done."""
    first = repo.contact(first_id)
    with repo.batch():
        _drop_draft(repo, second_id, "outreach")
        second = repo.contact(second_id)
        if second.stage is Stage.PROSPECTS:
            repo.move_contact(second_id, Stage.REACHED_OUT, at=now)
        repo.log_touch(second_id, TouchKind.MESSAGE_SENT, at=now, note=text)
        for reminder in repo.reminders(contact_id=first_id):
            if reminder.kind is ReminderKind.SECOND_PERSON:
                reminder.done_at = now
                repo.save_reminder(reminder)
        note = f"Wrote to {second.name} too, at {first.company}"
        repo.log_touch(first_id, TouchKind.NOTE, at=now, note=note)


def close_no_answer(repo: Repository, contact_id: str, now: datetime) -> Contact:
    """Archive the contact with the reason "no answer" (restoring brings them back)."""
    with repo.batch():
        for reminder in repo.reminders(contact_id=contact_id):
            if reminder.kind is ReminderKind.NO_ANSWER:
                reminder.done_at = now
                repo.save_reminder(reminder)
        return repo.archive_contact(contact_id, NO_ANSWER_REASON)


def complete(repo: Repository, reminder_id: str, now: datetime) -> Reminder:
    """Mark a reminder done, with what that means: a confirmation ticks the prep checklist; a
    follow-up starts the no-answer wait; "no answer" archives the contact; the rest as
    `Repository.complete_reminder` does (a thank-you moves the card to Thanked...)."""
    reminder = repo.reminder(reminder_id)
    if not reminder.is_open:
        return reminder
    if reminder.kind is ReminderKind.CONFIRM and reminder.meeting_id:
        with repo.batch():
            if reminder.contact_id:
                repo.log_touch(
                    reminder.contact_id, TouchKind.MESSAGE_SENT, at=now, note=reminder.title
                )
            set_confirmed(repo, reminder.meeting_id, True, now)
            if reminder.is_open:  # no checklist item to carry it
                reminder.done_at = now
                repo.save_reminder(reminder)
        return reminder
    if reminder.kind is ReminderKind.NO_ANSWER and reminder.contact_id:
        close_no_answer(repo, reminder.contact_id, now)
        return reminder
    with repo.batch():
        done = repo.complete_reminder(reminder_id)
        if reminder.kind is ReminderKind.FOLLOW_UP and reminder.contact_id:
            _followed_up(repo, reminder.contact_id, now)
    return done


def _drop_draft(repo: Repository, contact_id: str, key: str) -> None:
    contact = repo.contact(contact_id)
    if contact.drafts.pop(key, None) is not None:
        repo.save_contact(contact)
