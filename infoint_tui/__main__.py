"""The `infoint` command line: parse, open the store, run a command or the app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__

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
    from .paths import ENV_VAR, default_db_path

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
    for register in COMMANDS:
        register(commands, common)
    return parser


# -- add ---------------------------------------------------------------------------------------
def _register_add(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    add = commands.add_parser(
        "add",
        parents=[common],
        help="add a contact",
        description="Add a contact to the board (Prospects unless --stage says otherwise).",
    )
    add.add_argument("name", metavar="NAME", help="the contact's full name")
    add.add_argument("--company", default="")
    add.add_argument("--role", default="")
    add.add_argument("--email", default="")
    add.add_argument("--phone", default="")
    add.add_argument("--url", default="", help="LinkedIn or web address")
    add.add_argument("--industry", default="")
    add.add_argument("--location", default="")
    add.add_argument(
        "--source",
        default="",
        help="how you found them: referral, cold, event, alumni, friends & family, other",
    )
    add.add_argument(
        "--referred-by", default="", metavar="NAME_OR_ID", help="the contact who referred you"
    )
    add.add_argument(
        "--stage",
        default="prospects",
        help="prospects, reached-out, scheduled, interviewed, thanked, in-touch",
    )
    add.add_argument("--tag", action="append", default=[], help="a tag (repeat for several)")
    add.add_argument("--notes", default="")
    add.set_defaults(run=cmd_add)


def cmd_add(args: argparse.Namespace) -> int:
    from .domain.dedupe import find_duplicate
    from .domain.models import Contact
    from .domain.stages import Stage, UnknownStage
    from .domain.validation import InvalidField, check_email, check_name, check_url

    try:
        stage = Stage.parse(args.stage)
        contact = Contact(
            name=check_name(args.name),
            company=args.company.strip(),
            role=args.role.strip(),
            email=check_email(args.email),
            phone=args.phone.strip(),
            url=check_url(args.url),
            industry=args.industry.strip(),
            location=args.location.strip(),
            source=args.source.strip(),
            stage=stage,
            tags=_tags(args.tag),
            notes=args.notes,
        )
    except (UnknownStage, InvalidField) as error:
        raise UsageError(str(error)) from None
    repo = _open(args)
    if args.referred_by:
        contact.referred_by = _one_contact(repo, args.referred_by).id
    duplicate = find_duplicate(repo.contacts(archived=None), contact)
    if duplicate is not None:
        raise DataError(
            f"{duplicate.name} ({duplicate.id}) already has that email or profile URL; nothing was added"
        )
    repo.add_contact(contact)
    print(f"added {contact.name} ({contact.id}) to {contact.stage.label}")
    return 0


def _tags(values: Sequence[str]) -> list[str]:
    tags: list[str] = []
    for value in values:
        for tag in value.split(","):
            tag = tag.strip()
            if tag and tag not in tags:
                tags.append(tag)
    return tags


# -- list --------------------------------------------------------------------------------------
def _register_list(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    listing = commands.add_parser(
        "list", parents=[common], help="list contacts", description="List contacts, by stage."
    )
    listing.add_argument("--stage", default=None, help="only this stage")
    listing.add_argument("--archived", action="store_true", help="list archived contacts instead")
    listing.add_argument(
        "--json", action="store_true", help="print a JSON list (stages by canonical name)"
    )
    listing.set_defaults(run=cmd_list)


def cmd_list(args: argparse.Namespace) -> int:
    import json

    from .domain.stages import STAGES, Stage, UnknownStage

    try:
        stage = Stage.parse(args.stage) if args.stage else None
    except UnknownStage as error:
        raise UsageError(str(error)) from None
    repo = _open(args, create=False)
    contacts = [
        c for c in repo.contacts(archived=args.archived) if stage is None or c.stage == stage
    ]
    contacts.sort(key=lambda c: (c.stage.order, c.name.casefold()))
    if args.json:
        rows = [
            {
                "id": c.id, "name": c.name, "company": c.company, "role": c.role, "email": c.email,
                "phone": c.phone, "url": c.url, "stage": c.stage.value, "tags": c.tags,
                "source": c.source, "archived": c.archived,
            }
            for c in contacts
        ]  # fmt: skip
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not contacts:
        print("no contacts" + (f" in {stage.label}" if stage else ""))
        return 0
    for group in STAGES:
        members = [c for c in contacts if c.stage == group]
        if not members:
            continue
        print(f"{group.label} ({len(members)})")
        for c in members:
            detail = "  ".join(part for part in (c.role_at_company, c.email) if part)
            print(f"  {c.name:<28} {detail}".rstrip())
    return 0


# -- shared ------------------------------------------------------------------------------------
def _db_path(args: argparse.Namespace) -> Path:
    from .paths import ensure_default_folder, resolve_db_path

    path, is_default = resolve_db_path(getattr(args, "db", None))
    if is_default:
        ensure_default_folder(path)
    return path


def _open(args: argparse.Namespace, *, create: bool = True):  # noqa: ANN202 - lazy import
    from .store import Repository, StoreError

    try:
        return Repository(_db_path(args), create=create)
    except StoreError as error:
        raise DataError(str(error)) from None


def _one_contact(repo, text: str):  # noqa: ANN001, ANN202
    found = repo.find_contacts(text)
    if not found:
        raise DataError(f"no contact named {text!r}")
    if len(found) > 1:
        ids = ", ".join(c.id for c in found)
        raise DataError(f"{len(found)} contacts are named {text!r} ({ids}); give an id instead")
    return found[0]


def run_app(args: argparse.Namespace) -> int:
    from .launch import launch

    return launch(args)


COMMANDS: list[Callable[[argparse._SubParsersAction, argparse.ArgumentParser], None]] = [
    _register_add,
    _register_list,
]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from .store import StoreError

    try:
        if args.command is None:
            return run_app(args)
        return int(args.run(args))
    except UsageError as error:
        print(f"infoint: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except (DataError, StoreError) as error:
        print(f"infoint: {error}", file=sys.stderr)
        return EXIT_DATA
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
