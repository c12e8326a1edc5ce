"""The agenda on fixed dates: overdue, today and week boundaries, snoozes, cards' next due thing."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from infoint_tui.domain.agenda import (
    DONE_FOR_TODAY,
    AgendaKind,
    agenda,
    due_label,
    moment_for,
    next_due,
    next_due_by_contact,
    render_text,
    snooze_options,
    snooze_until,
    when_text,
)
from infoint_tui.domain.dates import DateParseError
from infoint_tui.domain.models import Contact, Medium, Meeting, Reminder, ReminderKind
from infoint_tui.domain.stages import Stage
from tests.conftest import NOW, ZONE  # Wednesday 18 November 2026, 09:30

ADA = Contact(name="Ada Lovelace", stage=Stage.REACHED_OUT)
RUTH = Contact(name="Ruth Abebe", stage=Stage.IN_TOUCH)
HANNAH = Contact(name="Hannah Schmidt", stage=Stage.INTERVIEWED)
DANIEL = Contact(name="Daniel Kim", stage=Stage.SCHEDULED)
PEOPLE = [ADA, RUTH, HANNAH, DANIEL]


def at(day: int, hour: int = 9, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=ZONE)


def remind(contact: Contact, kind: ReminderKind, due: datetime, **fields) -> Reminder:
    fields.setdefault("title", f"{kind.value} {contact.name}")
    return Reminder(kind=kind, due=due, contact_id=contact.id, **fields)


def sections(result):
    return {
        name: [item.title for item in items]
        for name, items in (
            ("overdue", result.overdue),
            ("today", result.today),
            ("upcoming", result.upcoming),
        )
    }


def test_nudges_are_overdue_once_their_day_has_passed():
    reminders = [
        remind(ADA, ReminderKind.SECOND_PERSON, at(17, 23, 59), title="yesterday late"),
        remind(ADA, ReminderKind.FOLLOW_UP, at(18, 8, 0), title="earlier today"),
        remind(ADA, ReminderKind.CUSTOM, at(18, 23, 0), title="tonight"),
        remind(ADA, ReminderKind.ACTION, at(19, 0, 0), title="tomorrow midnight"),
    ]
    result = agenda(NOW, PEOPLE, [], reminders)
    assert sections(result) == {
        "overdue": ["yesterday late"],
        "today": ["earlier today", "tonight"],
        "upcoming": ["tomorrow midnight"],
    }
    assert [i.overdue for i in result.today] == [False, False]


def test_a_thank_you_is_overdue_the_minute_its_24_hours_are_up_and_in_today_until_then():
    reminders = [
        remind(
            HANNAH, ReminderKind.THANK_YOU, at(18, 9, 29), title="missed", created_at=at(17, 9, 29)
        ),
        remind(
            HANNAH,
            ReminderKind.THANK_YOU,
            at(19, 8, 0),
            title="tomorrow morning",
            created_at=at(18, 8, 0),
        ),
    ]
    assert sections(agenda(NOW, PEOPLE, [], reminders)) == {
        "overdue": ["missed"], "today": ["tomorrow morning"], "upcoming": [],
    }  # fmt: skip


def test_the_week_ends_seven_days_after_today():
    reminders = [
        remind(ADA, ReminderKind.CUSTOM, at(25, 23, 59), title="day 7"),
        remind(ADA, ReminderKind.CUSTOM, at(26, 0, 0), title="day 8"),
    ]
    assert sections(agenda(NOW, PEOPLE, [], reminders))["upcoming"] == ["day 7"]
    assert sections(agenda(NOW, PEOPLE, [], reminders, days=8))["upcoming"] == ["day 7", "day 8"]


def test_a_week_that_crosses_the_month_end():
    now = at(27, 10, 0)  # Friday 27 November
    reminders = [
        remind(ADA, ReminderKind.CUSTOM, at(4, 9, month=12), title="Fri 4 Dec"),
        remind(ADA, ReminderKind.CUSTOM, at(5, 9, month=12), title="Sat 5 Dec"),
    ]
    assert sections(agenda(now, PEOPLE, [], reminders))["upcoming"] == ["Fri 4 Dec"]


def test_snoozed_items_come_back_on_the_snooze_day_and_are_not_overdue_before():
    reminders = [
        remind(
            ADA, ReminderKind.SECOND_PERSON, at(16), title="snoozed to Friday", snoozed_until=at(20)
        ),
        remind(
            ADA, ReminderKind.FOLLOW_UP, at(10), title="snoozed to today", snoozed_until=at(18, 9)
        ),
        remind(
            HANNAH,
            ReminderKind.THANK_YOU,
            at(17),
            title="thank-you snoozed",
            snoozed_until=at(18, 15),
            created_at=at(16),
        ),
    ]
    result = agenda(NOW, PEOPLE, [], reminders)
    assert sections(result) == {
        "overdue": [], "today": ["snoozed to today", "thank-you snoozed"], "upcoming": ["snoozed to Friday"],
    }  # fmt: skip
    assert all(item.snoozed for item in result.items)
    # Once the snooze day has passed without it being done, it is overdue again.
    assert sections(agenda(at(21, 9), PEOPLE, [], reminders))["overdue"] == [
        "snoozed to today", "thank-you snoozed", "snoozed to Friday",
    ]  # fmt: skip


def test_a_check_in_is_due_from_its_ideal_date_and_overdue_after_its_latest():
    in_window = remind(RUTH, ReminderKind.CHECK_IN, at(13), latest=at(27), title="in window")
    cold = remind(RUTH, ReminderKind.CHECK_IN, at(1), latest=at(17), title="gone cold")
    ahead = remind(RUTH, ReminderKind.CHECK_IN, at(23), latest=at(7, month=12), title="next week")
    result = agenda(NOW, PEOPLE, [], [in_window, cold, ahead])
    assert sections(result) == {
        "overdue": ["gone cold"],
        "today": ["in window"],
        "upcoming": ["next week"],
    }
    assert result.today[0].latest == at(27) and result.today[0].kind is AgendaKind.CHECK_IN


def test_meetings_of_the_week_and_a_past_one_that_was_never_logged():
    tomorrow = Meeting(
        contact_id=DANIEL.id,
        when=at(19, 10, 30),
        medium=Medium.COFFEE,
        place="Blue Door Café",
        duration_min=30,
    )
    unlogged = Meeting(contact_id=DANIEL.id, when=at(17, 16))
    held = Meeting(contact_id=HANNAH.id, when=at(18, 6), ended_at=at(18, 6, 30))
    moved_on = Meeting(contact_id=HANNAH.id, when=at(16, 9))  # Hannah is past Scheduled
    later = Meeting(contact_id=DANIEL.id, when=at(2, 9, month=12))
    undated = Meeting(contact_id=DANIEL.id)
    in_progress = Meeting(contact_id=DANIEL.id, when=at(18, 9, 15), duration_min=30)
    result = agenda(
        NOW, PEOPLE, [tomorrow, unlogged, held, moved_on, later, undated, in_progress], []
    )
    assert [(i.meeting, i.overdue) for i in result.overdue] == [(unlogged, True)]
    assert result.overdue[0].title == "Mark it held (and take notes) or give it a new date"
    assert [i.meeting for i in result.today] == [in_progress]
    assert [i.meeting for i in result.upcoming] == [tomorrow]
    assert result.upcoming[0].title == "Coffee, 30 min · Blue Door Café"
    assert result.upcoming[0].kind is AgendaKind.MEETING and result.upcoming[0].contact is DANIEL


def test_closed_done_and_archived_are_left_out():
    gone = Contact(name="Gone", archived=True)
    reminders = [
        remind(ADA, ReminderKind.CUSTOM, at(18), done_at=at(17)),
        remind(ADA, ReminderKind.CUSTOM, at(18), closed_at=at(17)),
        remind(gone, ReminderKind.CUSTOM, at(18)),
        Reminder(kind=ReminderKind.CUSTOM, due=at(18), contact_id="deleted"),
    ]
    meetings = [Meeting(contact_id=gone.id, when=at(19))]
    result = agenda(NOW, [*PEOPLE, gone], meetings, reminders)
    assert result.items == [] and result.done_for_today


def test_a_reminder_about_no_one_still_shows():
    general = Reminder(kind=ReminderKind.CUSTOM, due=at(18, 17), title="Update my target list")
    (item,) = agenda(NOW, PEOPLE, [], [general]).today
    assert item.contact is None and item.title == "Update my target list"


def test_a_contacts_next_action_is_an_action_item():
    grace = Contact(
        name="Grace", next_action="Research Contoso's About page", next_action_due=at(17, 12)
    )
    (item,) = agenda(NOW, [grace], [], []).overdue
    assert item.kind is AgendaKind.ACTION and item.title == "Research Contoso's About page"
    assert item.reminder is None and not item.can_snooze and item.key == f"next-action-{grace.id}"


def test_done_for_today_with_things_later_in_the_week():
    result = agenda(NOW, PEOPLE, [], [remind(ADA, ReminderKind.CUSTOM, at(20))])
    assert result.done_for_today and len(result.upcoming) == 1


def test_items_are_sorted_by_due_time_then_kind():
    reminders = [
        remind(ADA, ReminderKind.CUSTOM, at(18, 20), title="evening"),
        remind(HANNAH, ReminderKind.THANK_YOU, at(18, 12), title="noon", created_at=at(17, 12)),
        remind(ADA, ReminderKind.CUSTOM, at(18, 12), title="noon custom"),
    ]
    assert sections(agenda(NOW, PEOPLE, [], reminders))["today"] == [
        "noon",
        "noon custom",
        "evening",
    ]


# -- a card's next due thing -----------------------------------------------------------------
def test_next_due_prefers_the_oldest_overdue_item_then_the_soonest():
    reminders = [
        remind(ADA, ReminderKind.FOLLOW_UP, at(27)),
        remind(ADA, ReminderKind.SECOND_PERSON, at(23)),
    ]
    assert next_due(ADA, [], reminders, NOW).reminder is reminders[1]
    overdue = remind(ADA, ReminderKind.CUSTOM, at(16))
    window = remind(ADA, ReminderKind.CHECK_IN, at(1), latest=at(30))  # older but not overdue
    assert next_due(ADA, [], [*reminders, window, overdue], NOW).reminder is overdue
    assert next_due(RUTH, [], reminders, NOW) is None


def test_next_due_for_every_card_in_one_pass():
    reminders = [
        remind(ADA, ReminderKind.SECOND_PERSON, at(23)),
        remind(RUTH, ReminderKind.CHECK_IN, at(30)),
    ]
    meeting = Meeting(contact_id=DANIEL.id, when=at(19, 10, 30))
    found = next_due_by_contact(PEOPLE, [meeting], reminders, NOW)
    assert {c: i.kind for c, i in found.items()} == {
        ADA.id: AgendaKind.NUDGE, RUTH.id: AgendaKind.CHECK_IN, DANIEL.id: AgendaKind.MEETING,
    }  # fmt: skip


@pytest.mark.parametrize(
    "item_of, label",
    [
        (
            lambda: (None, Meeting(contact_id=DANIEL.id, when=at(19, 10, 30))),
            "video tomorrow 10:30",
        ),
        (lambda: (None, Meeting(contact_id=DANIEL.id, when=at(18, 16, 0))), "video today 16:00"),
        (lambda: (None, Meeting(contact_id=DANIEL.id, when=at(20, 14, 0))), "video Fri 14:00"),
        (
            lambda: (None, Meeting(contact_id=DANIEL.id, when=at(3, 9, 0, month=12))),
            "video 3 Dec 09:00",
        ),
        (lambda: (None, Meeting(contact_id=DANIEL.id, when=at(17, 9, 0))), "meeting to log"),
        (
            lambda: (
                remind(HANNAH, ReminderKind.THANK_YOU, at(18, 20), created_at=at(17, 20)),
                None,
            ),
            "thank-you due today",
        ),
        (
            lambda: (remind(HANNAH, ReminderKind.THANK_YOU, at(19, 8), created_at=at(18, 8)), None),
            "thank-you due tomorrow",
        ),
        (
            lambda: (remind(HANNAH, ReminderKind.THANK_YOU, at(18, 9), created_at=at(17, 9)), None),
            "thank-you overdue",
        ),
        (
            lambda: (remind(HANNAH, ReminderKind.THANK_YOU, at(16, 9), created_at=at(15, 9)), None),
            "thank-you 2d late",
        ),
        (lambda: (remind(ADA, ReminderKind.SECOND_PERSON, at(23, 9, 30)), None), "nudge Mon"),
        (lambda: (remind(ADA, ReminderKind.SECOND_PERSON, at(18, 9, 30)), None), "nudge today"),
        (
            lambda: (remind(ADA, ReminderKind.FOLLOW_UP, at(15, 9, 30)), None),
            "follow-up 3d late",
        ),
        (
            lambda: (remind(RUTH, ReminderKind.CHECK_IN, at(13), latest=at(2, month=12)), None),
            "check-in by 2 Dec",
        ),
        (
            lambda: (
                remind(
                    RUTH,
                    ReminderKind.CHECK_IN,
                    at(13, month=1).replace(year=2027),
                    latest=at(27, month=1).replace(year=2027),
                ),
                None,
            ),
            "check-in 13 Jan",
        ),
        (
            lambda: (remind(RUTH, ReminderKind.CHECK_IN, at(1), latest=at(15)), None),
            "check-in 3d late",
        ),
        (lambda: (remind(ADA, ReminderKind.ACTION, at(19)), None), "to-do tomorrow"),
    ],
)
def test_card_labels(item_of, label):
    reminder, meeting = item_of()
    item = next_due_by_contact(
        PEOPLE, [meeting] if meeting else [], [reminder] if reminder else [], NOW
    )
    (only,) = item.values()
    assert due_label(only, NOW) == label


# -- another day, snoozing, plain text ----------------------------------------------------------
def test_moment_for_another_day_is_its_start():
    assert moment_for(NOW.date(), NOW) == NOW
    assert moment_for(at(20).date(), NOW) == at(20, 0, 0)


def test_snooze_options_end_at_nine_in_the_morning():
    options = snooze_options(NOW)
    assert [(o.label, o.until) for o in options] == [
        ("1 day", at(19, 9)), ("3 days", at(21, 9)), ("a week", at(25, 9)),
    ]  # fmt: skip


def test_snooze_until_a_date_typed_in_words():
    assert snooze_until("fri", NOW) == at(20, 9)
    assert snooze_until("Dec 3", NOW) == at(3, 9, month=12)
    assert snooze_until("in 2 weeks", NOW) == NOW + timedelta(weeks=2)
    with pytest.raises(DateParseError, match="could not read"):
        snooze_until("someday", NOW)
    with pytest.raises(DateParseError, match="not in the future"):
        snooze_until("yesterday", NOW)


def test_plain_text_when_nothing_is_due():
    assert (
        render_text(agenda(NOW, PEOPLE, [], []))
        == f"Agenda for Wed 18 Nov 2026\n\n{DONE_FOR_TODAY}\n"
    )


# -- card labels fit a card at 80x24 ------------------------------------------------------------
def test_every_card_label_fits_a_card_at_80x24():
    """Every kind, due from four months ago to fourteen months ahead: 22 columns with the mark."""
    now = datetime(2026, 12, 20, 9, 30, tzinfo=ZONE)  # December: dates next year carry a year
    widest = ""
    for offset in range(-120, 430, 3):
        due = now + timedelta(days=offset, hours=offset % 11)
        reminders = [
            remind(ADA, kind, due, created_at=due - timedelta(days=1), latest=latest)
            for kind in ReminderKind
            for latest in (None, due + timedelta(days=14))
        ]
        meetings = [Meeting(contact_id=DANIEL.id, when=due, medium=medium) for medium in Medium]
        for reminder in reminders:
            (item,) = next_due_by_contact(PEOPLE, [], [reminder], now).values()
            widest = max(widest, _shown(item, now), key=len)
        for meeting in meetings:
            (item,) = next_due_by_contact(PEOPLE, [meeting], [], now).values()
            widest = max(widest, _shown(item, now), key=len)
    assert len(widest) <= 22, widest


def _shown(item, now) -> str:
    return ("! " if item.overdue else "") + due_label(item, now)


def test_agenda_when_column():
    daniel = Meeting(contact_id=DANIEL.id, when=at(19, 10, 30))
    rows = {
        "meeting": (None, daniel),
        "thank-you": (
            remind(HANNAH, ReminderKind.THANK_YOU, at(19, 8), created_at=at(18, 8)),
            None,
        ),
        "late": (remind(ADA, ReminderKind.FOLLOW_UP, at(15, 9, 30)), None),
        "late today": (
            remind(HANNAH, ReminderKind.THANK_YOU, at(18, 8), created_at=at(17, 8)),
            None,
        ),
        "check-in": (remind(RUTH, ReminderKind.CHECK_IN, at(13), latest=at(21)), None),
        "nudge": (remind(ADA, ReminderKind.SECOND_PERSON, at(23, 9, 30)), None),
    }
    shown = {}
    for name, (reminder, meeting) in rows.items():
        (item,) = next_due_by_contact(
            PEOPLE, [meeting] if meeting else [], [reminder] if reminder else [], NOW
        ).values()
        shown[name] = when_text(item, NOW)
    assert shown == {
        "meeting": "tomorrow 10:30",
        "thank-you": "by tomorrow 08:00",
        "late": "3d late",
        "late today": "late, 08:00",
        "check-in": "by Sat",
        "nudge": "Mon",
    }
