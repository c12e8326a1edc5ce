"""The collector's freezes around live notes (infoint_tui.gc_policy)."""

from __future__ import annotations

import gc
import sys

from infoint_tui import gc_policy


def test_a_save_while_typing_freezes_what_it_made_and_closing_gives_it_back():
    gc.unfreeze()
    try:
        gc_policy.refreeze_while_typing()
        assert gc.get_freeze_count() == 0  # no live notes open: the collector is left alone
        gc_policy.freeze_for_typing()
        made_by_a_save = [{"notes": [str(n)]} for n in range(1000)]  # e.g. the notes parsed
        before = gc.get_freeze_count()
        gc_policy.refreeze_while_typing()
        assert gc.get_freeze_count() >= before + len(made_by_a_save)
        gc_policy.thaw_after_typing()
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
        gc_policy._typing = 0


def test_while_typing_the_writer_thread_hands_the_gil_back_within_a_millisecond():
    before = sys.getswitchinterval()
    try:
        gc_policy.freeze_for_typing()
        gc_policy.freeze_for_typing()  # a second live notes screen (e.g. reopened)
        assert sys.getswitchinterval() == gc_policy.TYPING_SWITCH_INTERVAL
        gc_policy.thaw_after_typing()
        assert sys.getswitchinterval() == gc_policy.TYPING_SWITCH_INTERVAL  # one still open
        gc_policy.thaw_after_typing()
        assert sys.getswitchinterval() == before
    finally:
        sys.setswitchinterval(before)
        gc.unfreeze()
        gc_policy._typing = 0
