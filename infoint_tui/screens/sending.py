"""What "mark sent" means for each kind of message: the question asked first, and the effects.

The kinds: "outreach" (the request; to a second person at the company of `second_of`),
"follow-up" (once, to the first person), "confirm" (the day before), "thank-you", "check-in".
"""

from __future__ import annotations

from datetime import datetime

from ..domain.models import Contact, ReminderKind, TouchKind
from ..domain.outreach import RequestCheck
from ..domain.stages import Stage
from ..store import Repository

OUTREACH, THANK_YOU, CHECK_IN = "outreach", "thank-you", "check-in"
FOLLOW_UP, CONFIRM = "follow-up", "confirm"


def confirm_words(kind: str, contact: Contact, check: RequestCheck | None) -> tuple[str, str]:
    """The question and the line under it, saying what marking it sent will do."""
    first = contact.name.split()[0] if contact.name.split() else contact.name
    if kind == OUTREACH:
        if contact.stage is Stage.PROSPECTS:
            detail = (
                f"{first} moves to Reached out; if there is no reply in 3 business days you "
                "will be reminded to reach a second person there."
            )
        else:
            detail = f"It is logged as a message to {first}."
        if check is not None and not check.passed:
            broken = ", ".join(r.label.lower() for r in check.failures)
            detail += f" It still breaks: {broken}."
        return f"Mark the request to {first} as sent?", detail
    if kind == FOLLOW_UP:
        return (
            f"Mark the follow-up to {first} as sent?",
            "If there is still no answer in 7 business days, you will be asked whether to "
            "close them as no answer.",
        )
    if kind == CONFIRM:
        return (
            f"Mark the confirmation to {first} as sent?",
            "It ticks “confirm time and place” in the prep checklist.",
        )
    if kind == THANK_YOU:
        moves = f" and moves {first} to Thanked." if contact.stage is Stage.INTERVIEWED else "."
        return f"Mark the thank-you to {first} as sent?", "It closes the thank-you reminder" + moves
    return (
        f"Mark the check-in with {first} as sent?",
        "The keep-in-touch clock starts again from today.",
    )


def record_sent(
    repo: Repository,
    contact_id: str,
    kind: str,
    text: str,
    now: datetime,
    second_of: str | None = None,
) -> None:
    """Log the message with its text, move the card on, drop the kept draft: one write."""
    from ..actions import follow_through

    if kind == OUTREACH and second_of is not None:
        follow_through.second_person_sent(repo, second_of, contact_id, text, now)
        return
    if kind == FOLLOW_UP:
        follow_through.follow_up_sent(repo, contact_id, text, now)
        return
    if kind == CONFIRM:
        follow_through.confirmation_sent(repo, contact_id, text, now)
        return
    contact = repo.contact(contact_id)
    with repo.batch():
        if contact.drafts.pop(kind, None) is not None:
            repo.save_contact(contact)
        if kind == OUTREACH:
            if contact.stage is Stage.PROSPECTS:
                repo.move_contact(contact.id, Stage.REACHED_OUT)
            else:  # a follow-up: it answers the 3B7 follow-up reminder once that is due
                for reminder in repo.reminders(contact_id=contact.id):
                    if reminder.kind is ReminderKind.FOLLOW_UP and reminder.effective_due <= now:
                        reminder.done_at = now
                        repo.save_reminder(reminder)
            repo.log_touch(contact.id, TouchKind.MESSAGE_SENT, note=text)
        elif kind == THANK_YOU:
            repo.log_touch(contact.id, TouchKind.THANK_YOU, note=text)
            if contact.stage is Stage.INTERVIEWED:
                repo.move_contact(contact.id, Stage.THANKED)
        else:
            repo.log_touch(contact.id, TouchKind.CHECK_IN, note=text)
