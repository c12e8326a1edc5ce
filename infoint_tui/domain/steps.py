"""Which step of the method is due for a contact, whether a step makes sense, and its draft.

The steps that have a message: the request, the 3B7 second person and follow-up, the
confirmation the day before, the thank-you, the check-in. The board's `c`, the agenda's `w`
and `infoint draft` all ask `step_due`, so they always write the same message.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from .agenda import _day
from .compose import (
    Draft,
    check_in_candidates,
    check_in_draft,
    offered_introductions,
    specific_candidates,
    thank_you_draft,
)
from .confirm import confirm_draft, meeting_to_confirm
from .models import Contact, Meeting, Reminder, ReminderKind, Settings, TargetEmployer, Touch
from .nudges import SecondPerson, first_request, follow_up_draft, second_people, where_to_look
from .outreach import draft_outreach
from .rules import first_name
from .stages import Stage


class Step(str, Enum):
    REQUEST = "request"
    FOLLOW_UP = "follow-up"
    SECOND_PERSON = "second-person"
    CONFIRM = "confirm"
    THANK_YOU = "thank-you"
    CHECK_IN = "check-in"
    NO_ANSWER = "no-answer"  # due, but nothing to write: close the contact

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def draft_key(self) -> str:
        """Where an edited draft of this step is kept (`Contact.drafts`)."""
        return "outreach" if self in (Step.REQUEST, Step.SECOND_PERSON) else self.value


_LABELS = {
    Step.REQUEST: "Request for a conversation",
    Step.FOLLOW_UP: "Follow-up",
    Step.SECOND_PERSON: "Second person",
    Step.CONFIRM: "Confirmation",
    Step.THANK_YOU: "Thank-you",
    Step.CHECK_IN: "Check-in",
    Step.NO_ANSWER: "No answer",
}
WRITTEN_STEPS = tuple(s for s in Step if s is not Step.NO_ANSWER)
_STEP_OF = {
    ReminderKind.SECOND_PERSON: Step.SECOND_PERSON,
    ReminderKind.FOLLOW_UP: Step.FOLLOW_UP,
    ReminderKind.NO_ANSWER: Step.NO_ANSWER,
    ReminderKind.CONFIRM: Step.CONFIRM,
    ReminderKind.THANK_YOU: Step.THANK_YOU,
    ReminderKind.CHECK_IN: Step.CHECK_IN,
}
# When several are due at once, the later step of the method wins (on day 7 the follow-up
# is what is owed, even if the day-3 second person was never reached).
_PRIORITY = [
    Step.THANK_YOU,
    Step.CONFIRM,
    Step.NO_ANSWER,
    Step.FOLLOW_UP,
    Step.SECOND_PERSON,
    Step.CHECK_IN,
]
_BY_STAGE = {
    Stage.PROSPECTS: Step.REQUEST,
    Stage.REACHED_OUT: Step.REQUEST,
    Stage.SCHEDULED: Step.CONFIRM,
    Stage.INTERVIEWED: Step.THANK_YOU,
    Stage.THANKED: Step.CHECK_IN,
    Stage.IN_TOUCH: Step.CHECK_IN,
}


@dataclass(frozen=True)
class Situation:
    """What the rules read about one contact."""

    contact: Contact
    settings: Settings
    now: datetime
    contacts: Sequence[Contact] = ()  # everyone (archived too): referrers, who else is there
    meetings: Sequence[Meeting] = ()  # the contact's (the check-in also reads introductions')
    reminders: Sequence[Reminder] = ()  # the contact's open reminders
    touches: Sequence[Touch] = ()  # the contact's
    targets: Sequence[TargetEmployer] = ()
    all_meetings: Sequence[Meeting] = field(default=())  # for the check-in's introductions

    @property
    def referrer(self) -> Contact | None:
        wanted = self.contact.referred_by
        return next((c for c in self.contacts if c.id == wanted), None) if wanted else None

    @property
    def held(self) -> list[Meeting]:
        return [m for m in self.meetings if m.ended_at is not None]

    @property
    def last_held(self) -> Meeting | None:
        held = self.held
        return max(held, key=lambda m: m.ended_at or self.now) if held else None


def reminder_step(reminder: Reminder) -> Step | None:
    return _STEP_OF.get(reminder.kind)


def step_due(situation: Situation) -> Step | None:
    """The step whose reminder's day has come (the latest step of the method first), else
    the stage's own message; None where there is nothing to write (booked, no time yet)."""
    now = situation.now
    due = {
        step
        for r in situation.reminders
        if r.is_open
        and (step := _STEP_OF.get(r.kind)) is not None
        and _day(r.effective_due, now) <= now.date()
    }
    nothing_to_confirm = meeting_to_confirm(situation.meetings, now) is None
    if nothing_to_confirm:  # a reminder left from a meeting since cancelled
        due.discard(Step.CONFIRM)
    for step in _PRIORITY:
        if step in due:
            return step
    step = _BY_STAGE[situation.contact.stage]
    return None if step is Step.CONFIRM and nothing_to_confirm else step


def why_not(step: Step, situation: Situation) -> str | None:
    """Why `step` makes no sense for the contact now (one line), or None when it does."""
    contact, now = situation.contact, situation.now
    name, stage = contact.name, contact.stage
    held = situation.held
    if step is Step.THANK_YOU and not held and stage.order < Stage.INTERVIEWED.order:
        return f"no conversation with {name} has been held yet: a thank-you comes after it"
    if step is Step.CHECK_IN and not held and stage.order < Stage.INTERVIEWED.order:
        return f"{name} is at {stage.label}: a check-in follows a conversation"
    if step is Step.CONFIRM and meeting_to_confirm(situation.meetings, now) is None:
        return f"no meeting with {name} has a time yet: nothing to confirm"
    if step is Step.FOLLOW_UP:
        if stage is Stage.PROSPECTS:
            return f"no request has been sent to {name} yet: send the request first"
        if stage.order > Stage.REACHED_OUT.order:
            return f"{name} has answered ({stage.label}): there is nothing to follow up"
    if step is Step.SECOND_PERSON:
        if not contact.company.strip():
            return f"{name} has no company: a second person is someone else at their employer"
        if stage.order > Stage.REACHED_OUT.order:
            return f"{name} has answered ({stage.label}): no need for a second person"
        if not second_people(contact, situation.contacts):
            where = "; ".join(where_to_look(contact.company, situation.settings))
            return f"no one else at {contact.company} in your campaign; look at: {where}"
    if step is Step.NO_ANSWER:
        return (
            f"no answer from {name} since the follow-up: nothing more to send; close them "
            "as no answer (d on the agenda row)"
        )
    return None


def nothing_to_write(situation: Situation) -> str:
    """Why `step_due` found nothing to write (a booked meeting with no time, or one whose
    time passed without being marked held)."""
    name, now = situation.contact.name, situation.now
    passed = [
        m for m in situation.meetings if m.when is not None and m.ended_at is None and m.when <= now
    ]
    if passed:
        when = max(m.when for m in passed if m.when is not None).astimezone(now.tzinfo)
        return (
            f"nothing to write to {name} now: the meeting of {when:%a} {when.day} {when:%b} "
            "has passed without being marked held (live notes log it; prep gives it a new date)"
        )
    return f"nothing to write to {name} now: the meeting is booked without a time (set it in prep)"


def second_person_choices(situation: Situation) -> list[SecondPerson]:
    return second_people(situation.contact, situation.contacts)


def draft_for(step: Step, situation: Situation, *, to: Contact | None = None) -> Draft:
    """The draft of `step` as the composer first shows it (a draft the user edited and kept
    comes first). For the second person, `to` is the one picked (default: the first)."""
    contact, settings, now = situation.contact, situation.settings, situation.now
    if step is Step.SECOND_PERSON:
        person = to or second_person_choices(situation)[0].contact
        referrer = next((c for c in situation.contacts if c.id == person.referred_by), None)
        saved = person.drafts.get(step.draft_key)
        text = saved if saved is not None else draft_outreach(person, settings, referrer)
        return Draft(person.email, "", text)
    saved = contact.drafts.get(step.draft_key)
    if step is Step.REQUEST:
        text = saved if saved is not None else draft_outreach(contact, settings, situation.referrer)
        return Draft(contact.email, "", text)
    if step is Step.FOLLOW_UP:
        sent = first_request(contact, situation.touches)
        draft = follow_up_draft(contact, settings, now, sent_at=sent, referrer=situation.referrer)
    elif step is Step.CONFIRM:
        meeting = meeting_to_confirm(situation.meetings, now)
        assert meeting is not None, "why_not() says when there is nothing to confirm"
        draft = confirm_draft(contact, meeting, settings, now)
    elif step is Step.THANK_YOU:
        meeting = situation.last_held
        lines = specific_candidates(meeting) if meeting else []
        intros = offered_introductions(meeting, situation.contacts) if meeting else []
        draft = thank_you_draft(
            contact,
            meeting,
            settings,
            now,
            specific=lines[0] if lines else None,
            introductions=intros,
        )
    elif step is Step.CHECK_IN:
        outcomes = check_in_candidates(
            contact, situation.contacts, situation.all_meetings or situation.meetings, now
        )
        draft = check_in_draft(contact, settings, outcome=outcomes[0] if outcomes else None)
    else:
        raise ValueError(f"{step.value}: nothing to write")
    if saved is not None:
        return Draft(draft.to, draft.subject, saved)
    return draft


def step_words(step: Step, contact: Contact) -> str:
    """'the follow-up to Ada', for messages."""
    first = first_name(contact)
    return {
        Step.REQUEST: f"the request to {first}",
        Step.FOLLOW_UP: f"the follow-up to {first}",
        Step.SECOND_PERSON: f"a second person at {contact.company or 'their company'}",
        Step.CONFIRM: f"the confirmation to {first}",
        Step.THANK_YOU: f"the thank-you to {first}",
        Step.CHECK_IN: f"the check-in with {first}",
        Step.NO_ANSWER: f"closing {first} as no answer",
    }[step]


def open_steps(reminders: Iterable[Reminder]) -> set[Step]:
    return {s for r in reminders if r.is_open and (s := _STEP_OF.get(r.kind)) is not None}
