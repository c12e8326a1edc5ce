"""Screens that show the campaign follow it: what another program changed appears in the
agenda, insights, targets and a contact's timeline while they are open."""

from __future__ import annotations

from datetime import timedelta

from infoint_tui.actions.campaign import open_campaign
from infoint_tui.domain.models import Contact, Reminder, ReminderKind, TargetEmployer, TouchKind
from infoint_tui.domain.stages import Stage
from infoint_tui.screens.agenda import AgendaScreen
from infoint_tui.screens.contact import ContactScreen
from infoint_tui.screens.insights import InsightsScreen
from infoint_tui.screens.targets import TargetsScreen

from .helpers import demo_file, running, settle


async def _from_another_program(app, pilot, change) -> None:
    await settle(app, pilot)
    change(open_campaign(app.campaign.path, clock=app.clock))
    assert app.campaign.store.engine.poll()  # what the store's thread does every second
    await pilot.pause()


async def test_the_agenda_shows_a_reminder_added_elsewhere(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("a")
        screen = app.screen
        assert isinstance(screen, AgendaScreen)

        def add(other) -> None:
            ada = other.add_contact(Contact(name="Ada Byron", stage=Stage.IN_TOUCH))
            other.save_reminder(
                Reminder(
                    kind=ReminderKind.CUSTOM,
                    due=clock.now() + timedelta(hours=2),
                    contact_id=ada.id,
                    title="Send Ada the paper",
                )  # fmt: skip
            )

        await _from_another_program(app, pilot, add)
        assert any(item.title == "Send Ada the paper" for item in screen.rows.values())


async def test_insights_and_targets_follow_changes_made_elsewhere(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("s")
        insights = app.screen
        assert isinstance(insights, InsightsScreen) and insights.found is not None
        before = insights.found.funnel.total
        await _from_another_program(app, pilot, lambda o: o.add_contact(Contact(name="Ada")))
        assert insights.found.funnel.total == before + 1
        await pilot.press("escape", "t")
        targets = app.screen
        assert isinstance(targets, TargetsScreen)
        await _from_another_program(
            app, pilot, lambda o: o.save_target(TargetEmployer(company="Initech", motivation=3))
        )
        assert "Initech" in [s.target.company for s in targets.summaries]


async def test_a_contacts_timeline_shows_a_touch_logged_elsewhere(db_path, clock):
    demo_file(db_path, clock)
    async with running(db_path, clock) as (app, pilot):
        await pilot.press("l", "enter")  # Marcus Bell
        screen = app.screen
        assert isinstance(screen, ContactScreen)
        contact_id = screen.contact_id
        await _from_another_program(
            app,
            pilot,
            lambda o: o.log_touch(contact_id, TouchKind.CALL, note="Called back from his desk"),
        )
        assert "Called back from his desk" in str(screen.query_one("#timeline-body").render())
