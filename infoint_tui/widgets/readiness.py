"""The readiness meter: a bar and the breakdown by group, as content markup."""

from __future__ import annotations

from ..domain.prep import GroupReadiness, Readiness
from .text import escape


def bar(fraction: float, width: int = 12) -> str:
    """A bar of `width` cells, filled to `fraction`, coloured by how far along it is."""
    filled = round(max(0.0, min(1.0, fraction)) * width)
    colour = "$success" if fraction >= 1 else "$warning" if fraction >= 0.5 else "$error"
    return f"[{colour}]{'█' * filled}[/][$panel-lighten-2]{'░' * (width - filled)}[/]"


def group_label(group: GroupReadiness) -> str:
    mark = "[$success]✓[/]" if group.complete else f"{group.done}/{group.total}"
    return f"{group.group.label} {mark}"


def meter_line(report: Readiness, width: int = 12) -> str:
    """ "Ready ████████░░░░ 64% · Research ✓ · Plan 2/4 · Logistics 0/2"."""
    head = f"[b]Ready[/] {bar(report.fraction, width)} [b]{report.percent}%[/]"
    if report.ready:
        head += " [$success b]all set[/]"
    groups = " · ".join(group_label(g) for g in report.groups)
    return f"{head}  [dim]·[/] {groups}"


def missing_line(report: Readiness) -> str:
    """What is still missing, in words, or that nothing is."""
    missing = report.missing
    if not missing:
        return "[$success]Nothing missing: you are ready for this conversation.[/]"
    return "[dim]Missing:[/] " + escape(", ".join(missing))
