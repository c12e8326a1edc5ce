"""A row of radio buttons whose cursor starts on the chosen one, not on the first."""

from __future__ import annotations

from textual.widgets import RadioButton, RadioSet


class Choice(RadioSet):
    """RadioSet puts its cursor on the first button at mount; here it starts on the value,
    so the highlighted button and the chosen one agree."""

    def on_mount(self) -> None:
        # RadioSet's own mount handler runs after this one (handlers go down the class
        # hierarchy), so the cursor is set once mounting is over.
        self.call_after_refresh(self._cursor_to_value)

    def _cursor_to_value(self) -> None:
        # From the first enabled button, where mounting left the cursor, one step per enabled
        # button before the chosen one (RadioSet's own action: no private attribute).
        buttons = list(self.query(RadioButton))
        steps = sum(1 for button in buttons[: max(0, self.pressed_index)] if not button.disabled)
        for _ in range(steps):
            self.action_next_button()
