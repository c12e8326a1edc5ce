"""The `infoint` command line: parse, open the store, run a command or the app.

Each command lives in a module of this package with a `register(commands, common)` function;
`COMMANDS` lists them in the order `--help` shows them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from .. import __version__

if TYPE_CHECKING:
    from ..actions.campaign import Campaign
    from ..domain.models import Contact

EXIT_DATA = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A bad argument: exit 2."""


class DataError(Exception):
    """A problem with the data or a file: exit 1."""


class _Parser(argparse.ArgumentParser):
    """argparse, but errors are one line on stderr and exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _db_help() -> str:
    from ..paths import ENV_VAR, default_db_path

    return f"the data file (default: {default_db_path()}; or set {ENV_VAR})"


def build_parser() -> argparse.ArgumentParser:
    db_help = _db_help()
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    parser = _Parser(
        prog="infoint",
        description="Run a campaign of informational interviews: a kanban of contacts, prep, "
        "live notes during the call, and follow-up. Without a command, opens the app.",
        epilog="Every command has --help. Exit status: 0 ok, 1 a data or file problem, 2 bad usage.",
    )
    parser.add_argument("--db", metavar="PATH", default=None, help=db_help)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a fresh demo campaign in a temporary file (never your data)",
    )
    parser.add_argument("--version", action="version", version=f"infoint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for register in _commands():
        register(commands, common)
    return parser


# -- shared ------------------------------------------------------------------------------------
def db_path(args: argparse.Namespace) -> Path:
    from ..paths import ensure_default_folder, resolve_db_path

    path, is_default = resolve_db_path(getattr(args, "db", None))
    if is_default:
        ensure_default_folder(path)
    return path


def open_campaign(args: argparse.Namespace, *, create: bool = True) -> Campaign:
    """The campaign for a command (records are decoded only as the command uses them); the
    passphrase of an encrypted one is asked for when it is not in the environment or keyring."""
    from ..actions.errors import StoreError
    from .encryption import open_asking

    try:
        return open_asking(db_path(args), create=create)
    except StoreError as error:
        raise DataError(str(error)) from None


def one_contact(campaign: Campaign, text: str) -> Contact:
    found = campaign.find_contacts(text)
    if not found:
        raise DataError(f"no contact named {text!r}")
    if len(found) > 1:
        ids = ", ".join(c.id for c in found)
        raise DataError(f"{len(found)} contacts are named {text!r} ({ids}); give an id instead")
    return found[0]


def run_app(args: argparse.Namespace) -> int:
    path = None if args.demo else db_path(args)
    prefetch = None
    if path is not None and sys.stdout.isatty():
        from .prefetch import start_prefetch

        prefetch = start_prefetch(path)  # before Textual is imported: the board is ready sooner
    from .launch import launch

    return launch(args, path, prefetch)


def _commands() -> list[Callable[[argparse._SubParsersAction, argparse.ArgumentParser], None]]:
    from . import agenda, backups, contacts, draft, encryption, merge, transfer

    return [
        contacts.register_add,
        contacts.register_list,
        agenda.register_agenda,
        draft.register_draft,
        transfer.register_import,
        transfer.register_export,
        backups.register_backups,
        merge.register_merge,
        encryption.register_encrypt,
        encryption.register_decrypt,
    ]


def _one_line(error: Exception) -> str:
    """An error for the terminal: a name or path it quotes may hold control characters."""
    from ..domain.text import clean_text

    return clean_text(str(error))


def main(argv: Sequence[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    args = build_parser().parse_args(given)
    from ..actions.errors import StoreError

    try:
        if args.command is None:
            return run_app(args)
        return int(args.run(args))
    except UsageError as error:
        print(f"infoint: error: {_one_line(error)}", file=sys.stderr)
        return EXIT_USAGE
    except (DataError, StoreError) as error:
        print(f"infoint: {_one_line(error)}", file=sys.stderr)
        return EXIT_DATA
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
