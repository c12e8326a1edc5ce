"""formats/ never imports Textual, its parsers need no store, and every format is reachable."""

import subprocess
import sys
from datetime import datetime, timezone

import pytest

from infoint_tui.cli import transfer
from infoint_tui.formats import (
    EXPORT_KINDS,
    EXPORT_SUFFIXES,
    IMPORT_KINDS,
    parse_import,
    render_export,
)
from infoint_tui.formats.snapshot import Snapshot
from infoint_tui.formats.source import Source

MODULES = (
    "source, snapshot, merge, parsed, intake, people, preview, plan, linkedin, vcard, jsonfile, "
    "csvfile, markdown, ics, vcard_export, invitations, invitation_plan"
)


def _modules_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_formats_import_neither_textual_nor_the_store():
    mods = _modules_after(f"from infoint_tui.formats import {MODULES}")
    assert "textual" not in mods
    assert "tinydb" not in mods and "infoint_tui.store" not in mods


def test_the_command_line_offers_every_format():
    assert transfer.IMPORT_KINDS == IMPORT_KINDS and transfer.EXPORT_KINDS == EXPORT_KINDS
    assert set(EXPORT_SUFFIXES) == set(EXPORT_KINDS)
    for kind in EXPORT_KINDS:
        data = render_export(kind, Snapshot(), datetime(2026, 1, 1, tzinfo=timezone.utc))
        assert data or kind == "vcard"  # no contacts: no cards


def test_unknown_kinds_are_refused():
    with pytest.raises(ValueError, match="unknown import format 'outlook'"):
        parse_import("outlook", Source("x", "text"))
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        render_export("pdf", Snapshot(), datetime(2026, 1, 1, tzinfo=timezone.utc))


def test_the_export_reader_knows_the_stores_schema():
    from infoint_tui.formats.jsonfile import DATA_SCHEMA
    from infoint_tui.store.schema import SCHEMA_VERSION

    assert DATA_SCHEMA == SCHEMA_VERSION  # bump both, and teach parse_json the migration
