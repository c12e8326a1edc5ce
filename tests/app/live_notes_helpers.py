"""Shared set-up for the live notes tests: a contact with a prepared meeting, the app, the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.app import InfointApp
from infoint_tui.domain.models import Contact, Medium, MeetingQuestion, Tiara
from infoint_tui.domain.stages import Stage
from infoint_tui.screens.live_notes import LiveNotesScreen
from tests.disk import saved as saved_document


def seed_meeting(db_path: Path, clock: Any, stage: Stage = Stage.SCHEDULED) -> tuple[str, str]:
    """A contact in `stage` with one meeting and two questions; returns (contact id, meeting id)."""
    seed = open_campaign(db_path, clock=clock)
    contact = seed.add_contact(
        Contact(name="Ada Lovelace", role="Research Lead", company="Analytical Engines")
    )
    if stage is not Stage.PROSPECTS:
        seed.move_contact(contact.id, stage)
    meeting = seed.ensure_next_meeting(contact.id)
    meeting.when = clock.now()
    meeting.medium = Medium.PHONE
    meeting.duration_min = 20
    meeting.questions = [
        MeetingQuestion(text="What trends are changing your field?", tiara=Tiara.TRENDS),
        MeetingQuestion(text="What would you do in my place?", tiara=Tiara.ADVICE),
    ]
    seed.save_meeting(meeting)
    return contact.id, meeting.id


def make_app(db_path: Path, clock: Any) -> InfointApp:
    return InfointApp(open_campaign(db_path, clock=clock, autoflush=False), clock=clock)


async def settle(app: InfointApp, pilot: Any) -> None:
    """Let the UI finish, then wait for the app's session to put it on disk."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    assert app.session is not None
    assert app.session.wait_saved(10)


def saved(db_path: Path) -> dict[str, Any]:
    """What is on disk (the file and its journal), tables by name, records as a list."""
    return {name: list(table.values()) for name, table in saved_document(db_path).items()}


def saved_meeting(db_path: Path, meeting_id: str) -> dict[str, Any]:
    """A meeting as saved: its logistics and its notes (kept in their own table) together."""
    tables = saved(db_path)
    light = next(m for m in tables["meetings"] if m["id"] == meeting_id)
    notes = next((m for m in tables.get("meeting_notes", []) if m["id"] == meeting_id), {})
    return {**notes, **light}


def saved_contact(db_path: Path, contact_id: str) -> dict[str, Any]:
    return next(c for c in saved(db_path)["contacts"] if c["id"] == contact_id)


def live_screen(app: InfointApp) -> LiveNotesScreen:
    screen = app.screen
    assert isinstance(screen, LiveNotesScreen), screen
    return screen
