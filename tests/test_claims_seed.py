"""Every example quoted under "Why" in the claims issue, on the seed corpus, with the right outcome."""

import pytest

from tests.conftest import SEED


def docs(*keys: str) -> set[str]:
    return {SEED[k] for k in keys}


def cited(answer) -> set[str]:  # type: ignore[no-untyped-def]
    return {c.doc_id for c in answer.citations}


def test_revenue_leads_with_the_newer_figure_and_shows_the_older(seed_engine):
    got = seed_engine.ask("What is Anthropic's annual revenue?")
    assert got.figure.value == 30e9
    assert cited(got) == docs("000", "004")
    assert [(c.value, c.doc_id) for c in got.conflicts] == [(1e9, SEED["003"])]


def test_total_investment_leads_with_33bn_and_shows_8_billion(seed_engine):
    got = seed_engine.ask("What is Amazon's total investment in Anthropic?")
    assert got.figure.value == 33e9 and cited(got) == docs("001")
    assert {(c.value, c.doc_id) for c in got.conflicts} == {(8e9, SEED["003"])}


def test_latest_investment_cites_every_article_that_says_5_billion(seed_engine):
    got = seed_engine.ask("What is Amazon's latest investment in Anthropic?")
    assert got.figure.value == 5e9
    assert cited(got) == docs("000", "001", "002")  # 000 agrees, it is not listed as disagreeing
    assert {c.doc_id for c in got.conflicts} == docs("003") and {c.value for c in got.conflicts} == {4e9}


@pytest.mark.parametrize(
    "question",
    [
        "How much has Microsoft invested in OpenAI?",  # not set against Amazon's $50 billion in OpenAI
        "What stake does Microsoft hold in OpenAI?",  # a 49% stake is not set against a 3% share rise
        "How much does Anthropic plan to spend on AWS?",
    ],
)
def test_no_false_disagreement(seed_engine, question):
    got = seed_engine.ask(question)
    assert not got.abstained
    assert got.conflicts == (), [(c.text, c.doc_id) for c in got.conflicts]


def test_5bn_now_is_not_set_against_up_to_25bn_in_all(seed_engine):
    got = seed_engine.ask("How much will Amazon invest in Anthropic immediately?")
    assert got.figure.value == 5e9 and cited(got) == docs("000", "001", "002")
    assert 25e9 not in {c.value for c in got.conflicts}


def test_missing_sources_are_cited(seed_engine):
    assert cited(seed_engine.ask("How much computing capacity does Amazon guarantee Anthropic?")) == docs("001", "004")
    assert cited(seed_engine.ask("How much does Anthropic plan to spend on AWS?")) == docs("000", "001", "002")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("25 billion", docs("000", "001", "004")),  # no currency sign: any unit
        ("25bn", docs("000", "001", "004")),  # an abbreviation without $
        ("five billion dollars", docs("000", "001", "002")),  # spelled out, not the "five" of "five plants"
        ("twenty-five billion dollars", docs("000", "001", "004")),
        ("5,000,000 kW", docs("001", "004")),  # other scales
        ("742-megawatt", set()),  # parsed as 742 MW; no article gives it
        ("Anthropic revenue $30 billion", docs("000", "004")),  # not Meta's $30 billion of spending
    ],
)
def test_figure_check_in_every_written_form(seed_engine, query, expected):
    lookup = seed_engine.figure(query)
    assert lookup.figures, query
    assert {m.doc_id for m in lookup.mentions} == expected


def test_figure_check_shows_the_same_disagreement_as_the_chat(seed_engine):
    lookup, differing = seed_engine.figure_check("Anthropic revenue $30 billion")
    assert {(m.doc_id, m.value) for m in differing} == {(SEED["003"], 1e9)}
    lookup, differing = seed_engine.figure_check("$50 billion")
    assert differing == []


def test_the_seed_dates_put_003_first_and_say_why(seed_engine):
    data = seed_engine.data
    older = data.position(SEED["003"])
    for key in ("000", "001", "002", "004"):
        assert data.position(SEED[key]) > older, key
        assert data.document(SEED[key]).date_basis
    assert "February 2026" in data.document(SEED["004"]).date_basis
    assert "expects events in 2025" in data.document(SEED["003"]).date_basis
    assert data.document(SEED["003"]).date == "between January 2024 and December 2025"


def test_the_newest_upfront_money_is_not_the_first_investment_of_2023(seed_engine):
    # "upfront" is the part of the new deal paid now, not the "initial $1.25 billion" of September 2023
    got = seed_engine.ask("What's the size of Amazon's newest upfront investment in Anthropic?")
    assert got.figure.value == 5e9 and cited(got) == docs("000", "001", "002")


def test_the_most_it_could_come_to_is_the_whole_ceiling(seed_engine):
    got = seed_engine.ask("What is the most Amazon could end up investing in Anthropic under its newest deal?")
    assert got.figure.value == 25e9 and got.text.startswith("up to")  # not "up to another $20bn"
    assert cited(got) == docs("000", "001", "004")


def test_a_pledge_anthropic_makes_is_not_amazons(seed_engine):
    # Anthropic pledges $100 billion of spending on AWS; the question asks what Amazon pledges
    got = seed_engine.ask("How large is Amazon's latest Anthropic investment pledge in headline terms?")
    assert got.figure is None or got.figure.value != 100e9
