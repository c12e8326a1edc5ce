"""User text inside Markdown (the journal export, a brief): read as typed, never as markup.

A name holding a line break, a `#`, a backtick or `<script>` stays inside its heading as text;
raw HTML never reaches the reader's renderer. Free text keeps the user's own light Markdown
(lists, emphasis) but no line of it can open a heading, a code fence or HTML.
"""

from __future__ import annotations

import re

from .text import clean_text

# Characters that make inline Markdown (emphasis, code, links, headings' closing #s) or HTML.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]#])")
# An "&" that would start an entity (&lt; &#60;): written as &amp; so it reads as typed.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What makes a block when it starts a line: a list item, a quote, a setext underline, a
# numbered item ("1." or "1)").
_LINE_START = re.compile(r"^([-+>=]|\d+(?=[.)]))")
_SETEXT_OR_FENCE = re.compile(r"^(\s*)([=\-]+\s*$|`{3,}|~{3,})")
_HEADING = re.compile(r"^(\s{0,3})#")
_PLAIN_URL = re.compile(r"^https?://[^\s<>`\\]+$")


def inline(text: str) -> str:
    """One-line text made safe to put anywhere in a line: a heading, a list item, a line's start."""
    escaped = _html(_INLINE_SPECIAL.sub(r"\\\1", clean_text(text).strip()))
    return _LINE_START.sub(_escape_start, escaped, count=1)


def _escape_start(match: re.Match[str]) -> str:
    """A backslash before `-` or `>`; a number keeps its digits and has its dot escaped."""
    mark = match.group(1)
    return mark + "\\" if mark[0].isdigit() else "\\" + mark


def _html(text: str) -> str:
    return _ENTITY.sub("&amp;", text).replace("<", "&lt;")


def url_text(text: str) -> str:
    """A web address as a link when it is a plain one, else as escaped text."""
    value = clean_text(text).strip()
    return f"<{value}>" if _PLAIN_URL.match(value) else inline(value)


def block_line(line: str) -> str:
    """One line of free text (notes, research) made safe as a line of a paragraph or quote."""
    line = _html(clean_text(line))
    line = _HEADING.sub(r"\1\\#", line, count=1)
    return _SETEXT_OR_FENCE.sub(r"\1\\\2", line, count=1)
