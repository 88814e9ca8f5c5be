"""Pure scoring helpers, without the model."""

import pytest

from rag.lexical import doer_nouns
from rag.scoring import _only_intensifier


def test_a_verb_s_doer_nouns():
    assert doer_nouns(frozenset({"creat", "make", "use"})) == {
        "creator": "creat", "creater": "creat", "creatr": "creat", "makeor": "make", "makeer": "make", "maker": "make",
    }  # "use" is too short a stem to tell a doer by


@pytest.mark.parametrize(
    ("text", "only"),
    [
        ("Amazon's own semiconductor division competes with NVIDIA.", True),
        ("Anthropic runs its own data centres.", True),
        ("Amazon does not own Anthropic.", False),
        ("Amazon's own chips; Amazon does not own Anthropic.", False),
    ],
)
def test_an_own_that_stresses_a_possessive_is_no_owning(text, only):
    assert _only_intensifier(text) is only
