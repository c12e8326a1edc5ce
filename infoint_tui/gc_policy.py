"""When Python's garbage collector may pause the app, so typing never stutters.

A full collection scans every object the app holds: 70-290 ms with 1,000 contacts, their
meetings and the board in memory (tests/benchmarks/bench_live_notes.py), a visible stall in the
middle of a sentence. `gc.freeze()` moves every object alive now out of the collector's
scans (they are still freed by reference counting as usual), so later full collections only
look at what was made since, which is little:

- `freeze_loaded_data()` once the file is loaded: that data lives as long as the app;
- `freeze_for_typing()` when live notes open, with the board and the screen built, and
  `thaw_after_typing()` when they close: the frozen objects go back to the collector, so
  whatever of them became garbage meanwhile (the closed screen) is still collected, later;
- `refreeze_while_typing()` after each save while live notes are open: the first save parses
  the meetings' notes, put off at start-up (thousands of objects that full collections in the
  writer thread then rescanned, 8-30 ms each, holding the lock the typing thread waits for).

While live notes are open the interpreter's switch interval is also 1 ms rather than 5: when the
writer thread holds the GIL (encoding what changed), the event loop gets it back within 1 ms.
In bench_live_notes' "saves" mode the loop's longest stall went from about 6 ms to under 5.
"""

from __future__ import annotations

import gc
import sys
import threading

TYPING_SWITCH_INTERVAL = 0.001
_lock = threading.Lock()  # refreeze runs in the writer thread, thaw in the UI thread
_typing = 0  # live notes screens open
_switch_interval = 0.005  # the interpreter's, put back when typing ends


def freeze_loaded_data() -> None:
    gc.freeze()


def freeze_for_typing() -> None:
    global _typing, _switch_interval
    with _lock:
        if not _typing:
            _switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(TYPING_SWITCH_INTERVAL)
        _typing += 1
        gc.freeze()


def thaw_after_typing() -> None:
    global _typing
    with _lock:
        if _typing:
            _typing -= 1
            if not _typing:
                gc.unfreeze()
                sys.setswitchinterval(_switch_interval)


def refreeze_while_typing() -> None:
    with _lock:  # not between a thaw's check and its unfreeze: nothing stays frozen for good
        if _typing:
            gc.freeze()
