"""The cached Encoder writes exactly the JSON of the snapshot, whatever changed in between."""

from __future__ import annotations

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from infoint_tui.store import storage
from infoint_tui.store.storage import Encoder

# Steps on one table of a TinyDB-like snapshot: replace a document, add one, remove one.
steps = st.lists(
    st.tuples(
        st.sampled_from(["put", "insert", "delete", "other-table", "nothing"]),
        st.integers(min_value=0, max_value=400),
        st.text(max_size=5),
    ),
    max_size=25,
)


def _encode(encoder: Encoder, snapshot: dict) -> bytes:
    return b"".join(encoder.chunks(dict(snapshot)))


@settings(max_examples=60, deadline=None)
@given(steps=steps, size=st.integers(min_value=0, max_value=300))
def test_cached_encoding_equals_a_fresh_dump(steps, size):
    data: dict = {
        "meta": {"1": {"schema": 1}},
        "meetings": {str(i): {"id": f"m{i}", "notes": "x" * (i % 7)} for i in range(1, size + 1)},
    }
    encoder = Encoder()
    assert orjson.loads(_encode(encoder, data)) == data
    next_id = size + 1
    for action, number, text in steps:
        table = dict(data["meetings"])  # like TinyDB: a new table dict on every change
        keys = list(table)
        if action == "put" and keys:
            key = keys[number % len(keys)]
            table[key] = {"id": table[key]["id"], "notes": text}
        elif action == "insert":
            table[str(next_id)] = {"id": f"m{next_id}", "notes": text}
            next_id += 1
        elif action == "delete" and keys:
            del table[keys[number % len(keys)]]
        elif action == "other-table":
            data["meta"] = {"1": {"schema": 1, "note": text}}
            continue
        elif action == "nothing":
            pass
        data["meetings"] = table
        written = _encode(encoder, data)
        assert written == orjson.dumps(data)


def test_small_blocks_too(monkeypatch):
    monkeypatch.setattr(storage, "BLOCK_SIZE", 2)
    data = {"t": {str(i): {"v": i} for i in range(1, 8)}}
    encoder = Encoder()
    assert _encode(encoder, data) == orjson.dumps(data)
    table = dict(data["t"])
    del table["2"]  # every later document moves to another block
    table["5"] = {"v": "changed"}
    data["t"] = table
    assert _encode(encoder, data) == orjson.dumps(data)
    assert _encode(Encoder(), {}) == b"{}"
