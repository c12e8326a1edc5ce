"""The records infoint keeps: contacts, meetings, reminders, touches, questions, targets, settings."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from .stages import Stage


def new_id() -> str:
    return uuid.uuid4().hex[:12]


class Medium(str, Enum):
    PHONE = "phone"
    VIDEO = "video"
    COFFEE = "coffee"
    IN_PERSON = "in-person"

    @property
    def label(self) -> str:
        return {"in-person": "In person"}.get(self.value, self.value.capitalize())


class Focus(str, Enum):
    """What an informational interview is mainly about (seed: the three common forms)."""

    PATH = "path"
    INDUSTRY = "industry"
    COMPANY = "company"

    @property
    def label(self) -> str:
        return {"path": "Their path", "industry": "The industry", "company": "The company"}[
            self.value
        ]


class Tiara(str, Enum):
    """The TIARA question categories: Trends, Insights, Advice, Resources, Assignments."""

    TRENDS = "trends"
    INSIGHTS = "insights"
    ADVICE = "advice"
    RESOURCES = "resources"
    ASSIGNMENTS = "assignments"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def letter(self) -> str:
        return "As" if self is Tiara.ASSIGNMENTS else self.value[0].upper()


class CaptureKind(str, Enum):
    NOTE = "note"
    ACTION_MINE = "action-mine"
    ACTION_THEIRS = "action-theirs"
    REFERRAL = "referral"
    INSIGHT = "insight"


class ReminderKind(str, Enum):
    THANK_YOU = "thank-you"
    SECOND_PERSON = "second-person"  # 3B7: after 3 business days, reach someone else there
    FOLLOW_UP = "follow-up"  # 3B7: after 7 business days, follow up once with the first
    NO_ANSWER = "no-answer"  # after the follow-up, still no reply: close the contact
    CONFIRM = "confirm"  # the business day before a meeting: confirm time and place
    CHECK_IN = "check-in"
    ACTION = "action"
    CUSTOM = "custom"


class TouchKind(str, Enum):
    MESSAGE_SENT = "message-sent"
    REPLY = "reply"
    CALL = "call"
    MEETING = "meeting"
    THANK_YOU = "thank-you"
    CHECK_IN = "check-in"
    REFERRAL = "referral"
    NOTE = "note"


SOURCES = ("referral", "cold", "event", "alumni", "friends & family", "linkedin", "other")


def source_name(source: str, *, capital: bool = False) -> str:
    """A source as it is written in a sentence: "alumni", "LinkedIn"."""
    name = "LinkedIn" if source == "linkedin" else source
    return name[:1].upper() + name[1:] if capital else name


@dataclass(kw_only=True)
class StageChange:
    stage: Stage
    at: datetime
    from_stage: Stage | None = None


@dataclass(kw_only=True)
class JobChange:
    """A change of company or title that an import brought: the job before, the job after, and
    when the change was learnt (the import's moment, not the day they started)."""

    at: datetime
    company: str = ""  # the company before
    role: str = ""  # the title before
    new_company: str = ""
    new_role: str = ""
    source: str = ""  # what told us: "LinkedIn connections from Connections.csv"


@dataclass(kw_only=True)
class Contact:
    name: str
    id: str = field(default_factory=new_id)
    role: str = ""
    company: str = ""
    industry: str = ""
    location: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""
    source: str = ""
    referred_by: str | None = None
    tags: list[str] = field(default_factory=list)
    focus: Focus | None = None
    research_person: str = ""
    research_company: str = ""
    notes: str = ""
    stage: Stage = Stage.PROSPECTS
    history: list[StageChange] = field(default_factory=list)
    # Earlier jobs, oldest first: each change of company or title an import found.
    job_history: list[JobChange] = field(default_factory=list)
    next_action: str = ""
    next_action_due: datetime | None = None
    cadence_weeks: int | None = None
    last_contact: datetime | None = None
    connected_on: date | None = None
    archived: bool = False
    archived_at: datetime | None = None
    archive_reason: str = ""
    created_at: datetime | None = None
    # Unsent message drafts by kind ("outreach", "thank-you", "check-in"): nothing typed is lost.
    drafts: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def role_at_company(self) -> str:
        if self.role and self.company:
            return f"{self.role} @ {self.company}"
        return self.role or self.company

    def entered_stage_at(self) -> datetime | None:
        for change in reversed(self.history):
            if change.stage == self.stage:
                return change.at
        return None


@dataclass(kw_only=True)
class MeetingQuestion:
    text: str
    tiara: Tiara | None = None
    bank_id: str | None = None
    asked: bool = False
    answer: str = ""


@dataclass(kw_only=True)
class ChecklistItem:
    text: str
    done: bool = False
    key: str = ""  # stable key of a default item ("research-person"); empty for the user's own
    group: str = ""  # "research", "plan" or "logistics" for the user's own; defaults go by key


@dataclass(kw_only=True)
class Capture:
    """One quick-capture line from live notes."""

    at: datetime
    kind: CaptureKind
    text: str
    tiara: Tiara | None = None
    contact_id: str | None = None  # the contact a referral created
    reminder_id: str | None = None  # the reminder an action item created
    # Advice and resources (TIARA A and R): when I tried it, and what came of it.
    tried_at: datetime | None = None
    outcome: str = ""


@dataclass(kw_only=True)
class Invitation:
    """The calendar invitation a meeting came from: how to know it again, and its updates."""

    uid: str
    sequence: int = 0  # the organizer's revision number; an older one changes nothing
    start: datetime | None = None  # the start it gave (a cancelled meeting keeps it here)
    organizer: str = ""  # "Alice Walker <alice@example.com>"


@dataclass(kw_only=True)
class Meeting:
    contact_id: str
    id: str = field(default_factory=new_id)
    when: datetime | None = None
    duration_min: int = 30
    medium: Medium = Medium.VIDEO
    place: str = ""
    i_pay: bool = False
    objectives: str = ""
    ask: str = ""
    introduction: str = ""
    questions: list[MeetingQuestion] = field(default_factory=list)
    checklist: list[ChecklistItem] = field(default_factory=list)
    notes: str = ""
    log: list[Capture] = field(default_factory=list)
    started_at: datetime | None = None
    ended_at: datetime | None = None
    debrief_learned: str = ""
    debrief_fit: str = ""
    debrief_who_else: str = ""
    created_at: datetime | None = None
    invitation: Invitation | None = None
    # A cancelled meeting has no time (`when` is None: it leaves the board and the agenda);
    # its prep is kept, and giving it a time again brings it back.
    cancelled_at: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def held(self) -> bool:
        return self.ended_at is not None

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None and self.when is None


@dataclass(kw_only=True)
class Reminder:
    kind: ReminderKind
    due: datetime
    id: str = field(default_factory=new_id)
    contact_id: str | None = None
    meeting_id: str | None = None
    title: str = ""
    done_at: datetime | None = None
    closed_at: datetime | None = None  # closed without being done: answered, moved back, archived
    closed_reason: str = ""
    snoozed_until: datetime | None = None
    # Check-ins: `due` is the ideal day, `latest` the last one before the contact goes cold.
    latest: datetime | None = None
    # Confirm reminders: the meeting time they confirm (a moved meeting needs a new one).
    meeting_when: datetime | None = None
    created_at: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_open(self) -> bool:
        return self.done_at is None and self.closed_at is None

    @property
    def effective_due(self) -> datetime:
        return self.snoozed_until or self.due


@dataclass(kw_only=True)
class Touch:
    contact_id: str
    kind: TouchKind
    at: datetime
    id: str = field(default_factory=new_id)
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(kw_only=True)
class BankQuestion:
    text: str
    id: str = field(default_factory=new_id)
    tiara: Tiara | None = None
    focus: Focus | None = None
    why: str = ""
    basic: bool = False  # research should answer it ("What do you do?")
    job_request: bool = False  # asks for a job ("Are you hiring?")
    custom: bool = False  # written by the user
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def to_avoid(self) -> bool:
        return self.basic or self.job_request


@dataclass(kw_only=True)
class TargetEmployer:
    company: str
    id: str = field(default_factory=new_id)
    motivation: int = 2  # 1 (curious) to 3 (dream employer)
    posts_openings: bool = False
    has_connection: bool = False
    active: bool = False  # one of the few being worked now
    industry: str = ""
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


# Placeholders are listed in domain/outreach.py (TEMPLATE_FIELDS). Filled from a contact with
# a known connection, this passes every rule of the request checker: the connection first,
# under 100 words, no jobs, a broad interest, a short and flexible meeting, my follow-up.
DEFAULT_OUTREACH = (
    "Hi {first_name},\n\n"
    "{connection}. I'm {my_pitch}, and I'm exploring {interest}. "
    "Your path to {role} stood out to me, and I would value your advice.\n\n"
    "Would you have {minutes} minutes in the next few weeks for a call or a coffee, "
    "whichever suits you? I'll follow up next week to find a time.\n\n"
    "Thank you,\n{signature}"
)
DEFAULT_THANK_YOU = (
    "Hi {first_name},\n\n"
    "Thank you for your time {when}. {specific}\n\n"
    "{introduction}"
    "I'll let you know how things go, and I hope to stay in touch.\n\n"
    "Best,\n{signature}"
)
DEFAULT_CHECK_IN = (
    "Hi {first_name},\n\n"
    "A quick update since we spoke: {update}\n\n"
    "Thank you again for your advice. I hope all is well with you.\n\n"
    "Best,\n{signature}"
)
# The defaults used to sign with {my_name}, leaving the Signature setting unused: a template
# saved as one of them (never edited) is read as today's default.
_SIGNED_WITH_NAME = {
    template.replace("{signature}", "{my_name}"): template
    for template in (DEFAULT_OUTREACH, DEFAULT_THANK_YOU, DEFAULT_CHECK_IN)
}


@dataclass(kw_only=True)
class Settings:
    my_name: str = ""
    signature: str = ""
    pitch: str = ""  # my short introduction
    school: str = ""  # where I studied: the alumni connection in outreach drafts
    default_duration_min: int = 20
    default_cadence_weeks: int = 8
    max_check_ins_per_year: int = 3
    thank_you_hours: int = 24
    outreach_template: str = DEFAULT_OUTREACH
    thank_you_template: str = DEFAULT_THANK_YOU
    check_in_template: str = DEFAULT_CHECK_IN
    default_ask: str = "An introduction to someone else in the field I could learn from"
    theme: str = ""  # the Textual theme the user chose last
    # Weekly goals (0: none): requests sent and conversations held, Monday to Sunday.
    weekly_requests: int = 0
    weekly_conversations: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.outreach_template = _SIGNED_WITH_NAME.get(
            self.outreach_template, self.outreach_template
        )
        self.thank_you_template = _SIGNED_WITH_NAME.get(
            self.thank_you_template, self.thank_you_template
        )
        self.check_in_template = _SIGNED_WITH_NAME.get(
            self.check_in_template, self.check_in_template
        )
