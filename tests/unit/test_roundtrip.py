"""Every model survives a save/load round trip unchanged, through the codec and through the file."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime, timedelta, timezone
from enum import Enum
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any, Union

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infoint_tui.actions.campaign import open_campaign
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


def _strategy_for(hint: Any) -> st.SearchStrategy[Any]:
    """Values of every kind a field can hold, optional ones included (None or a value)."""
    origin = typing.get_origin(hint)
    if origin is Union or origin is types.UnionType:
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return st.none() | _strategy_for(inner)
    if origin is list:
        return st.lists(_strategy_for(typing.get_args(hint)[0]), max_size=3)
    if origin is dict:
        return st.dictionaries(text, text, max_size=2)
    if hint is datetime:
        return moments
    if hint is date:
        return st.dates()
    if hint is str:
        return text
    if hint is bool:
        return st.booleans()
    if hint is int:
        return st.integers(-(2**31), 2**31)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return st.sampled_from(list(hint))
    if dataclasses.is_dataclass(hint):
        return records(hint)
    raise AssertionError(f"no strategy for {hint!r}: teach the round-trip test this field type")


def records(cls: Any, **overrides: Any) -> st.SearchStrategy[Any]:
    """`cls` with every field generated, not only the required ones (st.builds would leave
    the fields that have defaults at their defaults, and a codec bug there would go unseen)."""
    hints = typing.get_type_hints(cls)
    fields: dict[str, Any] = {}
    for item in dataclasses.fields(cls):
        if item.name == "extra":
            fields["extra"] = extra
        elif item.name == "id":
            fields["id"] = ids
        else:
            fields[item.name] = _strategy_for(hints[item.name])
    fields.update(overrides)
    return st.builds(cls, **fields)


contacts = records(Contact, referred_by=st.none() | ids)
meetings = records(Meeting, contact_id=ids, notes=st.text(max_size=300))
reminders = records(Reminder, contact_id=st.none() | ids, meeting_id=st.none() | ids)
touches = records(Touch, contact_id=ids)
questions = records(BankQuestion)
targets = records(TargetEmployer)
settings_records = records(Settings)

NESTED = st.one_of(
    *(records(cls) for cls in (StageChange, MeetingQuestion, ChecklistItem, Capture))
)
ANY_RECORD = st.one_of(
    contacts, meetings, reminders, touches, questions, targets, settings_records, NESTED
)


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
        repo = open_campaign(path)
        with repo.batch():
            for item in items:
                repo.put_record(TABLE_OF[type(item)], item)
            repo.save_settings(settings_record)
        reopened = open_campaign(path)
        for item in items:
            stored = {r.id: r for r in reopened.records(TABLE_OF[type(item)])}
            assert stored[item.id] == item
        assert reopened.settings == settings_record
