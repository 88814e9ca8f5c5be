from rag.chunking import chunk_sentences, count_tokens, document_sentences
from rag.config import ChunkSettings
from rag.records import Document
from rag.sentences import split_sentences


def doc(text: str) -> Document:
    return Document(doc_id="d", file="d.txt", text=text, sha256="x")


def test_sentences_have_exact_offsets_and_boundaries():
    text = 'Mr. Smith paid $1.25 billion. It rose 3%! Did it?\n  • A bullet line\n\nU.S. firms "agree." Next one.'
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Mr. Smith paid $1.25 billion.",
        "It rose 3%!",
        "Did it?",
        "A bullet line",
        'U.S. firms "agree."',
        "Next one.",
    ]


def test_abbreviations_of_law_books_and_places_do_not_end_sentences():
    # "Art. 101", "vol. 3", "pp. 12-15": an abbreviation before a number; "Ft. Duquesne": one before a name, capitalized;
    # the same words as the last of a sentence still end it ("modern art.", "10 ft.")
    text = ("Under Art. 101 TFEU, cartels are banned. Smith wrote vol. 3, pp. 12-15, cf. ch. 2. He loved modern art. "
            "Gen. Wolfe came to Ft. Duquesne in Jan. 1755. It was 10 ft. The next day was calm.")
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Under Art. 101 TFEU, cartels are banned.",
        "Smith wrote vol. 3, pp. 12-15, cf. ch. 2.",
        "He loved modern art.",
        "Gen. Wolfe came to Ft. Duquesne in Jan. 1755.",
        "It was 10 ft.",
        "The next day was calm.",
    ]


def test_lines_are_never_joined_and_empty_lines_give_nothing():
    text = "Headline without a stop\nBody sentence one. Body two.\n\n\n"
    assert [text[a:b] for a, b in split_sentences(text)] == ["Headline without a stop", "Body sentence one.", "Body two."]


def test_chunks_respect_token_budget_overlap_and_offsets():
    text = " ".join(f"Sentence number {i} talks about item {i} in some detail." for i in range(40))
    d = doc(text)
    settings = ChunkSettings(max_tokens=50, overlap_tokens=15)
    sentences = document_sentences(d, settings)
    chunks = chunk_sentences(d, sentences, 0, settings)
    assert len(chunks) > 3
    for c in chunks:
        assert d.text[c.start : c.end] == c.text
        assert c.n_tokens <= 50
        assert c.text.startswith("Sentence number") and c.text.endswith(".")
    for a, b in zip(chunks, chunks[1:]):
        # each chunk repeats the previous chunk's last sentence(s), within the overlap budget
        assert b.first_sentence <= a.last_sentence < b.last_sentence
        carried = sentences[b.first_sentence : a.last_sentence + 1]
        assert 0 < sum(count_tokens(s.text) for s in carried) <= 15
    assert chunks[0].first_sentence == 0 and chunks[-1].last_sentence == len(sentences) - 1


def test_a_sentence_longer_than_a_chunk_is_cut_at_spaces():
    text = "word " * 500 + "end."
    d = doc(text)
    settings = ChunkSettings(max_tokens=40, overlap_tokens=10)
    sentences = document_sentences(d, settings)
    assert len(sentences) > 5
    for s in sentences:
        assert d.text[s.start : s.end] == s.text
        assert count_tokens(s.text) <= 40
    assert sentences[-1].text.endswith("end.")


def test_text_without_spaces_is_still_cut():
    d = doc("x" * 5000)
    settings = ChunkSettings(max_tokens=30, overlap_tokens=5)
    sentences = document_sentences(d, settings)
    assert "".join(s.text for s in sentences) == d.text
    assert all(count_tokens(s.text) <= 30 for s in sentences)


def test_seed_corpus_chunks_quote_their_documents():
    from rag.corpus import load_corpus
    from tests.conftest import SEED_CORPUS

    for document in load_corpus(SEED_CORPUS).documents:
        sentences = document_sentences(document)
        for c in chunk_sentences(document, sentences):
            assert document.text[c.start : c.end] == c.text
