"""What a named speaker said: "What did Daniela Amodei say about independence?" asks for words a sentence gives as
hers ("... Daniela Amodei, who have repeatedly emphasized the importance of maintaining independence ..."), about
what the question names. A sentence that only names her says nothing she said, and one that gives her words about
something else does not answer it: no such sentence, no answer. Pure text rules, no model.
"""

from __future__ import annotations

import re

from rag.lexical import content_terms, derived

# verbs that give a speaker's words, in every form a sentence writes them
SPEECH_VERBS = (
    r"(?:say|says|said|tell|tells|told|state|states|stated|argue|argues|argued|claim|claims|claimed|stress|stresses|"
    r"stressed|emphasi[sz]e|emphasi[sz]es|emphasi[sz]ed|note|notes|noted|warn|warns|warned|write|writes|wrote|believe|"
    r"believes|believed|insist|insists|insisted|explain|explains|explained|predict|predicts|predicted|suggest|suggests|"
    r"suggested|describe|describes|described|call|calls|called|decide|decides|decided|conclude|concludes|concluded)"
)
# "What did Dario Amodei say about the new Amazon deal?", "What has Jane Doe argued?", "What does Smith tell ...?",
# "What did the European Commission decide about the deal?" (a decision is words given as theirs too)
_ASKS_SAID = re.compile(
    r"^(?i:what)\s+(?i:did|does|do|has|have|had)\s+(?:the\s+)?(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s+(?:regulators|officials|executives|analysts|investors|lawmakers|authorities|critics|experts))?)\s+(?:[a-z]+ly\s+)?"
    r"(?i:say|tell|state|argue|claim|stress|emphasi[sz]e|note|warn|write|said|told|stated|argued|claimed|stressed|"
    r"emphasi[sz]ed|noted|warned|written|decide|decided|conclude|concluded)\b(?:\s+(?i:about|of|on|regarding)\s+(?P<about>.+?))?\s*[?.!]*\s*$"
)
SPEAKER_REACH = 60  # characters between a speaker's name and the verb that gives their words ("Amodei, who have repeatedly emphasized")


def asked_speaker(text: str) -> tuple[str, tuple[str, ...]]:
    """The speaker whose words a question asks for and the stems of what about, or ("", ())."""
    m = _ASKS_SAID.match(text.strip())
    if m is None:
        return "", ()
    about = m.group("about") or ""
    return m.group("who"), tuple(content_terms(about))


def as_named(question: str, speaker: str) -> str:
    """The speaker as the question names them: "the European Commission", "Dario Amodei"."""
    return f"the {speaker}" if re.search(rf"\b[Tt]he\s+{re.escape(speaker)}", question) else speaker


def _said(sentence: str, speaker: str) -> re.Match[str] | None:
    word = speaker.split()[-1]
    # a family named in the plural ("the Amodeis") speaks where one of them is named ("Dario Amodei")
    last = f"(?:{re.escape(word)}|{re.escape(word[:-1])})" if word.endswith("s") and len(word) > 3 else re.escape(word)
    return re.search(rf"\b{last}\b[^.;:!?]{{0,{SPEAKER_REACH}}}?\b{SPEECH_VERBS}\b", sentence) or re.search(
        rf"\b[Aa]ccording to\s+(?:[\w.'’-]+\s+){{0,3}}{last}\b", sentence)


def gives_words_of(sentence: str, speaker: str, about: tuple[str, ...]) -> bool:
    """Whether a sentence gives words of the speaker (their last name before a speech verb in the same clause, or
    "according to" them), and, where the question asks what about, one word of that."""
    if _said(sentence, speaker) is None:
        return False
    terms = content_terms(sentence)
    return not about or any(derived(t, a) or t == a for a in about for t in terms)


_CLAUSE_END = re.compile(r"[,;:.!?—–()]|\s(?:while|but|because|although|whereas|as)\s")
_THAT = re.compile(r"\s*(?:that\s+)?")


def words_of(sentence: str, speaker: str) -> tuple[int, int] | None:
    """Where a sentence's words of the speaker lie: the clause after the speech verb ("the importance of maintaining
    independence to pursue ..."), without "that"; None where it gives none after the verb ("according to" them)."""
    m = _said(sentence, speaker)
    if m is None or m.group().startswith(("according", "According")):
        return None
    start = that.end() if (that := _THAT.match(sentence, m.end())) is not None else m.end()
    end = m2.start() if (m2 := _CLAUSE_END.search(sentence, start)) is not None else len(sentence)
    return (start, end) if end > start else None
