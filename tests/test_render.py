"""Article text in the UI is shown as text: HTML is escaped, Markdown is not read as formatting."""

from ui.render import answer_markdown, esc, esc_html, passages_html


def test_html_is_escaped_everywhere():
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    for out in (esc(evil), esc_html(evil)):
        assert "<" not in out and ">" not in out
        assert "&lt;script&gt;" in out


def test_markdown_is_neutralized():
    assert esc("**bold** [link](http://x) `code` # head") == r"\*\*bold\*\* \[link\]\(http://x\) \`code\` \# head"


def test_answer_and_passages_use_escaped_text(seed_engine):
    answer = seed_engine.ask("What is Anthropic's annual revenue?")
    md = answer_markdown(answer, seed_engine.data)
    assert md.startswith("**surpassing $1 billion**")
    assert 'href="#passage-1"' in md and "Sources disagree" in md
    panel = passages_html(answer, seed_engine.data)
    assert 'id="passage-1"' in panel and "<mark>" in panel
    assert panel.count('class="passage"') == len(answer.citations) + len(answer.conflicts)
