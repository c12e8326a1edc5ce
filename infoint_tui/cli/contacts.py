"""`infoint add` and `infoint list`: contacts from the shell."""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Sequence

from . import DataError, UsageError, one_contact, open_campaign


# -- add ---------------------------------------------------------------------------------------
def register_add(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
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
    from ..domain.dedupe import find_duplicate
    from ..domain.models import Contact
    from ..domain.stages import Stage, UnknownStage
    from ..domain.text import clean_text
    from ..domain.validation import InvalidField, check_email, check_line, check_name, check_url

    try:
        stage = Stage.parse(args.stage)
        contact = Contact(
            name=check_name(args.name),
            company=check_line(args.company, "the company"),
            role=check_line(args.role, "the role"),
            email=check_email(clean_text(args.email)),
            phone=check_line(args.phone, "the phone"),
            url=check_url(clean_text(args.url)),
            industry=check_line(args.industry, "the industry"),
            location=check_line(args.location, "the location"),
            source=check_line(args.source, "the source"),
            stage=stage,
            tags=_tags(args.tag),
            notes=clean_text(args.notes, multiline=True),
        )
    except (UnknownStage, InvalidField) as error:
        raise UsageError(str(error)) from None
    campaign = open_campaign(args)
    if args.referred_by:
        contact.referred_by = one_contact(campaign, args.referred_by).id
    duplicate = find_duplicate(campaign.identities(), contact)
    if duplicate is not None:
        raise DataError(
            f"{duplicate.name} ({duplicate.id}) already has that email or profile URL; nothing was added"
        )
    campaign.add_contact(contact)
    print(f"added {contact.name} ({contact.id}) to {contact.stage.label}")
    return 0


def _tags(values: Sequence[str]) -> list[str]:
    """Tags from `--tag a,b --tag c`: a line break or a control character in one is not kept."""
    from ..domain.validation import check_line

    tags: list[str] = []
    for value in values:
        for tag in value.split(","):
            tag = check_line(tag, "a tag")
            if tag and tag not in tags:
                tags.append(tag)
    return tags


# -- list --------------------------------------------------------------------------------------
def register_list(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    listing = commands.add_parser(
        "list", parents=[common], help="list contacts", description="List contacts, by stage."
    )
    listing.add_argument("--stage", default=None, help="only this stage")
    listing.add_argument("--archived", action="store_true", help="list archived contacts instead")
    listing.add_argument(
        "--json", action="store_true", help="print a JSON list (stages by canonical name)"
    )
    listing.set_defaults(run=cmd_list)


def _cells(text: str) -> int:
    """The terminal cells `text` takes: a CJK character or an emoji is two."""
    from rich.cells import cell_len

    return cell_len(text)


def cmd_list(args: argparse.Namespace) -> int:
    import orjson

    from ..domain.stages import Stage, UnknownStage
    from ..domain.text import clean_text

    try:
        stage = Stage.parse(args.stage) if args.stage else None
    except UnknownStage as error:
        raise UsageError(str(error)) from None
    campaign = open_campaign(args, create=False)
    contacts = [
        c for c in campaign.listing(archived=args.archived) if stage is None or c.stage == stage
    ]
    contacts.sort(key=lambda c: (c.stage.order, c.name.casefold()))
    # A name from a file edited by hand can hold control characters: none reach the terminal.
    if args.json:
        rows = [
            {
                "id": c.id, "name": clean_text(c.name), "company": clean_text(c.company),
                "role": clean_text(c.role), "email": clean_text(c.email),
                "phone": clean_text(c.phone), "url": clean_text(c.url), "stage": c.stage.value,
                "tags": [clean_text(tag) for tag in c.tags], "source": clean_text(c.source),
                "archived": c.archived,
            }
            for c in contacts
        ]  # fmt: skip
        print(orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode())
        return 0
    if not contacts:
        print("no contacts" + (f" in {stage.label}" if stage else ""))
        return 0
    lines = []
    for group, grouped in itertools.groupby(contacts, key=lambda c: c.stage):  # sorted by stage
        members = list(grouped)
        lines.append(f"{group.label} ({len(members)})")
        for c in members:
            detail = "  ".join(part for part in (c.role_at_company, c.email) if part)
            name = clean_text(c.name)
            width = len(name) if name.isascii() else _cells(name)
            name += " " * max(0, 28 - width)
            lines.append(f"  {name} {clean_text(detail)}".rstrip())
    print("\n".join(lines))
    return 0
