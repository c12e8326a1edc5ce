"""`infoint agenda`: what is overdue, due today and due in the next 7 days, as plain text."""

from __future__ import annotations

import argparse

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
    parser.set_defaults(run=cmd_agenda)


def cmd_agenda(args: argparse.Namespace) -> int:
    from ..domain.agenda import agenda, moment_for, render_text
    from ..domain.clock import SystemClock
    from ..domain.dates import DateParseError, parse_when

    now = SystemClock().now()
    day = now.date()
    if args.date is not None:
        try:
            day = parse_when(args.date, now).date()
        except DateParseError as error:
            raise UsageError(f"--date: {error}") from None
    campaign = open_campaign(args, create=False)
    moment = moment_for(day, campaign.clock.now())
    result = agenda(
        moment,
        campaign.contacts(),
        campaign.meetings(),
        campaign.reminders(),
    )
    print(render_text(result, is_today=day == now.date()), end="")
    return 0
