"""What "mark sent" means for each kind of message: the question asked before it is done.

The kinds: "outreach" (the request; to a second person at the company of `second_of`),
"follow-up" (once, to the first person), "confirm" (the day before), "thank-you", "check-in".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import Contact
from .stages import Stage

if TYPE_CHECKING:
    from .outreach import RequestCheck

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
