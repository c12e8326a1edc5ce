"""User text shown through content markup comes out as typed, brackets and backslashes included."""

from __future__ import annotations

import itertools

from textual.content import Content

from infoint_tui.widgets.text import escape


def shown(markup: str) -> str:
    return Content.from_markup(markup).plain.replace("\u200b", "")


def test_brackets_that_textual_escape_misses_are_kept():
    for text in ["[Draft] ask about hiring", "[T]", "[$accent]", "[b]", "[/]", "C:\\dir\\"]:
        assert shown(f"[b]{escape(text)}[/b] after") == f"{text} after"


def test_every_short_mix_of_brackets_and_backslashes_comes_out_as_typed():
    for combo in itertools.product(["[", "]", "\\", "a", "T", "/", "$"], repeat=4):
        text = "".join(combo)
        assert shown(f"[b]{escape(text)}[/b]x") == text + "x", text
