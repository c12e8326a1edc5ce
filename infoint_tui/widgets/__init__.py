"""Reusable pieces of the screens."""

from pathlib import Path

# The look of forms and dialogs, loaded with the first screen that needs it: parsing it at
# start-up would delay the board's first paint.
FORMS_CSS = str(Path(__file__).with_name("forms.tcss"))
