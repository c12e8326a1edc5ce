"""Every model survives a save/load round trip unchanged, through the codec and through the file."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infoint_tui.domain.codec import from_dict, to_dict
from infoint_tui.domain.models import (
    BankQuestion,
    Capture,
    ChecklistItem,
    Contact,
    Meeting,
    MeetingQuestion,
    Reminder,
    Settings,
    StageChange,
    TargetEmployer,
    Touch,
)
from infoint_tui.store import Repository

zones = st.sampled_from(
    [timezone.utc, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-8))]
)
moments = st.builds(
    lambda dt, zone: dt.replace(tzinfo=zone),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)),
    zones,
)
text = st.text(max_size=40)
ids = st.text(alphabet="0123456789abcdef", min_size=12, max_size=12)
# JSON integers within 64 bits: what orjson reads back exactly (our own fields are all small).
extra = st.dictionaries(
    st.sampled_from(["future_field", "x_custom"]),
    st.integers(-(2**63), 2**63 - 1) | text,
    max_size=2,
)


def records(cls, **overrides):
    return st.builds(cls, **overrides)


stage_changes = records(StageChange, at=moments)
contacts = records(
    Contact,
    id=ids,
    name=text,
    tags=st.lists(text, max_size=3),
    history=st.lists(stage_changes, max_size=3),
    created_at=st.none() | moments,
    last_contact=st.none() | moments,
    next_action_due=st.none() | moments,
    archived_at=st.none() | moments,
    cadence_weeks=st.none() | st.integers(1, 52),
    extra=extra,
)
meetings = records(
    Meeting,
    id=ids,
    contact_id=ids,
    when=st.none() | moments,
    questions=st.lists(records(MeetingQuestion, text=text, answer=text), max_size=3),
    checklist=st.lists(records(ChecklistItem, text=text), max_size=3),
    log=st.lists(records(Capture, at=moments, text=text), max_size=3),
    notes=st.text(max_size=300),
    started_at=st.none() | moments,
    ended_at=st.none() | moments,
    extra=extra,
)
reminders = records(
    Reminder,
    id=ids,
    due=moments,
    done_at=st.none() | moments,
    snoozed_until=st.none() | moments,
    extra=extra,
)
touches = records(Touch, id=ids, contact_id=ids, at=moments, note=text, extra=extra)
questions = records(BankQuestion, id=ids, text=text, why=text, extra=extra)
targets = records(TargetEmployer, id=ids, company=text, motivation=st.integers(1, 3), extra=extra)
settings_records = records(
    Settings, my_name=text, pitch=text, default_cadence_weeks=st.integers(1, 52), extra=extra
)

ANY_RECORD = st.one_of(contacts, meetings, reminders, touches, questions, targets, settings_records)


@given(ANY_RECORD)
def test_codec_round_trip(record):
    assert from_dict(type(record), to_dict(record)) == record


TABLE_OF = {
    Contact: "contacts",
    Meeting: "meetings",
    Reminder: "reminders",
    Touch: "touches",
    BankQuestion: "questions",
    TargetEmployer: "targets",
}


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(contacts, meetings, reminders, touches, questions, targets),
        max_size=6,
        unique_by=lambda r: (type(r), r.id),
    ),
    settings_records,
)
def test_file_round_trip(items, settings_record):
    with TemporaryDirectory() as folder:
        path = Path(folder) / "rt.json"
        repo = Repository(path)
        with repo.batch():
            for item in items:
                repo.put_record(TABLE_OF[type(item)], item)
            repo.save_settings(settings_record)
        reopened = Repository(path)
        for item in items:
            stored = {r.id: r for r in reopened.records(TABLE_OF[type(item)])}
            assert stored[item.id] == item
        assert reopened.settings == settings_record
