"""Style sheets loaded after start-up, with the first screen that needs them."""

from pathlib import Path

# Forms and dialogs: parsing them at start-up would delay the board's first paint.
FORMS_CSS = str(Path(__file__).with_name("forms.tcss"))
