"""Word families of stems (rag.lexical.akin): a pure table test, no model."""

import pytest

from rag.lexical import akin, content_terms, derived


@pytest.mark.parametrize(("a", "b", "same"), [
    ("valuation", "values", True),
    ("owns", "ownership", True),
    ("acquisition", "acquire", True),
    ("invested", "investors", True),
    ("revenue", "revenues", True),
    ("stake", "state", False),
    ("own", "won", False),
    ("capacity", "capital", False),  # "capac" and "capit" share four letters only
    ("go", "gone", False),  # a two-letter stem begins too many words
])
def test_words_of_one_family(a, b, same):
    (sa,), (sb,) = content_terms(a), content_terms(b)
    assert akin(sa, sb) is same and akin(sb, sa) is same


@pytest.mark.parametrize(("text", "periods"), [
    ("Is Anthropic's revenue $30 billion per month?", {"month"}),
    ("the firm's annualized revenue has surpassed the $30 billion milestone", {"year"}),
    ("quarterly and annual results", {"quarter", "year"}),
    ("Amazon invested $5 billion", set()),
])
def test_the_periods_a_figure_is_counted_in(text, periods):
    from rag.timewords import periods_in

    assert periods_in(text) == periods


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("regul", "regulatori", True),  # "regulators" and "Regulatory"
    ("medal", "medalist", True),
    ("europ", "european", True),
    ("invest", "invest", True),
    ("train", "trainium", False),  # a name that only begins like the word
    ("norman", "normandi", False),
    ("medal", "metal", False),
])
def test_a_derived_word_is_the_same_root_with_a_derivational_ending(a, b, expected):
    assert derived(a, b) is expected
    assert derived(b, a) is expected
