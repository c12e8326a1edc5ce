"""What happens when a contact enters a stage or a touch is logged: reminders made and closed.

Pure functions of the data and a moment in time; the store applies what they return, so
every path (a key on the board, the end of live notes, the command line) has the same effects.

The rules, in the user's words:
- Entering Reached out starts the 3B7 clock: no reply after 3 business days, reach a second
  person at the same company; after 7, follow up once with the first. Weekends are skipped.
- Entering Interviewed creates the thank-you, due 24 hours (`Settings.thank_you_hours`) after
  the meeting's end, or after the move when no meeting of this round has ended.
- Entering Thanked or In touch starts the keep-in-touch cadence: a check-in with an ideal date
  (the last touch plus the contact's cadence, default `Settings.default_cadence_weeks`) and a
  latest date (a quarter of the cadence later, at least a week). At most
  `Settings.max_check_ins_per_year` check-ins in any 365 days: when the cap is reached the next
  one is pushed out until the oldest of them is a year old.
- Any logged touch except a private note restarts the keep-in-touch clock; a reply, a call or a
  meeting answers the 3B7 nudges; a thank-you touch answers the thank-you.
- Moving a card back closes the open reminders the stage it goes back to has no use for (the
  user's own action items and custom reminders stay: they are promises, not stage effects; a
  check-in stays between In touch and Thanked, so a move made by mistake and undone changes
  nothing); archiving closes all of them; restoring re-enters the stage, so a restored
  contact is never silent.
- Marking a reminder done implies what the user did (`after_done`): a check-in done is a
  check-in touch (which schedules the next), a thank-you done is a thank-you touch, a follow-up
  done is a message sent.
- A thank-you touch, however it is logged, moves the card from Interviewed to Thanked
  (`stage_after_touch`); and moving the card from Interviewed to Thanked means the thank-you
  was sent (`touch_implied_by_move`): it is logged, unless it already was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .dates import add_business_days
from .models import Contact, Meeting, Reminder, ReminderKind, Settings, Touch, TouchKind
from .stages import Stage

SECOND_PERSON_BUSINESS_DAYS = 3
FOLLOW_UP_BUSINESS_DAYS = 7
# After the follow-up, it gets the wait the request had; then "follow up once" means no third
# message (the seeds: don't pester, don't take it personally): suggest closing as no answer.
NO_ANSWER_BUSINESS_DAYS = 7
YEAR = timedelta(days=365)

# Reminders that a reply answers: the 3B7 nudges of Reached out, and the no-answer suggestion.
NO_REPLY_KINDS = frozenset(
    {ReminderKind.SECOND_PERSON, ReminderKind.FOLLOW_UP, ReminderKind.NO_ANSWER}
)
# Touches that mean they answered.
ANSWERING_TOUCHES = frozenset({TouchKind.REPLY, TouchKind.CALL, TouchKind.MEETING})
# Touches counted against `Settings.max_check_ins_per_year`: the user's own check-ins.
CHECK_IN_TOUCHES = frozenset({TouchKind.CHECK_IN})
# Reminders that belong to a stage and end when the contact moves past it.
STAGE_KINDS = {
    ReminderKind.SECOND_PERSON: Stage.REACHED_OUT,
    ReminderKind.FOLLOW_UP: Stage.REACHED_OUT,
    ReminderKind.NO_ANSWER: Stage.REACHED_OUT,
    ReminderKind.CONFIRM: Stage.SCHEDULED,  # and before: a meeting can be booked from any of them
    ReminderKind.THANK_YOU: Stage.INTERVIEWED,
}
# Reminders the user made (action items from a meeting, custom ones): a move back keeps them.
USER_KINDS = frozenset({ReminderKind.ACTION, ReminderKind.CUSTOM})
KEEP_IN_TOUCH_STAGES = frozenset({Stage.THANKED, Stage.IN_TOUCH})


@dataclass
class Effects:
    """Reminders to create, and open reminders to close with a reason."""

    create: list[Reminder] = field(default_factory=list)
    close: list[tuple[Reminder, str]] = field(default_factory=list)


def first_name(contact: Contact) -> str:
    parts = contact.name.split()
    return parts[0] if parts else contact.name


def restarts_clock(kind: TouchKind) -> bool:
    """Every touch but a private note is a contact, and restarts the keep-in-touch clock."""
    return kind is not TouchKind.NOTE


def cadence_weeks(contact: Contact, settings: Settings) -> int:
    return contact.cadence_weeks or settings.default_cadence_weeks


def check_in_slack(contact: Contact, settings: Settings) -> timedelta:
    """How long after the ideal date a check-in can wait before the contact goes cold."""
    return timedelta(days=max(7, cadence_weeks(contact, settings) * 7 // 4))


def check_in_window(
    contact: Contact, settings: Settings, since: datetime, touches: Iterable[Touch] = ()
) -> tuple[datetime, datetime, bool]:
    """(ideal, latest, paced): the next check-in after a touch at `since`.

    `paced` is True when the yearly cap pushed the ideal date out.
    """
    ideal = since + timedelta(weeks=cadence_weeks(contact, settings))
    cap = settings.max_check_ins_per_year
    paced = False
    if cap > 0:
        mine = sorted(
            t.at for t in touches if t.contact_id == contact.id and t.kind in CHECK_IN_TOUCHES
        )
        # The next one may come once the cap-th most recent check-in is a year old.
        if len(mine) >= cap and mine[-cap] + YEAR > ideal:
            ideal, paced = mine[-cap] + YEAR, True
    return ideal, ideal + check_in_slack(contact, settings), paced


def next_check_in(
    contact: Contact, settings: Settings, since: datetime, touches: Iterable[Touch] = ()
) -> datetime:
    """The ideal date of the next check-in after a touch at `since`."""
    return check_in_window(contact, settings, since, touches)[0]


def thank_you_due(
    contact: Contact, at: datetime, settings: Settings, last_meeting: Meeting | None
) -> datetime:
    """24 hours after the meeting's end, or after the move at `at` when no meeting of this
    round (ended since the contact entered its previous stage, and not after the move) ended."""
    base = at
    ended = last_meeting.ended_at if last_meeting is not None else None
    if ended is not None and ended <= at:
        previous = _previous_entry(contact, at)
        if previous is None or ended >= previous:
            base = ended
    return base + timedelta(hours=settings.thank_you_hours)


def _previous_entry(contact: Contact, at: datetime) -> datetime | None:
    """When the contact entered the stage it is leaving (the history's last entry before `at`;
    the store appends the new entry before asking the rules)."""
    earlier = [change.at for change in contact.history if change.at < at]
    return max(earlier) if earlier else None


def _check_in(
    contact: Contact, settings: Settings, since: datetime, at: datetime, touches: Iterable[Touch]
) -> Reminder:
    ideal, latest, paced = check_in_window(contact, settings, since, touches)
    title = f"Check in with {first_name(contact)}"
    if paced:
        title += f" (paced: {settings.max_check_ins_per_year} check-ins in the past year)"
    return Reminder(
        kind=ReminderKind.CHECK_IN,
        due=ideal,
        latest=latest,
        contact_id=contact.id,
        title=title,
        created_at=at,
    )


def _still_applies(reminder: Reminder, stage: Stage) -> bool:
    """Whether an open reminder keeps its meaning for a contact moved back to `stage`."""
    if reminder.kind in USER_KINDS or STAGE_KINDS.get(reminder.kind) is stage:
        return True
    if reminder.kind is ReminderKind.CONFIRM:  # the meeting still stands until it moves
        return stage.order <= Stage.SCHEDULED.order
    return reminder.kind is ReminderKind.CHECK_IN and stage in KEEP_IN_TOUCH_STAGES


def entering_stage(
    contact: Contact,
    new: Stage,
    old: Stage | None,
    at: datetime,
    settings: Settings,
    open_reminders: Iterable[Reminder],
    last_meeting: Meeting | None = None,
    touches: Iterable[Touch] = (),
) -> Effects:
    """The reminders a move from `old` to `new` at `at` creates and closes.

    `touches` are the contact's logged touches (the yearly check-in cap counts them).
    """
    effects = Effects()
    reminders = [r for r in open_reminders if r.is_open and r.contact_id == contact.id]
    if old is not None and new.order < old.order:
        effects.close = [(r, "moved back") for r in reminders if not _still_applies(r, new)]
    else:
        for reminder in reminders:
            owner = STAGE_KINDS.get(reminder.kind)
            if owner is not None and owner.order < new.order:
                effects.close.append((reminder, f"moved to {new.label}"))
    closing = {id(r) for r, _ in effects.close}
    kinds_open = {r.kind for r in reminders if id(r) not in closing}
    first = first_name(contact)

    def make(kind: ReminderKind, due: datetime, title: str, meeting: Meeting | None = None) -> None:
        if kind in kinds_open:
            return
        effects.create.append(
            Reminder(
                kind=kind,
                due=due,
                contact_id=contact.id,
                meeting_id=meeting.id if meeting else None,
                title=title,
                created_at=at,
            )
        )

    if new is Stage.REACHED_OUT:
        company = f" at {contact.company}" if contact.company else ""
        make(
            ReminderKind.SECOND_PERSON,
            add_business_days(at, SECOND_PERSON_BUSINESS_DAYS),
            f"No reply from {first} yet: reach a second person{company}",
        )
        make(
            ReminderKind.FOLLOW_UP,
            add_business_days(at, FOLLOW_UP_BUSINESS_DAYS),
            f"Follow up once with {first}",
        )
    elif new is Stage.INTERVIEWED:
        make(
            ReminderKind.THANK_YOU,
            thank_you_due(contact, at, settings, last_meeting),
            f"Send {first} a thank-you",
            last_meeting,
        )
    elif new in KEEP_IN_TOUCH_STAGES and ReminderKind.CHECK_IN not in kinds_open:
        since = contact.last_contact if contact.last_contact and contact.last_contact <= at else at
        effects.create.append(_check_in(contact, settings, since, at, touches))
    return effects


def after_touch(
    contact: Contact,
    touch: Touch,
    settings: Settings,
    open_reminders: Iterable[Reminder],
    touches: Iterable[Touch] = (),
) -> Effects:
    """A logged touch closes the reminders it answers and restarts the keep-in-touch clock.

    `touches` are the contact's logged touches (the new one may or may not be among them).
    """
    effects = Effects()
    if not restarts_clock(touch.kind):
        return effects
    reminders = [r for r in open_reminders if r.is_open and r.contact_id == contact.id]
    for reminder in reminders:
        if reminder.kind in NO_REPLY_KINDS and touch.kind in ANSWERING_TOUCHES:
            effects.close.append((reminder, f"answered: {touch.kind.value}"))
        elif reminder.kind is ReminderKind.THANK_YOU and touch.kind is TouchKind.THANK_YOU:
            effects.close.append((reminder, "thank-you sent"))
        elif reminder.kind is ReminderKind.CHECK_IN:
            effects.close.append((reminder, "clock restarted by a touch"))
    if contact.stage in KEEP_IN_TOUCH_STAGES:
        # A touch logged after the fact must not pull the clock back before a later one.
        since = max(touch.at, contact.last_contact or touch.at)
        every = {t.id: t for t in touches}
        every[touch.id] = touch
        effects.create.append(_check_in(contact, settings, since, touch.at, every.values()))
    return effects


def after_follow_up(contact: Contact, at: datetime, open_reminders: Iterable[Reminder]) -> Effects:
    """The follow-up was sent at `at`: if they still say nothing, suggest closing the contact
    as "no answer" `NO_ANSWER_BUSINESS_DAYS` business days later (once: a later follow-up
    does not add another)."""
    effects = Effects()
    if contact.stage is not Stage.REACHED_OUT:
        return effects
    mine = [r for r in open_reminders if r.is_open and r.contact_id == contact.id]
    if any(r.kind is ReminderKind.NO_ANSWER for r in mine):
        return effects
    effects.close = [(r, "followed up") for r in mine if r.kind is ReminderKind.FOLLOW_UP]
    effects.create.append(
        Reminder(
            kind=ReminderKind.NO_ANSWER,
            due=add_business_days(at, NO_ANSWER_BUSINESS_DAYS),
            contact_id=contact.id,
            title=f"No answer from {first_name(contact)} since the follow-up: close as no answer?",
            created_at=at,
        )
    )
    return effects


def on_archive(contact: Contact, open_reminders: Iterable[Reminder]) -> Effects:
    return Effects(
        close=[(r, "archived") for r in open_reminders if r.is_open and r.contact_id == contact.id]
    )


def on_restore(
    contact: Contact,
    at: datetime,
    settings: Settings,
    open_reminders: Iterable[Reminder],
    last_meeting: Meeting | None = None,
    touches: Iterable[Touch] = (),
) -> Effects:
    """A restored contact re-enters its stage, so its clock starts again from `at`."""
    return entering_stage(
        contact, contact.stage, None, at, settings, open_reminders, last_meeting, touches
    )


# What marking a reminder done means the user did: the touch to log (the touch's own rules
# then close what it answers and move the card).
DONE_MEANS = {
    ReminderKind.CHECK_IN: TouchKind.CHECK_IN,
    ReminderKind.THANK_YOU: TouchKind.THANK_YOU,
    ReminderKind.FOLLOW_UP: TouchKind.MESSAGE_SENT,
}


def after_done(reminder: Reminder) -> TouchKind | None:
    """The touch that marking `reminder` done logs (none for the user's own to-dos)."""
    return DONE_MEANS.get(reminder.kind)


# The note on a thank-you logged because the card was moved to Thanked (undoing the move
# takes it back).
IMPLIED_THANK_YOU = "marked sent by moving the card to Thanked"


def touch_implied_by_move(
    contact: Contact, old: Stage, new: Stage, touches: Iterable[Touch]
) -> TouchKind | None:
    """The touch a move says happened: Interviewed to Thanked is a thank-you sent, when none
    was logged since the contact entered Interviewed."""
    if old is not Stage.INTERVIEWED or new is not Stage.THANKED:
        return None
    entered = max((c.at for c in contact.history if c.stage is Stage.INTERVIEWED), default=None)
    sent = any(
        t.kind is TouchKind.THANK_YOU and (entered is None or t.at >= entered) for t in touches
    )
    return None if sent else TouchKind.THANK_YOU


def stage_after_touch(kind: TouchKind, stage: Stage) -> Stage | None:
    """Where a touch moves the card: a thank-you sent from Interviewed goes to Thanked."""
    if kind is TouchKind.THANK_YOU and stage is Stage.INTERVIEWED:
        return Stage.THANKED
    return None
