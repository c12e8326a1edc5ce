"""User text inside Textual content markup, shown as typed."""


def escape(text: str) -> str:
    """`text` escaped for content markup. Textual's own `escape` only escapes brackets that
    open like a lowercase tag, yet its parser also takes "[Draft]", "[T]" or "[$accent]" for
    styles and drops them: here every opening bracket is escaped."""
    escaped = text.replace("[", "\\[")
    # A backslash just before the closing tag would escape it; a zero-width space keeps them apart.
    return escaped + "\u200b" if escaped.endswith("\\") else escaped
