import pytest

from rag.retrieval import retrieve


def ask_chunks(engine, question, mode="hybrid", k=3):  # type: ignore[no-untyped-def]
    vector = engine.embed([question])[0]
    return retrieve(engine.data, question, vector, k=k, mode=mode)


@pytest.mark.parametrize(
    ("question", "doc"),
    [
        ("Series B round led by Oven Ventures", "bakery"),
        ("How many stations will the Blue Line gain?", "rail"),
        ("Who runs Helios Power?", "solar"),
    ],
)
@pytest.mark.parametrize("mode", ["hybrid", "dense", "lexical"])
def test_each_mode_finds_the_document(tiny_engine, question, doc, mode):
    passages = ask_chunks(tiny_engine, question, mode)
    assert tiny_engine.data.chunks[passages[0].chunk_id].doc_id == doc


def test_fusion_ranks_by_reciprocal_rank_and_reports_both_lists(tiny_engine):
    passages = ask_chunks(tiny_engine, "Oven Ventures bakery funding", k=10)
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)
    top = passages[0]
    assert top.dense_rank == 0 and top.lexical_rank == 0
    assert top.score == pytest.approx(2 / 61)
    assert len({p.chunk_id for p in passages}) == len(passages)


def test_a_question_with_no_known_word_still_gets_dense_results(tiny_engine):
    passages = ask_chunks(tiny_engine, "zzyzx qwerty", mode="hybrid")
    assert passages and all(p.lexical_rank is None for p in passages)
    assert ask_chunks(tiny_engine, "zzyzx qwerty", mode="lexical") == []


def test_unknown_mode_is_refused(tiny_engine):
    with pytest.raises(ValueError, match="unknown retrieval mode"):
        ask_chunks(tiny_engine, "x", mode="magic")


def test_a_scope_said_in_a_word_no_article_has_is_searched_in_the_articles_words(seed_engine):
    from rag.analysis import analyse
    from rag.retrieval import with_scope_words

    data = seed_engine.data
    # "upfront" is in no article; "immediate" is ("an immediate $5 billion capital injection")
    assert with_scope_words(data, analyse("How much goes in upfront?"), "How much goes in upfront?") == "How much goes in upfront? immediate"
    # a scope said as the articles say it adds nothing
    assert with_scope_words(data, analyse("What was the total?"), "What was the total?") == "What was the total?"
