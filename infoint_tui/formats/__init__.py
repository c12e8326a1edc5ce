"""Import and export: LinkedIn CSV, vCard, JSON, CSV, Markdown, iCalendar."""
