import pytest

from infoint_tui.domain.stages import STAGES, Stage, UnknownStage


def test_six_stages_in_pipeline_order():
    assert [s.value for s in STAGES] == [
        "prospects", "reached-out", "scheduled", "interviewed", "thanked", "in-touch",
    ]  # fmt: skip
    assert [s.label for s in STAGES] == [
        "Prospects", "Reached out", "Scheduled", "Interviewed", "Thanked", "In touch",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text, stage",
    [
        ("reached-out", Stage.REACHED_OUT),
        ("Reached out", Stage.REACHED_OUT),
        ("REACHED OUT", Stage.REACHED_OUT),
        ("reached_out", Stage.REACHED_OUT),
        (" In touch ", Stage.IN_TOUCH),
        ("in-touch", Stage.IN_TOUCH),
        ("Prospects", Stage.PROSPECTS),
    ],
)
def test_parse_accepts_names_and_titles_in_any_case(text, stage):
    assert Stage.parse(text) is stage


@pytest.mark.parametrize("text", ["", "done", "reached", "prospect x"])
def test_parse_refuses_unknown_stages_with_the_list(text):
    with pytest.raises(UnknownStage, match="expected one of: prospects, reached-out"):
        Stage.parse(text)


def test_next_and_previous_stop_at_the_ends():
    assert Stage.PROSPECTS.previous() is None
    assert Stage.PROSPECTS.next() is Stage.REACHED_OUT
    assert Stage.IN_TOUCH.next() is None
    assert Stage.IN_TOUCH.previous() is Stage.THANKED
