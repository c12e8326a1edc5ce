"""`infoint draft NAME [--step STEP]`: the message of a step of the method, on stdout."""

from __future__ import annotations

import argparse
import sys

from . import DataError, one_contact, open_campaign

STEPS = ("request", "follow-up", "second-person", "confirm", "thank-you", "check-in")


def register_draft(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "draft",
        parents=[common],
        help="print the message for a step (request, follow-up, confirm, thank-you...)",
        description="Print the draft of a step of the method to stdout, as plain text, to pipe "
        "into a mail client or the clipboard. Without --step, the step that is due: the "
        "request, the 3B7 second person (day 3) or follow-up (day 7), the confirmation the "
        "day before a meeting, the thank-you, the check-in. A draft you edited and kept in "
        "the app is printed as you left it. Exit status 1 for an unknown or ambiguous name, "
        "or a step that makes no sense for the contact (a thank-you before any meeting).",
    )
    parser.add_argument("name", metavar="NAME", help="the contact's exact name or id")
    parser.add_argument(
        "--step", choices=STEPS, default=None, help="the step (default: the one that is due)"
    )
    parser.add_argument(
        "--to",
        metavar="NAME",
        default=None,
        help="second-person: who else at the company to write to (default: the first listed)",
    )
    parser.set_defaults(run=cmd_draft)


def cmd_draft(args: argparse.Namespace) -> int:
    from ..domain.steps import (
        Step,
        draft_for,
        nothing_to_write,
        second_person_choices,
        step_due,
        why_not,
    )
    from ..domain.text import clean_text

    campaign = open_campaign(args, create=False)
    contact = one_contact(campaign, args.name)
    now = campaign.now()
    facts = campaign.situation(contact.id, now)
    step = Step(args.step) if args.step else step_due(facts)
    if step is None:
        raise DataError(nothing_to_write(facts) + "; --step picks a message")
    reason = why_not(step, facts)
    if reason is not None:
        raise DataError(reason)
    to = None
    if step is Step.SECOND_PERSON:
        choices = second_person_choices(facts)
        if args.to is not None:
            wanted = args.to.strip().casefold()
            to = next(
                (p.contact for p in choices if wanted in (p.contact.name.casefold(), p.contact.id)),
                None,
            )
            if to is None:
                names = ", ".join(p.contact.name for p in choices)
                raise DataError(
                    f"{args.to!r} is not among the people at {contact.company}: {names}"
                )
        else:
            to = choices[0].contact
        others = [p.contact.name for p in choices if p.contact.id != to.id]
        more = f"; --to picks another: {', '.join(others)}" if others else ""
        print(clean_text(f"To {to.name} at {contact.company}{more}"), file=sys.stderr)
    elif args.to is not None:
        raise DataError("--to is for --step second-person")
    draft = draft_for(step, facts, to=to)
    text = clean_text(draft.body, multiline=True).rstrip("\n")
    print(text)
    return 0
