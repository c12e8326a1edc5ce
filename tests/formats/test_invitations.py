"""Reading calendar invitations: Google, Outlook, Zoom, plain events, and broken files."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from infoint_tui.domain.models import Medium
from infoint_tui.formats.invitations import read_invitations
from infoint_tui.formats.source import FormatError, decode_source, read_source
from tests.conftest import ZONE

INVITATIONS = Path(__file__).resolve().parent.parent / "fixtures" / "invitations"


def read(name: str):
    return read_invitations(read_source(INVITATIONS / name), ZONE)


def calendar(*event_lines: str, method: str = "REQUEST") -> str:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"]
    if method:
        head.append(f"METHOD:{method}")
    return "\r\n".join([*head, *event_lines, "END:VCALENDAR"]) + "\r\n"


def event(*lines: str) -> list[str]:
    return ["BEGIN:VEVENT", *lines, "END:VEVENT"]


def read_text(text: str):
    return read_invitations(decode_source("invite.ics", text.encode()), ZONE)


def test_google_calendar_request():
    found = read("google_request.ics")
    assert found.method == "REQUEST" and found.skipped == []
    (invitation,) = found.invitations
    assert invitation.uid == "5m1q2t7v9b3c8d0e4f6g8h2j4k@google.com" and invitation.sequence == 0
    assert invitation.start == datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("America/New_York"))
    assert invitation.start.utcoffset() == timedelta(hours=-5)
    assert invitation.duration_min == 30 and not invitation.cancelled
    assert (invitation.medium, invitation.place) == (
        Medium.VIDEO,
        "https://meet.google.com/abc-defg-hij",
    )
    assert str(invitation.organizer) == "Alice Walker <alice.walker@initech.example>"
    # Google writes the guest's address as their name: that is no name.
    assert [(p.name, p.email) for p in invitation.people] == [
        ("Alice Walker", "alice.walker@initech.example"),
        ("", "sam.jones@example.org"),
    ]


def test_google_update_and_cancellation_keep_the_uid():
    update = read("google_update.ics").invitations[0]
    cancel = read("google_cancel.ics").invitations[0]
    assert update.uid == cancel.uid and (update.sequence, cancel.sequence) == (1, 2)
    assert update.start.hour == 15 and not update.cancelled
    assert cancel.cancelled


def test_outlook_request_with_a_windows_time_zone_and_a_teams_link():
    (invitation,) = read("outlook_request.ics").invitations
    assert invitation.start.tzinfo == ZoneInfo("America/Los_Angeles")
    assert invitation.start.utcoffset() == timedelta(hours=-8)
    assert invitation.duration_min == 20
    assert invitation.medium is Medium.VIDEO
    assert invitation.place.startswith("https://teams.microsoft.com/l/meetup-join/")
    assert invitation.organizer is not None and invitation.organizer.name == "Brian Osei"
    (cancel,) = read("outlook_cancel.ics").invitations
    assert cancel.cancelled and cancel.uid == invitation.uid and cancel.sequence == 1


def test_zoom_link_in_the_location_and_no_attendees():
    found = read("zoom_meeting.ics")
    assert found.method == "PUBLISH"
    (invitation,) = found.invitations
    assert invitation.medium is Medium.VIDEO
    assert invitation.place.startswith("https://us02web.zoom.us/j/85512345678")
    assert invitation.start == datetime(2026, 12, 7, 16, 0, tzinfo=ZoneInfo("Europe/London"))
    assert invitation.duration_min == 15
    assert [p.name for p in invitation.people] == ["Carla Mendes"]


def test_a_plain_event_without_method_a_phone_call():
    found = read("phone_call.ics")
    assert found.method == ""
    (invitation,) = found.invitations
    assert (invitation.medium, invitation.place) == (Medium.PHONE, "+33-1-55-55-01-23")
    assert invitation.duration_min == 20


def test_coffee_in_utc_with_a_duration():
    (invitation,) = read("coffee.ics").invitations
    assert invitation.medium is Medium.COFFEE
    assert invitation.place == "Café Kitsuné, 51 Galerie de Montpensier, Paris"
    assert invitation.start.utcoffset() == timedelta(0) and invitation.duration_min == 20


@pytest.mark.parametrize(
    ("lines", "medium", "place"),
    [
        (
            ["LOCATION:Blue Bottle\\, 1 Ferry Building"],
            Medium.IN_PERSON,
            "Blue Bottle, 1 Ferry Building",
        ),
        (["LOCATION:Zoom"], Medium.VIDEO, "Zoom"),
        (["LOCATION:+1 (415) 555-0142"], Medium.PHONE, "+1 (415) 555-0142"),
        (
            ["CONFERENCE;VALUE=URI;FEATURE=PHONE:tel:+1-412-555-0123,,,654321"],
            Medium.PHONE,
            "+1-412-555-0123,,,654321",
        ),
        (["URL:https://whereby.com/alice"], Medium.VIDEO, "https://whereby.com/alice"),
        (["URL:https://calendly.com/alice/30min"], Medium.IN_PERSON, ""),
        (
            ["DESCRIPTION:Join: https://acme.webex.com/meet/alice."],
            Medium.VIDEO,
            "https://acme.webex.com/meet/alice",
        ),
        ([], Medium.IN_PERSON, ""),
    ],
)
def test_the_medium_is_guessed_from_the_place(lines, medium, place):
    text = calendar(*event("UID:x@test", "DTSTART:20261201T100000Z", *lines))
    (invitation,) = read_text(text).invitations
    assert (invitation.medium, invitation.place) == (medium, place)


def test_a_time_without_a_zone_is_local_and_an_unknown_zone_is_said():
    text = calendar(
        *event("UID:a@test", "DTSTART:20261201T100000", "SUMMARY:Floating"),
        *event("UID:b@test", "DTSTART;TZID=Mars/Olympus:20261201T100000", "SUMMARY:Mars"),
    )
    floating, mars = read_text(text).invitations
    assert floating.start == datetime(2026, 12, 1, 10, 0, tzinfo=ZONE) and not floating.warnings
    assert mars.start.tzinfo is ZONE
    assert mars.warnings == ["its time zone 'Mars/Olympus' is unknown; read as your local time"]


def test_events_that_cannot_be_used_are_skipped_one_by_one():
    text = calendar(
        *event("DTSTART:20261201T100000Z", "SUMMARY:No uid"),
        *event("UID:a@test", "SUMMARY:No start"),
        *event("UID:b@test", "DTSTART;VALUE=DATE:20261201", "SUMMARY:All day"),
        *event("UID:c@test", "DTSTART:2026xx", "SUMMARY:Broken start"),
        *event("UID:d@test", "RECURRENCE-ID:20261208T100000Z", "DTSTART:20261208T110000Z"),
        *event("UID:e@test", "DTSTART:20261201T100000Z", "SEQUENCE:two", "SUMMARY:Good"),
    )
    found = read_text(text)
    assert [i.summary for i in found.invitations] == ["Good"]
    assert found.invitations[0].sequence == 0 and found.invitations[0].warnings
    reasons = [str(skip) for skip in found.skipped]
    assert (
        reasons[0] == "event 1 (No uid): has no UID, so a later update could not be matched to it"
    )
    assert reasons[1].startswith("event 2 (No start): has no usable start")
    assert reasons[2] == "event 3 (All day): an all-day event has no time of day"
    assert reasons[3].startswith("event 4 (Broken start): has no usable start")
    assert "one occurrence of a repeating event" in reasons[4]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "invite.ics is empty"),
        (
            "hello\n",
            "invite.ics is not a calendar file: no BEGIN:VCALENDAR (its first line is 'hello')",
        ),
        (
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n",
            "invite.ics is cut short: its calendar never ends (no END:VCALENDAR)",
        ),
        ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "invite.ics holds no events"),
        ("\x00\x01\x02\x03BEGIN:VCALENDAR\x00", "invite.ics is not a text file"),
    ],
)
def test_a_file_that_is_not_a_calendar_is_one_clean_line(text, message):
    with pytest.raises(FormatError) as error:
        read_text(text)
    assert str(error.value).startswith(message)
    assert "\n" not in str(error.value) and "\x00" not in str(error.value)


def test_a_file_cut_short_keeps_its_complete_events_and_says_so():
    whole = calendar(*event("UID:a@test", "DTSTART:20261201T100000Z", "SUMMARY:Whole"))
    found = read_text(whole + "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:b@test\r\n")
    assert [i.summary for i in found.invitations] == ["Whole"]
    assert [str(s) for s in found.skipped] == [
        "the end of the file: cut short: what follows its last complete calendar"
    ]


def test_an_unreadable_line_is_said_with_the_event_it_spoils():
    text = calendar(
        *event("no colon", "SUMMARY:Spoilt"),
        *event("UID:a@test", "DTSTART:20261201T100000Z", "X-BROKEN", "SUMMARY:Fine"),
    )
    found = read_text(text)
    (skip,) = found.skipped
    assert str(skip).startswith("event 1 (Spoilt): has no UID")
    assert "a line could not be read: Content line could not be parsed" in skip.reason
    assert found.invitations[0].warnings[0].startswith("a line could not be read")


def test_odd_people_lines_are_read_or_left_out():
    text = calendar(
        *event(
            "UID:a@test", "DTSTART:20261201T100000Z",
            "ORGANIZER;CN=First:mailto:first@example.org",
            "ORGANIZER;CN=Second:mailto:second@example.org",  # twice: the first counts
            "ATTENDEE;CUTYPE=ROOM;CN=Room 4:mailto:room4@example.org",
            "ATTENDEE;ROLE=NON-PARTICIPANT;CN=Assistant:mailto:pa@example.org",
            "ATTENDEE;CN=\x1b[31mEve:mailto:eve@example.org",
            "ATTENDEE:urn:uuid:0000",
        )
    )  # fmt: skip
    (invitation,) = read_text(text).invitations
    assert invitation.organizer is not None and invitation.organizer.name == "First"
    assert invitation.attendees == []  # the room, the assistant, no address, a broken line
    (warning,) = invitation.warnings
    assert warning.startswith("a line could not be read") and "\x1b" not in warning
