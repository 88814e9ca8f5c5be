"""Whether the articles quote words a question puts in quotation marks, and whether they quote a person directly.

"Did Daniela Amodei say 'we will never give up our independence'?" is answered Yes only by a sentence that holds
those words (letters and digits compared, case and punctuation aside); otherwise the reader is told that no article
has them, never shown a paraphrase as if it confirmed the quote. "Is there a direct quote from Dario Amodei?" is
answered by whether a sentence that names him holds words in quotation marks. Both read the chunks a lexical search
finds for the words (QUOTE_CHUNKS), whatever the corpus's size.
"""

from __future__ import annotations

import re

from rag.citing import cite
from rag.claim_check import claim_text as checked_claim_text
from rag.index.view import IndexData
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
_QUOTED_IN_QUESTION = re.compile(r"(?:(?<=\s)|^)['\"‘“](?P<quoted>[^\"“”‘’]{8,300}?)['\"’”](?=\W|$)")
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


def quote_check(data: IndexData, question: str) -> Answer | None:
    """The answer to a question that asks whether words were said as quoted, or whether a person is quoted directly;
    None where it asks neither."""
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
