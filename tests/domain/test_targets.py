"""Target employers: ranking, company matching, counts per target, the few worked now."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infoint_tui.domain.models import Contact, Meeting, TargetEmployer
from infoint_tui.domain.stages import Stage
from infoint_tui.domain.targets import (
    active_advice,
    check_motivation,
    check_new_target,
    company_key,
    contacts_at,
    find_target,
    focus_list,
    rank_targets,
    same_company,
    suggest_active,
    summarize_targets,
    target_for,
    unlinked_companies,
    worked_now,
)
from tests.conftest import NOW


def _t(company: str, motivation: int = 2, **flags) -> TargetEmployer:
    return TargetEmployer(company=company, motivation=motivation, **flags)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Acme", "ACME, Inc."),
        ("Acme Inc", "acme"),
        ("Northwind Health Ltd", "Northwind Health"),
        ("Foo & Bar", "foo and bar"),
        ("The Home Depot", "Home Depot"),
        ("Société Générale S.A.", "Societe Generale"),
        ("Fabrikam LLC.", "  fabrikam  "),
        ("Contoso Corp.", "Contoso Corporation"),
    ],
)
def test_the_same_company_however_it_is_written(a, b):
    assert same_company(a, b)


@pytest.mark.parametrize(
    ("a", "b"), [("Acme", "Acme Health"), ("Northwind", "Northwind Health"), ("", "")]
)
def test_different_companies_stay_different(a, b):
    assert not same_company(a, b)


def test_a_name_made_only_of_a_suffix_is_kept():
    assert company_key("Company") == "company"
    assert company_key("The") == "the"


@given(st.text())
def test_company_key_is_idempotent(name):
    key = company_key(name)
    assert company_key(key) == key


@given(st.from_regex(r"[A-Za-z][A-Za-z ]{0,20}", fullmatch=True), st.sampled_from(
    [" Inc.", ", Inc", " Ltd", " LLC", " plc", " GmbH", " Corp."]
))  # fmt: skip
def test_company_key_ignores_case_and_legal_suffixes(name, suffix):
    assert company_key(name.upper() + suffix) == company_key(name.lower())


def test_ranking_is_motivation_then_connection_then_openings():
    targets = [
        _t("Zeta", 2),
        _t("Alpha", 2, posts_openings=True),
        _t("Beta", 2, has_connection=True),
        _t("Gamma", 3),
        _t("Delta", 1, has_connection=True, posts_openings=True),
        _t("Epsilon", 2, has_connection=True, posts_openings=True),
    ]
    assert [t.company for t in rank_targets(targets)] == [
        "Gamma",
        "Epsilon",
        "Beta",
        "Alpha",
        "Zeta",
        "Delta",
    ]


def test_check_motivation_and_new_targets():
    assert check_motivation("3") == 3 and check_motivation(1) == 1
    for bad in (0, 4, "high", ""):
        with pytest.raises(ValueError, match="motivation is 1"):
            check_motivation(bad)
    targets = [_t("Acme, Inc.")]
    assert check_new_target(targets, "  Northwind   Health ") == "Northwind Health"
    with pytest.raises(ValueError, match="Acme, Inc. is already on the target list"):
        check_new_target(targets, "ACME")
    assert check_new_target(targets, "Acme Ltd", editing=targets[0].id) == "Acme Ltd"
    with pytest.raises(ValueError, match="needs a company name"):
        check_new_target(targets, " , ")


def test_contacts_belong_to_a_target_by_company():
    acme = _t("Acme Inc.")
    ann = Contact(name="Ann", company="ACME")
    bob = Contact(name="Bob", company="Acme Health")
    assert contacts_at(acme, [ann, bob]) == [ann]
    assert target_for(ann, [acme]) is acme and target_for(bob, [acme]) is None
    assert find_target([acme], "") is None


def test_summaries_count_contacts_conversations_and_upcoming_meetings():
    acme, north = _t("Acme", 2), _t("Northwind Health", 3)
    ann = Contact(name="Ann", company="acme inc", stage=Stage.IN_TOUCH)
    bob = Contact(name="Bob", company="Acme", stage=Stage.SCHEDULED)
    cy = Contact(name="Cy", company="ACME", stage=Stage.INTERVIEWED)  # moved by hand, no meeting
    gone = Contact(name="Dee", company="Acme", stage=Stage.THANKED, archived=True)
    eve = Contact(name="Eve", company="Northwind Health")
    meetings = [
        Meeting(
            contact_id=ann.id, when=NOW - timedelta(days=40), ended_at=NOW - timedelta(days=40)
        ),
        Meeting(contact_id=ann.id, when=NOW - timedelta(days=5), ended_at=NOW - timedelta(days=5)),
        Meeting(contact_id=bob.id, when=NOW + timedelta(days=2)),
        Meeting(contact_id=gone.id, when=NOW - timedelta(days=9), ended_at=NOW - timedelta(days=9)),
        Meeting(contact_id=eve.id, when=NOW - timedelta(days=1)),  # missed, never held
    ]
    first, second = summarize_targets([acme, north], [ann, bob, cy, gone, eve], meetings, now=NOW)
    assert (first.target, first.rank, second.target, second.rank) == (north, 1, acme, 2)
    assert second.contact_count == 3 and gone not in second.contacts
    assert second.conversations == 4  # Ann twice, Cy once, Dee (archived) once
    assert second.upcoming == 1
    assert second.connected and not first.connected
    assert second.by_stage == {Stage.IN_TOUCH: 1, Stage.SCHEDULED: 1, Stage.INTERVIEWED: 1}
    assert (first.contact_count, first.conversations, first.upcoming) == (1, 0, 0)
    assert first.motivation_label == "dream employer"


def test_a_contact_i_have_met_counts_as_a_connection_in_the_ranking():
    plain = _t("Plain", 2, has_connection=True)
    met = _t("Met", 2)
    people = [Contact(name="Ann", company="Met", stage=Stage.THANKED)]
    summaries = summarize_targets([plain, met], people, [])
    assert [s.target.company for s in summaries] == ["Met", "Plain"]


def test_unlinked_companies_suggest_new_targets():
    targets = [_t("Acme")]
    people = [
        Contact(name="A", company="Acme Inc"),
        Contact(name="B", company="Fabrikam"),
        Contact(name="C", company="Fabrikam, Inc."),
        Contact(name="D", company="fabrikam"),
        Contact(name="E", company="Litware"),
        Contact(name="F", company=""),
        Contact(name="G", company="Gone Ltd", archived=True),
    ]
    assert unlinked_companies(people, targets) == [("Fabrikam", 3), ("Litware", 1)]


def test_the_few_worked_now():
    targets = [_t(f"T{n}", motivation=1 + n % 3) for n in range(8)]
    chosen, suggested = focus_list(targets)
    assert suggested and len(chosen) == 5
    assert chosen == rank_targets(targets)[:5] == suggest_active(targets)
    targets[0].active = targets[7].active = True
    chosen, suggested = focus_list(targets)
    assert not suggested and chosen == rank_targets([targets[0], targets[7]])
    assert worked_now(targets) == chosen
    assert suggest_active(targets) == []
    assert [t.company for t in suggest_active([_t("B"), _t("A")], n=1)] == ["A"]
    assert active_advice(targets) == ""
    for target in targets:
        target.active = True
    assert active_advice(targets).startswith("8 targets are being worked at once")
    assert focus_list([]) == ([], True)
