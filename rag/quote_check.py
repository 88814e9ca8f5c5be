"""Whether the articles quote words a question puts in quotation marks, and whether they quote a person directly.

"Did Daniela Amodei say 'we will never give up our independence'?" is answered Yes only by a sentence that holds
those words (letters and digits compared, case and punctuation aside); otherwise the reader is told that no article
has them, never shown a paraphrase as if it confirmed the quote. "Is there a direct quote from Dario Amodei?" is
answered by whether a sentence that names him holds words in quotation marks. Both read the chunks a lexical search
finds for the words (QUOTE_CHUNKS), whatever the corpus's size.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from rag.citing import cite
from rag.claim_check import claim_text as checked_claim_text
from rag.index.view import IndexData
from rag.lexical import LIGHT_TERMS, content_terms
from rag.outlets import SOURCE_NOUNS, SOURCE_VERBS, publisher_key
from rag.records import Answer

QUOTE_CHUNKS = 20  # chunks read for the words quoted
MIN_QUOTED_WORDS = 3  # fewer words in quotation marks are a term ("the 'Token Economy'"), not a quote to check
QUOTE_CONFIDENCE = 0.9  # the words found as written

# a yes/no question that puts words in someone's mouth: "Did X say 'we will never ...'?", "Does the article state
# that 'the deal is final'?"
_ASKS_QUOTE = re.compile(
    r"^\W*(?:did|does|do|has|have|is|was)\b.*?\b(?:say|said|says|state|stated|states|write|wrote|writes|tell|told"
    r"|quoted|call|called|calls|claim|claimed|claims|put\s+it)\b",
    re.IGNORECASE,
)
# "Is the statement that '...' a quote from anyone?": whether the words stand in quotation marks
_IS_A_QUOTE = re.compile(r"\b(?:a|an)\s+(?:direct\s+|verbatim\s+)?quot(?:e|ation)\b", re.IGNORECASE)
# words in quotation marks (not an apostrophe inside a word: "Amazon's")
# (nor two quoted words with what is between them: "'10-year' or 'ten-year'")
_QUOTED_IN_QUESTION = re.compile(r"(?:(?<=\s)|^)['\"‘“](?P<quoted>(?:(?!['\"]\s|\s['\"])[^\"“”‘’]){8,300}?)['\"’”](?=\W|$)")
# "Is there a direct quote from Dario Amodei?", "Does any article quote Dario Amodei directly?"
_NAME = r"(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}"
_ASKS_DIRECT = re.compile(
    rf"^\W*(?:is|are)\s+there\s+(?:a|any)\s+(?:direct|verbatim)\s+quot(?:e|es|ation|ations)\s+(?:from|of|by)\s+(?P<name>{_NAME})"
    rf"|^\W*(?:does|do|did)\s+(?:any\s+|an?\s+|the\s+)?(?:articles?|sources?|reports?)\s+quote\s+(?P<name2>{_NAME})\s+directly",
    re.IGNORECASE,
)
_QUOTATION = re.compile(r"[\"“”]\s*[^\"“”]{12,}?[\"“”]|‘[^‘’]{12,}?’")  # words in quotation marks in a sentence
_LETTERS = re.compile(r"[a-z0-9]+")


def _plain(text: str) -> str:
    return " ".join(_LETTERS.findall(text.lower().replace("’", "'").replace("'", "")))


# which of two wordings the articles use: "Does it write '10-year' or 'ten-year'?", "is it 'annualized' or 'annual' revenue?"
_WORDINGS = re.compile(r"(?:(?<=\s)|^)['\"‘“](?P<a>[^'\"‘’“”]{1,40})['\"’”]\s*,?\s+or\s+['\"‘“](?P<b>[^'\"‘’“”]{1,40})['\"’”]")
WORDING_CONFIDENCE = 0.8  # the word found as written, in a sentence about what the question asks


def quote_check(data: IndexData, question: str, doc_ids: Collection[str] = ()) -> Answer | None:
    """The answer to a question that asks whether words were said as quoted, whether a person is quoted directly, or
    which of two wordings the articles (`doc_ids`, where the question names some) use; None where it asks none."""
    if (wordings := _WORDINGS.search(question)) is not None:
        return _wording_used(data, question, wordings, doc_ids)
    asked = _QUOTED_IN_QUESTION.search(question) if _ASKS_QUOTE.match(question) or _IS_A_QUOTE.search(question) else None
    if asked is not None and len(_plain(asked.group("quoted")).split()) >= MIN_QUOTED_WORDS:
        return _words_found(data, question, asked.group("quoted"), bool(_IS_A_QUOTE.search(question)))
    direct = _ASKS_DIRECT.match(question)
    if direct is not None:
        return _quoted_directly(data, question, direct.group("name") or direct.group("name2"))
    return None


def quote_in_claim(data: IndexData, claim: str) -> Answer | None:
    """For a claim given to check that puts words in quotation marks ("Pull quote: a $30bn revenue figure 'would
    have seemed fantastic just two years ago' — OK?"): the refusal that says no article has those words, where none
    does; None where the claim quotes nothing, or the words are found (the claim is then checked as it is)."""
    asked = _QUOTED_IN_QUESTION.search(claim)
    if asked is None or len(_plain(asked.group("quoted")).split()) < MIN_QUOTED_WORDS:
        return None
    if _plain(checked_claim_text(claim)).startswith(_plain(asked.group("quoted"))):
        return None  # the claim itself set in quotation marks ("Draft: 'Up to $20bn ... milestones.' Supported?")
    found = _words_found(data, claim, asked.group("quoted"))
    return found if found.abstained else None


def _sentences_found(data: IndexData, words: str) -> list[int]:
    """The sentences of the chunks a lexical search finds for the words, in the chunks' order."""
    out: dict[int, None] = {}
    for chunk_id, _ in data.lexical.top(words, min(QUOTE_CHUNKS, len(data.chunks))):
        chunk = data.chunks[chunk_id]
        out.update(dict.fromkeys(range(chunk.first_sentence, chunk.last_sentence + 1)))
    return list(out)


def _words_found(data: IndexData, question: str, quoted: str, as_quote: bool = False) -> Answer:
    """Yes with the sentence that holds the words; for "Is '...' a quote?" (`as_quote`), Yes only where the sentence
    sets them in quotation marks, No where it says them in its own voice."""
    plain = _plain(quoted)
    for sid in _sentences_found(data, quoted):
        if plain in _plain(data.sentences[sid].text):
            s = data.sentences[sid]
            marked = any(plain in _plain(m.group()) for m in _QUOTATION.finditer(s.text))
            if as_quote and not marked:
                return Answer(question, f"No: {s.text}", s.text, False, QUOTE_CONFIDENCE, (cite(data, sid),), source_count=1,
                              note="The article says these words in its own voice, not in quotation marks.")
            return Answer(question, f"Yes: {s.text}", s.text, False, QUOTE_CONFIDENCE, (cite(data, sid),), source_count=1)
    return Answer.abstain(question, 0.0, f"No article has the words {quoted.strip()!r}: the quote is not confirmed.")


def _wording_used(data: IndexData, question: str, m: re.Match[str], doc_ids: Collection[str]) -> Answer | None:
    """Which of two wordings the articles write where they say the question's other words: the one written nearest
    them, with its sentence, and the other one's sentence told in the note where an article writes it too; of the
    articles named (`doc_ids`) or of the outlet the question names, where it names some. None where no sentence about
    those words writes either."""
    rest = f"{question[: m.start()]} {question[m.end() :]}"
    # what the wording is of: the question's words but those of a source and its writing ("the article", "write")
    asked = set(content_terms(re.sub(rf"\b(?:{SOURCE_NOUNS}|{SOURCE_VERBS}|use[sd]?|using)\b", " ", rest, flags=re.IGNORECASE))) - LIGHT_TERMS
    sentences = _sentences_found(data, f"{rest} {m.group('a')} {m.group('b')}")
    if not doc_ids:
        # "In the Hamidun News article, is it ...?": an outlet the question names, of the articles found
        plain_question = f" {_plain(question)} "
        doc_ids = {s.doc_id for sid in sentences if (s := data.sentences[sid]) and (
            key := publisher_key(data.document_head(s.doc_id).publisher or "")) and f" {key} " in plain_question}
    nearest: dict[str, tuple[int, int]] = {}  # wording -> (words between it and an asked one, sentence)
    for sid in sentences:
        s = data.sentences[sid]
        if doc_ids and s.doc_id not in doc_ids:
            continue
        words = _plain(s.text).split()
        near = [i for i, w in enumerate(words) if set(content_terms(w)) & asked]
        for wording in (m.group("a"), m.group("b")):
            written = _plain(wording).split()
            at = [i for i in range(len(words) - len(written) + 1) if words[i : i + len(written)] == written]
            if not at or (asked and not near):
                continue
            gap = min((abs(i - j) for i in at for j in near), default=0)
            if wording not in nearest or gap < nearest[wording][0]:
                nearest[wording] = (gap, sid)
    if not nearest:
        return None
    word = min(nearest, key=lambda w: nearest[w][0])
    sid = nearest[word][1]
    s = data.sentences[sid]
    others = [f"'{w}' is written too: {data.sentences[i].text}" for w, (_, i) in nearest.items() if w != word]
    missing = [w for w in (m.group("a"), m.group("b")) if w not in nearest]
    note = " ".join(others + [f"No sentence found about it writes '{w}'." for w in missing])
    cited = list(dict.fromkeys([sid, *(i for _, i in nearest.values())]))
    return Answer(question, f"'{word}': {s.text}", s.text, False, WORDING_CONFIDENCE, tuple(cite(data, i) for i in cited),
                  source_count=len({data.sentences[i].doc_id for i in cited}), note=note)


def _quoted_directly(data: IndexData, question: str, name: str) -> Answer:
    naming = [sid for sid in _sentences_found(data, name) if name.lower() in data.sentences[sid].text.lower()]
    for sid in naming:
        if _QUOTATION.search(data.sentences[sid].text):
            s = data.sentences[sid]
            return Answer(question, f"Yes: {s.text}", s.text, False, QUOTE_CONFIDENCE, (cite(data, sid),), source_count=1)
    if not naming:
        return Answer.abstain(question, 0.0, f"No article found names {name}.")
    s = data.sentences[naming[0]]
    return Answer(question, f"No: {s.text}", s.text, False, QUOTE_CONFIDENCE / 2, (cite(data, naming[0]),), source_count=1,
                  note=f"No article found quotes {name} directly: the sentence that names {name} gives no words in quotation marks.")
