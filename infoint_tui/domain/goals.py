"""Weekly goals: requests sent and conversations held this week (Monday to Sunday), against
the numbers set in Settings (0: no goal).

A request counts when a contact enters Reached out (by any path: a key, "mark sent", the
command line); a conversation when a meeting is held (marked ended), or when a contact
enters Interviewed that week without a held meeting to show for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .agenda import MeetingLike
from .models import Contact, Settings
from .stages import Stage


@dataclass(frozen=True)
class WeekProgress:
    monday: date
    requests: int
    requests_goal: int
    conversations: int
    conversations_goal: int

    @property
    def has_goals(self) -> bool:
        return self.requests_goal > 0 or self.conversations_goal > 0

    @property
    def met(self) -> bool:
        return self.requests >= self.requests_goal and self.conversations >= self.conversations_goal

    @property
    def parts(self) -> list[tuple[str, bool]]:
        """('2/3 requests', met?) for each goal that is set."""
        found = []
        if self.requests_goal > 0:
            found.append(
                (f"{self.requests}/{self.requests_goal} {_plural('request', self.requests_goal)}",
                 self.requests >= self.requests_goal)
            )  # fmt: skip
        if self.conversations_goal > 0:
            noun = _plural("conversation", self.conversations_goal)
            found.append(
                (f"{self.conversations}/{self.conversations_goal} {noun}",
                 self.conversations >= self.conversations_goal)
            )  # fmt: skip
        return found

    @property
    def text(self) -> str:
        """'This week: 2/3 requests · 1/2 conversations'; '' with no goal set."""
        if not self.has_goals:
            return ""
        return "This week: " + " · ".join(text for text, _ in self.parts)


def _plural(noun: str, count: int) -> str:
    return noun if count == 1 else noun + "s"


def week_start(now: datetime) -> date:
    return now.date() - timedelta(days=now.weekday())


def _local_day(moment: datetime, now: datetime) -> date:
    return moment.astimezone(now.tzinfo).date() if now.tzinfo else moment.date()


def week_progress(
    contacts: Iterable[Contact],
    meetings: Iterable[MeetingLike],
    settings: Settings,
    now: datetime,
) -> WeekProgress:
    monday = week_start(now)

    def this_week(moment: datetime | None) -> bool:
        return moment is not None and moment <= now and monday <= _local_day(moment, now)

    people = list(contacts)
    requests = sum(
        1
        for c in people
        for change in c.history
        if change.stage is Stage.REACHED_OUT and this_week(change.at)
    )
    held_by: dict[str, int] = {}
    for meeting in meetings:
        if this_week(meeting.ended_at):
            held_by[meeting.contact_id] = held_by.get(meeting.contact_id, 0) + 1
    conversations = sum(held_by.values())
    for c in people:
        if c.id in held_by:
            continue
        if any(ch.stage is Stage.INTERVIEWED and this_week(ch.at) for ch in c.history):
            conversations += 1
    return WeekProgress(
        monday,
        requests,
        max(0, settings.weekly_requests),
        conversations,
        max(0, settings.weekly_conversations),
    )
