"""The local zone: dates in it survive the copies the screens make of a contact."""

from __future__ import annotations

import copy
import os
from datetime import datetime

import pytest

from infoint_tui.domain.clock import local_zone
from infoint_tui.domain.models import Contact


@pytest.mark.skipif(not os.path.exists("/etc/localtime"), reason="no /etc/localtime here")
def test_a_contact_due_in_the_zone_of_etc_localtime_can_be_deep_copied(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("TZ", raising=False)
    zone = local_zone()
    due = datetime(2026, 11, 24, 9, 0, tzinfo=zone)
    contact = Contact(name="Sofia Rossi", next_action_due=due)

    copied = copy.deepcopy(contact)  # the contact screen edits a deep copy

    assert copied.next_action_due == due
    assert copied.next_action_due is not None and copied.next_action_due.tzinfo is zone
