"""A TextArea for a message draft that can mark words in the text (the request checker's hits).

TextArea draws syntax highlights from `_highlights` (line -> byte ranges -> style name); with
no language set, nothing else fills it, so the marks set here are the only highlights.
Marks are dropped as soon as the text changes, until the checker has run on the new text.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.style import Style
from textual.widgets import TextArea
from textual.widgets.text_area import TextAreaTheme

MARK = "infoint-offending"
THEME = TextAreaTheme(
    name="infoint-draft",
    syntax_styles={MARK: Style(color="#ff8a80", bold=True, underline=True)},
)


class DraftArea(TextArea):
    """The draft being written; `mark(spans)` underlines the words at those offsets."""

    def __init__(self, text: str = "", *, id: str | None = None) -> None:
        super().__init__(text, id=id, soft_wrap=True, tab_behavior="focus")
        self.register_theme(THEME)
        self.theme = THEME.name
        self._spans: list[tuple[int, int]] = []
        self._marked_text: str | None = None

    def mark(self, spans: Iterable[tuple[int, int]]) -> None:
        """Underline these (start, end) character offsets of the current text."""
        self._spans = sorted(spans)
        self._marked_text = self.text
        self._build_highlight_map()
        self.refresh()

    @property
    def marked(self) -> list[str]:
        """The words marked now (for tests and the screen)."""
        text = self.text
        if text != self._marked_text:
            return []
        return [text[start:end] for start, end in self._spans]

    def _build_highlight_map(self) -> None:
        self._line_cache.clear()
        highlights = self._highlights
        highlights.clear()
        marked_text = getattr(self, "_marked_text", None)
        if not getattr(self, "_spans", None) or marked_text is None:
            return
        if self.document.text != marked_text:
            return  # the text changed since the check: wait for the next one
        lines = marked_text.split("\n")
        starts = []
        offset = 0
        for line in lines:
            starts.append(offset)
            offset += len(line) + 1
        for start, end in self._spans:
            for row, line_start in enumerate(starts):
                line = lines[row]
                line_end = line_start + len(line)
                if end <= line_start or start > line_end:
                    continue
                first = max(start, line_start) - line_start
                last = min(end, line_end) - line_start
                if last <= first:
                    continue
                first_byte = len(line[:first].encode("utf-8"))
                last_byte = len(line[:last].encode("utf-8"))
                highlights[row].append((first_byte, last_byte, MARK))
