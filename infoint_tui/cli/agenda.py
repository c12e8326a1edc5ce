"""`infoint agenda`: what is overdue, due today and due in the next 7 days, as plain text."""

from __future__ import annotations

import argparse
import sys

from . import UsageError, open_campaign


def register_agenda(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "agenda",
        parents=[common],
        help="what is due today, overdue, and in the next 7 days",
        description="Print the agenda as plain text (for a shell login or cron): overdue "
        "items, the items due on the day, and the next 7 days: thank-yous, nudges, check-ins, "
        "meetings and action items. Exit status 0 whether or not anything is due.",
    )
    parser.add_argument(
        "--date",
        metavar="DATE",
        default=None,
        help="the day to show (default today): 2026-12-03, Dec 3, tomorrow, next tue",
    )
    parser.add_argument(
        "--notify",
        action="store_true",
        help="also raise a desktop notification for what is overdue or due (notify-send, "
        "osascript on macOS, else a terminal notification); the text printed is the same",
    )
    parser.set_defaults(run=cmd_agenda)


def cmd_agenda(args: argparse.Namespace) -> int:
    from ..domain.agenda import agenda, moment_for, render_text
    from ..domain.clock import SystemClock
    from ..domain.dates import DateParseError, parse_when
    from ..domain.goals import week_progress

    now = SystemClock().now()
    day = now.date()
    if args.date is not None:
        try:
            day = parse_when(args.date, now).date()
        except DateParseError as error:
            raise UsageError(f"--date: {error}") from None
    campaign = open_campaign(args, create=False)
    moment = moment_for(day, campaign.clock.now())
    meetings = campaign.meeting_slots()  # when and where: the notes are not read
    everyone = campaign.contacts(archived=None)
    result = agenda(moment, [c for c in everyone if not c.archived], meetings, campaign.reminders())
    progress = week_progress(everyone, meetings, campaign.settings, moment)
    text = render_text(result, is_today=day == now.date())
    if progress.has_goals:
        head, _, rest = text.partition("\n")
        text = f"{head}\n{progress.text}\n{rest}"
    print(text, end="")
    if args.notify:
        from ..domain.reminding import notification
        from ..notifier import send

        sys.stdout.flush()
        message = notification(result)
        if message is not None:
            send(*message)
    return 0
