"""When Python's garbage collector may pause the app, so typing never stutters.

A full collection scans every object the app holds: 70-270 ms with 1,000 contacts, their
meetings and the board in memory (benchmarks/bench_live_notes.py), a visible stall in the
middle of a sentence. Two measures:

- `freeze_loaded_data()` once the file is loaded: those objects live as long as the app,
  so full collections skip them (they are still freed by reference counting);
- `hold_full_collections()` while live notes are open: the young generations are collected
  as usual, the full collection waits until `release_full_collections()`.
"""

from __future__ import annotations

import gc

FULL_COLLECTION_HELD = 1_000_000_000  # young collections before a full one: never, in practice
_held: list[tuple[int, int, int]] = []  # the thresholds to restore, one entry per holder


def freeze_loaded_data() -> None:
    gc.freeze()


def hold_full_collections() -> None:
    if not _held:
        young, middle, full = gc.get_threshold()
        _held.append((young, middle, full))
        gc.set_threshold(young, middle, FULL_COLLECTION_HELD)
    else:
        _held.append(_held[-1])


def release_full_collections() -> None:
    if _held:
        thresholds = _held.pop()
        if not _held:
            gc.set_threshold(*thresholds)
