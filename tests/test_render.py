"""Article text in the UI is shown as text: HTML is escaped, Markdown is not read as formatting."""

import html
import re
from dataclasses import replace

import pytest

from ui.render import answer_markdown, esc, esc_html, passages_html
from ui.sources import PAGE_SIZE, date_cell, sources_page

EVIL = "<img src=x onerror=alert(1)>**bold** [link](http://example.com/x) ![t](http://127.0.0.1:9/track.png)"


def test_html_is_escaped_everywhere():
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    for out in (esc(evil), esc_html(evil)):
        assert "<" not in out and ">" not in out
    assert "&lt;script&gt;" in esc_html(evil)


def test_markdown_characters_become_character_references():
    out = esc("**bold** [link](http://x) `code` # head")
    assert not re.search(r"[*\[\]()`#:]", out.replace("&#", ""))
    assert html.unescape(out) == "**bold** [link](http://x) `code` # head"


@pytest.mark.parametrize("text", [EVIL, "1. not a list", "> not a quote", "www.example.com a@b.co", "~~no~~ | a | b |", "$$x$$"])
def test_a_markdown_renderer_shows_escaped_text_as_that_text(text):
    markdown_it = pytest.importorskip("markdown_it")
    md = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    rendered = md.render(esc(text)).strip()
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    inner = rendered[3:-4]
    assert "<" not in inner  # no element at all: no <img>, <a>, <strong>, <table>, <del>
    assert html.unescape(inner) == text


def test_answer_and_passages_use_escaped_text(seed_engine):
    answer = seed_engine.ask("What is Anthropic's annual revenue?")
    md = answer_markdown(answer, seed_engine.data)
    assert md.startswith(f"**{esc(answer.text)}**") and "&#36;" in md and "$" not in md.split("Sources")[0]
    assert 'href="#passage-1"' in md and "Sources disagree" in md
    panel = passages_html(answer, seed_engine.data)
    assert 'id="passage-1"' in panel and "<mark>" in panel
    assert panel.count('class="passage"') == len(answer.citations) + len(answer.conflicts)


def test_a_title_with_markup_stays_text_in_the_answer(seed_engine):
    answer = seed_engine.ask("What is Anthropic's annual revenue?")
    data = seed_engine.data
    doc_id = answer.citations[0].doc_id

    class EvilTitles:
        """The index as it is, but one document carries a hostile title."""

        def __getattr__(self, name):  # type: ignore[no-untyped-def]
            return getattr(data, name)

        def document(self, wanted):  # type: ignore[no-untyped-def]
            doc = data.document(wanted)
            return replace(doc, title=EVIL) if wanted == doc_id else doc

    evil_data = EvilTitles()
    md = answer_markdown(answer, evil_data)
    assert "<img" not in md and "**bold**" not in md and "](http" not in md
    assert EVIL in html.unescape(md)
    assert "<img" not in passages_html(answer, evil_data)


def test_sources_are_paged_and_searchable(seed_engine, tmp_path, hash_embedder):
    data = seed_engine.data
    first = sources_page(data)
    assert first.matches == first.total == len(data.documents) and len(first.rows) == min(PAGE_SIZE, first.total)
    title = data.documents[2].title
    found = sources_page(data, title.upper())  # every word, any case
    assert data.documents[2].file in found.files and found.matches < found.total
    assert found.summary.startswith(f"1–{found.matches} of {found.matches} matching")
    assert sources_page(data, "no-such-words-anywhere").rows == []
    from rag.index.store import ensure_index

    (tmp_path / "corpus").mkdir()
    for i in range(45):
        (tmp_path / "corpus" / f"{i:06d}.txt").write_text(f"Article {i} about the harbour.", encoding="utf-8")
    many = ensure_index(tmp_path / "index", tmp_path / "corpus", lambda: hash_embedder, hash_embedder.name).data
    pages = [sources_page(many, "", p) for p in range(4)]
    assert [len(p.rows) for p in pages] == [20, 20, 5, 5]  # a page past the end shows the last one
    assert pages[1].files[0] == "000020.txt" and pages[2].summary == "41–45 of 45 documents · page 3 of 3"


def test_the_date_cell_shows_how_the_date_was_found(seed_engine):
    doc = seed_engine.data.documents[0]
    basis = {"date_basis": ""} if hasattr(doc, "date_basis") else {}
    assert date_cell(replace(doc, date="", **basis)) == ""
    assert date_cell(replace(doc, date="2026-02-14", **basis)) == "2026-02-14"
    if basis:
        dated = replace(doc, date="February 2026 or later", date_basis="names events as late as February 2026")
        assert date_cell(dated) == "February 2026 or later (names events as late as February 2026)"


def test_an_abstention_shows_its_note_escaped(seed_engine):
    from rag.records import Answer

    note = 'The nearest source says the opposite ("<b>T</b>"): "late *entrant*"'
    md = answer_markdown(Answer.abstain("Who is an early entrant?", 0.1, note), seed_engine.data)
    assert md.startswith("I could not find this in the sources.")
    assert "<b>" not in md and "*Note: " in md and esc(note) in md
    assert answer_markdown(Answer.abstain("q", 0.1), seed_engine.data) == "I could not find this in the sources."


def test_an_answer_without_quotes_lists_no_empty_sources_line(seed_engine):
    got = seed_engine.ask("Which articles do not mention OpenAI?")
    md = answer_markdown(got, seed_engine.data)
    assert "Sources:" not in md and "do not mention it" in md
