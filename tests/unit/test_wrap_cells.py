"""Wrapping shown text by terminal cells: CJK characters and emoji are two cells wide."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from infoint_tui.widgets.text import wrap


def test_cjk_text_wraps_to_the_width_in_cells_not_characters():
    lines = wrap("田中さんの研究チームについて詳しく教えてください", 20)
    assert lines == ["田中さんの研究チーム", "について詳しく教えて", "ください"]
    assert all(cell_len(line) <= 20 for line in lines)


def test_words_wrap_at_spaces_with_a_hanging_indent():
    assert wrap("Research their background and accomplishments", 20, "", "    ") == [
        "Research their",
        "    background and",
        "    accomplishments",
    ]


def test_emoji_count_two_cells():
    lines = wrap("🚀🚀🚀 launch plan", 6)
    assert lines == ["🚀🚀🚀", "launch", "plan"]


@given(
    st.text(alphabet=st.sampled_from("ab 田中🚀é"), max_size=60),
    st.integers(min_value=4, max_value=30),
)
def test_no_line_is_wider_than_asked_and_no_word_is_lost(text, width):
    lines = wrap(text, width, "", "  ")
    assert all(cell_len(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())
