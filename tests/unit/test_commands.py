"""The palette's "Go to" commands (infoint_tui.commands)."""

from __future__ import annotations

from types import SimpleNamespace

from infoint_tui.domain.models import Contact
from infoint_tui.domain.stages import Stage
from infoint_tui.screens.commands import contact_commands


def test_go_to_names_the_role_and_the_stage_once():
    people = [
        Contact(name="Lena Park", stage=Stage.PROSPECTS),
        Contact(name="Ada Lovelace", role="Research Lead", company="Analytical", archived=True),
    ]
    repo = SimpleNamespace(contacts=lambda archived=None: people)
    app = SimpleNamespace(campaign=repo, go_to_contact=lambda contact_id: None)
    commands = list(contact_commands(app))  # type: ignore[arg-type]
    assert [(c.title, c.help) for c in commands] == [
        ("Go to: Lena Park", "Prospects"),
        ("Go to: Ada Lovelace (archived)", "Research Lead @ Analytical · Prospects"),
    ]
