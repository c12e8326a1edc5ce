"""Import plans: what an import would add, update, leave alone and skip, before anything is written.

Every import goes through the same three steps, so the command line and an in-app preview
behave alike:

    source = read_source(path)                  # formats.source: text, whatever the encoding
    parsed = parse_linkedin(source)             # or parse_vcard / parse_json: pure, no store
    plan = plan_import(Snapshot.of(repo), parsed)
    for line in plan.summary_lines(): ...       # or show plan.added / .updated / .skipped
    outcome = apply_import(repo, plan)          # one repo.batch(): all of it or nothing

`plan_import` is a pure function of a snapshot and the parsed file; it never changes either.
`apply_import` re-checks the plan against the repository as it is then (a preview may have
stayed open while the user typed), so a stale plan still never duplicates nor overwrites.

Rules (see formats.merge for the field-by-field merge):
- The same profile URL or the same email (any of a vCard's emails) is the same person: the
  incoming facts fill that contact's empty fields; what it already holds is kept. Without
  either, the same name and company (or name and phone) is, unless their emails or profile
  URLs differ.
- In an infoint export, the same record id is the same record, and its meetings, reminders and
  touches follow a merged contact to the id it survives under.
- Two rows of one LinkedIn or vCard file for the same person become one contact.
- Importing the same file twice adds and changes nothing the second time.
- A LinkedIn or vCard file that gives someone another company or title is a job change
  (domain.jobs): the new job replaces the old, which goes to their job history.
- People added who look like someone already here (domain.merging.likely_duplicates) are
  listed, with the command that merges them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..domain.copying import clone
from ..domain.dedupe import DuplicateFinder
from ..domain.jobs import apply_move, is_earlier_job, job_move, same_company
from ..domain.merging import likely_duplicates
from ..domain.models import Contact, Settings
from .merge import append_lines, apply_changes, fill_from, merged_changes, same_value
from .parsed import Alternative, Incoming, Parsed, Skipped
from .people import KnownPeople
from .preview import ImportOutcome, ImportPlan, Planned, describe
from .progress import QUIET, Progress, Step
from .snapshot import TABLES, Snapshot

__all__ = [
    "Alternative", "ImportOutcome", "ImportPlan", "Incoming", "Parsed", "Planned", "Skipped",
    "apply_import", "plan_import",
]  # fmt: skip


# -- planning ----------------------------------------------------------------------------------
def plan_import(campaign: Snapshot, parsed: Parsed, progress: Progress = QUIET) -> ImportPlan:
    """Compare what a file holds with the campaign; nothing is changed or written. `progress`
    hears of each contact matched."""
    plan = ImportPlan(
        kind=parsed.kind,
        source=parsed.source,
        skipped=list(parsed.skipped),
        notes=list(parsed.notes),
        exact_ids=parsed.exact_ids,
    )
    contacts = clone(parsed.contacts)
    records = clone(parsed.records)
    for item in [*contacts, *(i for items in records.values() for i in items)]:
        plan.warnings += [Skipped(item.where, warning) for warning in item.warnings]
    id_map = _plan_contacts(
        campaign, contacts, plan, progress.phase("Matching people", len(contacts))
    )
    newcomers = [item.record for item in plan.added if item.table == "contacts"]
    plan.duplicates = likely_duplicates(campaign.contacts, newcomers)
    _plan_records(campaign, records, plan, id_map)
    if parsed.settings is not None:
        _plan_settings(campaign, parsed.settings, plan)
    return plan


def _plan_contacts(
    campaign: Snapshot, items: list[Incoming], plan: ImportPlan, step: Step
) -> dict[str, str]:
    """Decide what each incoming contact is; return incoming id -> the id it will be kept under."""
    by_id = campaign.contact_by_id()
    known_people = KnownPeople(campaign.contacts)
    in_file = KnownPeople()
    id_map: dict[str, str] = {}
    decided: list[tuple[Incoming, Contact | None, str]] = []
    first_seen: dict[str, Incoming] = {}
    for item in items:
        step()
        contact: Contact = item.record
        if plan.exact_ids and contact.id in first_seen:
            plan.skipped.append(
                Skipped(item.where, f"repeats the id of {first_seen[contact.id].where}")
            )
            continue
        first_seen[contact.id] = item
        # The same id is the same record: in an export, and when a parsed file is planned again.
        target: Contact | None = by_id.get(contact.id)
        reason = "same record"
        if target is None and (found := known_people.find(item)) is not None:
            target, reason = found
        if target is None and not plan.exact_ids and (found := in_file.find(item)) is not None:
            target, reason = found[0], f"same person as {first_seen[found[0].id].where}"
        if target is None:
            in_file.add(contact, item.other_emails)
        elif target.id not in by_id:  # a later row of one person: its keys find them too
            in_file.add(contact, item.other_emails, as_id=target.id)
        id_map[contact.id] = target.id if target is not None else contact.id
        decided.append((item, target, reason))
    known = set(by_id) | set(id_map.values())
    for item, target, reason in decided:
        contact = item.record
        if contact.referred_by is not None:
            referrer: str | None = id_map.get(contact.referred_by, contact.referred_by)
            if referrer not in known:
                plan.warnings.append(
                    Skipped(item.where, "its referrer is not in the file; the link was dropped")
                )
                referrer = None
            contact.referred_by = referrer
        _note_alternatives(item, target)
        if target is None:
            plan.added.append(Planned(item.where, "contacts", contact))
        elif target.id in by_id:
            changes = merged_changes(target, contact)
            move = None if plan.exact_ids else job_move(target, contact)
            if move is not None:
                changes.update(company=move.new_company, role=move.new_role)
            elif not plan.exact_ids:
                _note_earlier_job(item, target, plan)
            bucket = plan.updated if changes else plan.present
            bucket.append(
                Planned(
                    item.where, "contacts", contact, target.id, target.name, changes, reason, move
                )
            )
        else:  # the same person as an earlier row of this file: one contact gets both rows' facts
            fill_from(target, contact)
            plan.present.append(
                Planned(item.where, "contacts", contact, target.id, target.name, reason=reason)
            )
    return id_map


def _note_earlier_job(item: Incoming, target: Contact, plan: ImportPlan) -> None:
    incoming: Contact = item.record
    if (
        incoming.company
        and not same_company(incoming.company, target.company)
        and is_earlier_job(target, incoming.company, incoming.role)
    ):
        plan.warnings.append(
            Skipped(
                item.where,
                f"{target.name}: kept {target.company or 'the current job'}; "
                f"{incoming.company} is an earlier job",
            )
        )


_ALTERNATIVE_TITLES = {"email": "email", "phone": "phone", "url": "web address"}


def _note_alternatives(item: Incoming, target: Contact | None) -> None:
    """Write an incoming contact's other emails, phones and web addresses into its notes.

    For a new contact, one line per kind ("Other emails: a (home); b"); for one merged into a
    kept contact, one line per value that contact does not hold yet, in its field or its notes.
    """
    contact: Contact = item.record
    if target is None:
        lines = []
        for kind, title in _ALTERNATIVE_TITLES.items():
            values = [str(alt) for alt in item.alternatives if alt.field == kind]
            if values:
                lines.append(f"Other {title}s: {'; '.join(values)}")
    else:
        lines = [
            f"Other {_ALTERNATIVE_TITLES[alt.field]}: {alt}"
            for alt in item.alternatives
            if alt.value not in target.notes
            and not same_value(alt.field, alt.value, getattr(target, alt.field))
        ]
    if lines:
        contact.notes = append_lines(contact.notes, "\n".join(lines))


# Records found "the same" by content as well as by id: a question's text, a target's company.
_SAME_CONTENT = {
    "questions": lambda q: " ".join(q.text.casefold().split()),
    "targets": lambda t: " ".join(t.company.casefold().split()),
}


def _plan_records(
    campaign: Snapshot, records: dict[str, list[Incoming]], plan: ImportPlan, id_map: dict[str, str]
) -> None:
    contact_ids = set(campaign.contact_by_id()) | set(id_map.values())
    for table in TABLES:
        if table == "contacts" or not records.get(table):
            continue
        existing = {record.id: record for record in campaign.table(table)}
        content_key = _SAME_CONTENT.get(table)
        by_content = {content_key(r): r for r in existing.values()} if content_key else {}
        seen: dict[str, str] = {}
        for item in records[table]:
            record = item.record
            if record.id in seen:
                plan.skipped.append(Skipped(item.where, f"repeats the id of {seen[record.id]}"))
                continue
            seen[record.id] = item.where
            problem = _relink(record, id_map, contact_ids)
            if problem:
                plan.skipped.append(Skipped(item.where, problem))
                continue
            target = existing.get(record.id)
            reason = "same record"
            if target is None and content_key is not None:
                target = by_content.get(content_key(record))
                reason = "same question" if table == "questions" else "same company"
            if target is None:
                plan.added.append(Planned(item.where, table, record))
                continue
            changes = merged_changes(target, record)
            planned = Planned(
                item.where, table, record, target.id, describe(table, target), changes, reason
            )
            (plan.updated if changes else plan.present).append(planned)


def _relink(record: Any, id_map: dict[str, str], contact_ids: set[str]) -> str:
    """Point a record at the contact it will belong to; a reason to skip it if there is none."""
    contact_id = getattr(record, "contact_id", None)
    if contact_id is not None:
        record.contact_id = id_map.get(contact_id, contact_id)
        if record.contact_id not in contact_ids:
            return f"its contact ({contact_id}) is not in the file or the campaign"
    for capture in getattr(record, "log", ()):
        if capture.contact_id is not None:
            capture.contact_id = id_map.get(capture.contact_id, capture.contact_id)
            if capture.contact_id not in contact_ids:
                capture.contact_id = None
    return ""


def _plan_settings(campaign: Snapshot, incoming: Settings, plan: ImportPlan) -> None:
    if campaign.settings == Settings():  # never set: the export's settings are restored whole
        if incoming != campaign.settings:
            plan.settings = clone(incoming)
            plan.settings_changes = ["restored"]
            plan.restores_settings = True
        return
    changes = merged_changes(campaign.settings, incoming)
    if changes:
        plan.settings = clone(campaign.settings)
        apply_changes(plan.settings, changes)
        plan.settings_changes = [name.replace("_", " ") for name in changes]


# -- applying ----------------------------------------------------------------------------------
def apply_import(
    repo: Any, plan: ImportPlan, now: datetime | None = None, progress: Progress = QUIET
) -> ImportOutcome:
    """Write a plan in one batch (one file write; nothing kept if anything fails).

    `repo` is the Repository (typed loosely so formats/ does not import the store); `now`
    dates job changes (default: the repository's clock). Job changes are listed in the outcome:
    the congratulations check-ins are the use case's (actions/imports.py). `progress` hears of
    each record written.
    """
    outcome = ImportOutcome()
    if not plan.changes_anything:
        return outcome
    moment = now or repo.clock.now()
    jobs = None if plan.exact_ids else _JobChanges(moment, f"{plan.kind} from {plan.source}")
    with repo.batch():
        current = {table: {r.id: r for r in repo.records(table)} for table in TABLES}
        finder = DuplicateFinder(current["contacts"].values())
        step = progress.phase("Writing", len(plan.added) + len(plan.updated))
        for item in plan.added:
            step()
            record = clone(item.record)
            target = current[item.table].get(record.id)
            if target is None and item.table == "contacts":
                target = finder.find(record)
            if target is not None:  # appeared since the plan was made: merge, never duplicate
                _update(repo, item.table, target, record, outcome)  # no job change unpreviewed
                continue
            if item.table == "contacts" and not plan.exact_ids:
                repo.add_contact(record)
                finder.add(record)
            else:
                repo.put_record(item.table, record)
            current[item.table][record.id] = record
            outcome.added[item.table] += 1
        for item in plan.updated:
            step()
            target = current[item.table].get(item.target_id or "")
            if target is not None:  # a job change only where the preview showed one
                moving = jobs if item.job_move is not None else None
                _update(repo, item.table, target, clone(item.record), outcome, moving)
        if plan.settings is not None:
            settings = clone(repo.settings)
            if plan.restores_settings and settings == Settings():
                settings = clone(plan.settings)
            else:
                fill_from(settings, plan.settings)
            if settings != repo.settings:
                repo.save_settings(settings)
                outcome.settings_saved = True
    return outcome


class _JobChanges:
    """When and from which file the job changes of an import are learnt."""

    def __init__(self, at: datetime, source: str) -> None:
        self.at, self.source = at, source


def _update(
    repo: Any,
    table: str,
    target: Any,
    incoming: Any,
    outcome: ImportOutcome,
    jobs: _JobChanges | None = None,
) -> None:
    # The job change is judged on the record as it is now, before its empty fields are filled.
    move = job_move(target, incoming) if jobs is not None and table == "contacts" else None
    changes = merged_changes(target, incoming)
    if changes or move is not None:
        apply_changes(target, changes)
        if move is not None and jobs is not None:
            change = apply_move(target, move, jobs.at, jobs.source)
            outcome.job_changes.append((target.id, change))
        repo.put_record(table, target)
        outcome.updated[table] += 1
