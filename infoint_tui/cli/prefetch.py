"""The board worked out by a second process while the first one imports the user interface.

On a 2-core machine, reading the campaign and working out every card's due thing is as long as
importing Textual; done one after the other they add up. `start_prefetch` forks before Textual
is imported: the child reads the file and sends the board's cards down a pipe, and the board
paints from them. The app then opens the campaign itself after its first paint. The child never
writes anything, and if it fails the app opens the file the usual way (whose errors are then
reported), so it can change how soon the board shows, never what it shows.
"""

from __future__ import annotations

import contextlib
import os
import select
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where used: the fork should happen as early as possible
    from ..domain.cards import Card

WAIT_SECONDS = 10.0


class Prefetch:
    def __init__(self, pid: int, fd: int) -> None:
        self.pid, self.fd = pid, fd
        self._result: dict[str, Any] | None = None
        self._done = False

    def result(self, timeout: float = WAIT_SECONDS) -> dict[str, Any] | None:
        """The child's board, or None if it failed or took too long."""
        if self._done:
            return self._result
        self._done = True
        chunks: list[bytes] = []
        deadline = time.monotonic() + timeout
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                ready, _, _ = select.select([self.fd], [], [], left)
                if not ready:
                    continue
                chunk = os.read(self.fd, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
            import orjson

            payload = orjson.loads(b"".join(chunks))
            self._result = payload if isinstance(payload, dict) and "cards" in payload else None
        except Exception:  # a failed prefetch only means the usual, slower start
            self._result = None
            with contextlib.suppress(OSError):
                os.kill(self.pid, 9)
        finally:
            os.close(self.fd)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
        return self._result


def start_prefetch(path: Path) -> Prefetch | None:
    """Fork a child that works out the board from `path`; None where that cannot be done (not
    POSIX, no file yet, INFOINT_NO_PREFETCH set) or should not (an encrypted file: the child
    would have no key, and the passphrase is asked for first)."""
    if os.name != "posix" or os.environ.get("INFOINT_NO_PREFETCH") or not path.is_file():
        return None
    from ..store.crypto import sealed_with

    if sealed_with(path) is not None:
        return None
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the child: work it out, send it, and leave without running any cleanup
        code = 0
        try:
            os.close(read_end)
            import orjson

            data = orjson.dumps(board_payload(path))
            view = memoryview(data)
            while view:
                written = os.write(write_end, view)
                view = view[written:]
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    return Prefetch(pid, read_end)


def board_payload(path: Path) -> dict[str, Any]:
    """The active contacts' cards with their due things worked out (runs in the child)."""
    from ..actions.campaign import open_campaign
    from ..domain.board import build_cards

    campaign = open_campaign(path, create=False, autoflush=False)
    now = campaign.now()
    cards = build_cards(
        campaign.contact_rows(), campaign.reminders(), campaign.meeting_slots(upcoming=True), now
    )
    rows = []
    for card in cards.values():
        row, due = card.row, card.due
        rows.append(
            [
                row.id, row.name, row.role, row.company, list(row.tags), row.stage.value,
                row.notes, due.at.isoformat() if due else None, due.text if due else None,
                due.level if due else None, list(due.shorter) if due else [],
            ]
        )  # fmt: skip
    return {"now": now.isoformat(), "theme": campaign.settings.theme, "cards": rows}


def cards_from(payload: dict[str, Any]) -> dict[str, Card]:
    """The prepared cards, in the app's process."""
    from datetime import datetime

    from ..domain.cards import Card, ContactRow, Due
    from ..domain.stages import BY_VALUE

    now = datetime.fromisoformat(payload["now"])
    cards: dict[str, Card] = {}
    for cid, name, role, company, tags, stage, notes, due_at, text, level, shorter in payload[
        "cards"
    ]:
        row = ContactRow(
            cid, name, role, company, tuple(tags), BY_VALUE[stage], False, notes, "", None
        )
        due = Due(datetime.fromisoformat(due_at), text, level, tuple(shorter)) if due_at else None
        cards[cid] = Card(row, None, now, due)
    return cards
