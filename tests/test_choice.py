"""An either/or question between two figures is answered by the figure, where it is one of the two."""

import pytest

from rag.choice import figure_choice
from tests.conftest import SEED


@pytest.mark.parametrize(("question", "asked"), [
    ("Is Anthropic's revenue about $1 billion or $30 billion?", "How much is Anthropic's revenue?"),
    ("Did Amazon invest $4 billion or $5 billion in Anthropic?", "How much did Amazon invest in Anthropic?"),
    ("Does Microsoft own 49% or 20% of OpenAI?", "What percentage does Microsoft own of OpenAI?"),
    ("Is the guaranteed capacity 5 GW or 2 GW?", "How much capacity is the guaranteed capacity?"),
    ("Is $4 billion or $5 billion the right figure for the latest investment?", "How much is the right figure for the latest investment?"),
    ("How much did Amazon invest in September 2023, $1.25 billion or $4 billion?", "How much did Amazon invest in September 2023?"),
    ("What is Anthropic's revenue: $1 billion or $30 billion?", "What is Anthropic's revenue?"),
    ("Is it $5 billion now, or $4 billion as before?", None),  # not a bare choice
    ("Is Amazon's stake $4 billion or 49%?", None),  # two units: no one figure question
    ("Was it 2023 or 2024?", None),  # years are dates, asked by "when"
    ("Is the deal in cash or stock?", None),  # words: rag.analysis reads those alternatives
])
def test_the_figure_question_of_a_choice(question, asked):
    got = figure_choice(question)
    assert (got[0] if got is not None else None) == asked


@pytest.mark.parametrize(("question", "asked"), [
    ("Is Amazon's total investment in Anthropic $8 billion?", "How much is Amazon's total investment in Anthropic?"),
    ("Did Amazon invest $4 billion in Anthropic in 2024?", "How much did Amazon invest in Anthropic in 2024?"),
    ("Is Anthropic's annual revenue about $1 billion?", "How much is Anthropic's annual revenue?"),
    ("Is Anthropic valued at $150 billion?", "How much is Anthropic valued?"),
    ("Is Anthropic independent?", None),  # no figure
    ("Is Anthropic's revenue $1 billion or $30 billion?", None),  # two: a choice (figure_choice)
])
def test_the_figure_question_of_a_yes_no_question(question, asked):
    from rag.choice import figure_question

    assert figure_question(question) == asked


def test_a_choice_is_answered_by_the_newer_figure_with_the_older_shown(seed_engine):
    got = seed_engine.ask("Is Anthropic's revenue about $1 billion or $30 billion?")
    assert got.text == "$30 billion" and got.citations[0].doc_id in (SEED["000"], SEED["004"])
    assert [c.doc_id for c in got.conflicts] == [SEED["003"]]  # "surpassing $1 billion", the older article
