"""The engine: one corpus and its index, loaded once and shared by the CLI, the UI and the API."""

from __future__ import annotations

import dataclasses
import math
import os
import re
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from rag.claims import load_parser
from rag.config import CORPUS_SUFFIXES, DEFAULT_CHUNK_SETTINGS, DEFAULT_TOP_K, MAX_DOCUMENT_BYTES, ChunkSettings
from rag.corpus import Corpus, decode_article, load_corpus
from rag.coverage import CoverageQuestion, Mentioning
from rag.embedding import Embedder, Progress, default_embedder, load_in_background
from rag.errors import CorpusError, IndexCorrupt, QuestionError, RagError, UploadError
from rag.figure_index import FigureIndex
from rag.index.segment import text_key, verify
from rag.index.store import EnsureResult, ensure_index, live_version, read_index, read_manifest
from rag.index.view import IndexData
from rag.places import placed_names
from rag.questions import clean_question, unframed
from rag.records import Answer, Document, FigureLookup, FigureMention, SkippedFile
from rag.staleness import OLDER_ONLY

if TYPE_CHECKING:
    from rag.analysis import QuestionAnalysis
    from rag.named_articles import NamedArticles

# The answer side (question analysis, retrieval, the answerer) is imported where a question is first asked, not
# here: `rag index` and an upload's indexing do not load it (about 50 ms of every such start).

MAX_NAME_CHARS = 100
FIGURE_FOLLOWUPS = ("figure", "before", "after", "newest")  # follow-ups that ask of a figure, not of a yes or no
NOTHING_TO_FOLLOW = "this follows up an earlier question, and there is none yet: ask the question it refers to first"
NO_CREDIT = "the article that answer is cited from names no author or publisher"
TURN_BREAK = "\n"  # between a question and the "And before that?" that followed it, in a conversation's `previous`
# between a question that leaned on the one before ("When did it start?") and that one, its context, in `previous`
CONTEXT_MARK = "\x1f"


@dataclass(frozen=True)
class _State:
    data: IndexData
    figures: FigureIndex
    skipped: tuple[SkippedFile, ...]


# "What did the older article say about Trainium?", "What does the earliest report say on the deal?"
# "Who says the main risk is execution?", "Who described the deal as circular?": who states a claim
# (a claim: a clause said, or what something is called "as"; not "Who described a steam turbine in 1629?")
_WHO_SAYS = re.compile(
    r"^\W*who\s+(?:(?P<verb>says|said|claims|claimed|argues|argued|notes|noted|states|stated)\s+(?:that\s+)?(?P<claim>[^?]+?)"
    r"|(?P<verb2>describes|described|calls|called|characteri[sz]es|characteri[sz]ed)\s+(?P<claim2>[^?]+?\s(?:as\s+)?an?\s[^?]+?))\W*$",
    re.IGNORECASE,
)
# a question whether a claim holds now: "Is Anthropic still valued at $60 billion?", "... — is that current?"
_ASKS_CURRENT = re.compile(r"\b(?:still|current(?:ly)?|up[- ]to[- ]date|out[- ]of[- ]date|outdated|latest|now|today)\b", re.IGNORECASE)
_DONE = re.compile(r"^\W*(?:did|has|have|had)\b", re.IGNORECASE)  # a premise that something was done
UNCONFIRMED = "Not confirmed: "  # the verdict where only older sources give it (as rag.attribution answers "Is that still true?")
# a claim that leans on the turn before ("Who said that it is risky?"): asked in the conversation, not of the articles
_REFERS_BACK = re.compile(r"\b(?:it|its|this|that|these|those|they|them|he|she|his|her)\b", re.IGNORECASE)
_OLDER_SAYS = re.compile(
    r"^\W*(?:and\s+|so\s+)?what\s+(?:did|does|do)\s+(?:the\s+)?(?:older|oldest|earlier|earliest|previous|original|first)\s+"
    r"(?:article|report|story|piece|source|coverage)\s+(?:say|write|report|tell\s+us)\s+(?:about|on|of|regarding)\s+(?P<topic>.+?)\W*$",
    re.IGNORECASE,
)
# a question asked of an article named by its age: "According to the older article, is ...?", "Does the newer piece say
# that ...?"
_AGE_WORDS = r"(?P<age>older|oldest|earlier|earliest|first|original|newer|newest|latest|most\s+recent|more\s+recent|recent)"
_AGED_NOUN = r"(?:article|piece|story|report|source|coverage)"
_ACCORDING_TO_AGED = re.compile(rf"^\W*(?:according\s+to|in)\s+(?P<named>the\s+{_AGE_WORDS}\s+{_AGED_NOUN})\s*,\s*(?P<rest>\S.+)$", re.IGNORECASE)
_AGED_SAYS = re.compile(rf"^\W*(?:does|did|do)\s+(?P<named>the\s+{_AGE_WORDS}\s+{_AGED_NOUN})\s+(?:say|report|state|claim|write|mention|put)\s+"
                        r"(?:that\s+)?(?P<claim>[^?]+?)\s*\??\s*$", re.IGNORECASE)


_OWNED_KINDS = frozenset({"money", "percent"})  # figures a sentence may give of several companies side by side


def _named_of(data: IndexData, previous: str) -> tuple[str, ...]:
    """The name the nearest question of the turns before that names one asks of: its owner ("Anthropic's revenue",
    "Anthropic annual revenue"), else its one name, leaving out a name it cites as its source
    ("What revenue does Hamidun News report for Anthropic?"); () where none names one, or several none of which leads."""
    from rag.analysis import analyse
    from rag.casing import leads_with_name
    from rag.outlets import names_as_source

    for question in (p for part in previous.split(CONTEXT_MARK) for p in part.split(TURN_BREAK)):
        q = analyse(question, leading_name=leads_with_name(data, question))
        names = [e for e in q.entities if not names_as_source(question, e)]
        if not names:
            continue
        owned = [e for e in q.owners if e in names]
        return (owned[0],) if owned else tuple(names) if len(names) == 1 else ()
    return ()


def _aged_source(text: str) -> tuple[str, str, str] | None:
    """The question asked of an article named by its age, the age ("oldest" or "newest") and how the question names
    the article; None for any other question (nor a claim the parse cannot turn into a yes/no question)."""
    from rag.claim_check import as_question

    if (m := _ACCORDING_TO_AGED.match(text)) is not None:
        rest = m.group("rest")
        asked: str | None = rest[:1].upper() + rest[1:]
    elif (m := _AGED_SAYS.match(text)) is not None:
        asked = as_question(m.group("claim"))
    else:
        return None
    if not asked:
        return None
    age = "newest" if re.match(r"newer|newest|latest|most|more|recent", m.group("age"), re.IGNORECASE) else "oldest"
    return asked, age, m.group("named")


# the rest of the answer before's whole, inside a question of its own: "And the rest depends on what?"
_THE_REST = re.compile(r"\bthe\s+(?:rest|remainder|balance)(?:\s+of\s+(?:it|that|the\s+money))?\b", re.IGNORECASE)
# a part asked of the previous answer's figure: "How much of this money is paid immediately?", "How much of that
# comes upfront?" (before its verb: not "How much of that article is about chips?")
_PART_OF = re.compile(r"(?<=\bhow much )of\s+(?:that|this|it|the)(?:\s+(?:money|amount|sum|figure|total|investment|commitment|cash|number))?"
                      r"(?=\s+(?:is|was|will|would|has|had|comes?|came|goes|went|gets?|got|arrives?)\b)", re.IGNORECASE)
# a question of the previous answer's figure, naming no name of its own: "How much of that is paid upfront?"
_OF_THE_ANSWER = re.compile(r"\b(?:of|from|out of)\s+(?:that|this|it)\b|\bthat\s+(?:figure|amount|sum|money|number)\b", re.IGNORECASE)


MAKER_CONFIDENCE = 0.8  # an owner the articles write for a product's name, read from their own words


class Engine:
    """Thread-safe: answers read an immutable snapshot; updates build a new one and swap it in."""

    def __init__(
        self,
        corpus_dir: str | Path,
        index_dir: str | Path,
        embedder: Callable[[], Embedder] = default_embedder,
        settings: ChunkSettings = DEFAULT_CHUNK_SETTINGS,
        log: Callable[[str], None] | None = None,
    ) -> None:
        self.corpus_dir = Path(corpus_dir)
        self.index_dir = Path(index_dir)
        self._embedder = embedder
        self._settings = settings
        # the model's name decides whether an index fits: read it off the embedder, never pass it twice
        self._model: str = getattr(embedder, "name", "") or embedder().name
        self._log = log
        self._write_lock = threading.Lock()
        # one upload at a time, from its duplicate check to its index: two uploads of the same file at once both
        # passed the check before either was indexed, and the corpus got it twice
        self._upload_lock = threading.Lock()
        self._state: _State | None = None
        self._version: str | None = None  # the live version the open index was read from (index/CURRENT)
        self._corpus: Corpus | None = None
        self.last_update: EnsureResult | None = None

    def open(  # type: ignore[no-untyped-def]
        self, force: bool = False, progress: Progress | None = None, optimize: bool = False, process=None,
        sentence_vectors: str | None = None,
    ) -> Engine:
        """Open the index, first building or updating it when it is missing, stale or damaged.
        `optimize` merges its segments into one; `process` replaces local parsing and embedding (the Ray build);
        `sentence_vectors` asks for a way of making the vectors (rag.config.SENTENCE_VECTOR_ROUTES; None keeps
        the index's)."""
        self.refresh(force=force, progress=progress, optimize=optimize, process=process, sentence_vectors=sentence_vectors)
        return self

    def refresh(  # type: ignore[no-untyped-def]
        self, force: bool = False, progress: Progress | None = None, optimize: bool = False, process=None,
        damaged: frozenset[str] = frozenset(), sentence_vectors: str | None = None,
    ) -> EnsureResult:
        with self._write_lock:
            result = ensure_index(
                self.index_dir, self.corpus_dir, self._embedder, self._model, self._settings, force=force, log=self._log,
                progress=progress, optimize=optimize, process=process, damaged=damaged, sentence_vectors=sentence_vectors,
            )
            self._state = _State(result.data, FigureIndex(result.data), result.skipped)
            self._corpus = None
            self.last_update = result
            self._version = self._version_of(result.data)
            return result

    def _version_of(self, data: IndexData) -> str | None:
        """The live version's name where it is the one `data` was read from (same write time), else None: a writer
        beside this one may have made a newer one live since, which `follow` then opens."""
        try:
            version, manifest = read_manifest(self.index_dir)
        except RagError:
            return None
        return version.name if manifest.get("written_ns") == data.manifest.get("written_ns") else None

    def follow(self) -> bool:
        """Switch to the index version another process made live since this one was opened (`rag index` or `rag ask`
        on the same folders), sharing the segments both hold; True where it did. Where none was made it reads only
        CURRENT, so a long-running chat calls it before each question; a version that cannot be opened is reported
        and the open one kept."""
        live = live_version(self.index_dir)
        if live is None or live == self._version or self._state is None:
            return False
        with self._write_lock:
            if live == self._version:
                return False  # another thread switched while this one waited
            state = self.state
            try:
                data = read_index(self.index_dir, self._model, reuse={seg.name: seg for seg in state.data.segments})
            except RagError as exc:
                if self._log is not None:
                    self._log(f"warning: the index another process wrote could not be opened ({exc}); answering from the one open")
                self._version = live  # reported once, not before every question
                return False
            self._state = _State(data, FigureIndex(data), state.skipped)
            self._corpus = None
            # the version seen before reading: one made live since is then opened on the next call (read_index may
            # already have opened it; reading it again costs an open, never a stale answer)
            self._version = live
            return True

    @property
    def state(self) -> _State:
        if self._state is None:
            self.open()
        assert self._state is not None
        return self._state

    @property
    def corpus(self) -> Corpus:
        """The whole corpus read from disk (every file: for evaluation, not for answering)."""
        if self._corpus is None:
            self._corpus = load_corpus(self.corpus_dir)
        return self._corpus

    @property
    def skipped(self) -> tuple[SkippedFile, ...]:
        """The files of the corpus folder that could not be read as articles, and why."""
        return self.state.skipped

    @property
    def data(self) -> IndexData:
        return self.state.data

    def ask(self, question: str, previous: str | None = None, k: int = DEFAULT_TOP_K, mode: str = "hybrid") -> Answer:
        """Answer one question; `previous` is what `next_previous` gave for the turn before, for follow-ups: the
        question it followed up, with "And before that?" on a second line where that was the turn before. A word
        no article holds that is one edit from one they do is read as that word, and the note says so (rag.spelling); a
        figure written in words is read in numerals, as the articles write it ("fifty billion dollars": "$50 billion")."""
        from rag.analysis import with_assumed_currency
        from rag.attribution import speaker
        from rag.casing import recased
        from rag.claim_check import as_current, as_question, checked_claim, still_true
        from rag.figures import figures_as_numerals, units_as_written
        from rag.followup import corrected
        from rag.questions import reordered, unabbreviated, uncontracted
        from rag.quote_check import quote_in_claim
        from rag.spelling import respelt

        text = clean_question(question)
        if previous:  # "how much did amazon put into openai?" then "and microsoft?": the names of the turns before too
            previous = CONTEXT_MARK.join(TURN_BREAK.join(recased(self.state.data, turn) or turn for turn in part.split(TURN_BREAK))
                                         for part in previous.split(CONTEXT_MARK))
        # "No, I meant Microsoft's investment in OpenAI": the previous question of what was meant
        fixed = corrected(text) if previous else None
        read, short = unabbreviated(fixed or text, self._held)  # "which chinese cos": "which chinese companies"
        read, changes = respelt(read, self.state.data.lexical.chunk_dfs)
        changes = short + changes
        read = reordered(uncontracted(figures_as_numerals(units_as_written(read))))  # "fifty billion dollars", "5gw": "$50 billion", "5GW"
        read = with_assumed_currency(read)  # "Is Anthropic's revenue 30bn?": "$30bn"
        # "draft says amazon ... which articles back that?": its names as the articles write them before the claim is
        # read (rag.casing; the question it is turned into starts with a capital)
        read = recased(self.state.data, read) or read
        outdated = as_current(read)  # "... — isn't it more now?": whether it is current, its Yes and No turned round
        # ("... — is that still current?": "Is it still true that ...?", weighed against newer figures)
        checked, denies = checked_claim(outdated or still_true(read) or read)  # "A draft says Amazon gets a board seat. True?": "Does Amazon get a board seat?"
        if outdated is None and (outdated := as_current(checked)) is not None:
            checked = outdated  # "A reader says the $1bn figure is out of date. Is it?": "Is the $1bn figure current?"
        # a claim that quotes words no article has is not confirmed, however near a sentence says the rest
        misquoted = quote_in_claim(self.state.data, read) if checked != read else None
        answer = misquoted or self._answer(checked, previous, k, mode)
        if (says := _WHO_SAYS.match(checked)) is not None and (answer.abstained or not speaker(answer.sentence)) and (
                says.group("claim2") or as_question(says.group("claim")) is not None) and (
                not previous or not _REFERS_BACK.search(says.group("claim") or says.group("claim2"))):
            # "Who says the main risk of the deal is execution?" where no sentence names a speaker: the articles that
            # say it ("Which article says ...?"), not a name of the sentence ("Anthropic")
            verb, claim = (says.group("verb") or says.group("verb2")).lower(), says.group("claim") or says.group("claim2")
            sourced = self._answer(f"Which article {verb} {claim}?", None, k, mode)
            if not sourced.abstained:
                answer = dataclasses.replace(sourced, question=checked)
        # "Anthropic is valued at $60bn — is that still current?" where only an older article gives it and newer ones
        # found for it do not: neither Yes nor No, but what the sources bear out
        unconfirmed = answer.text.startswith("Yes: ") and OLDER_ONLY in answer.note and (
            outdated is not None or bool(_ASKS_CURRENT.search(read)))
        if unconfirmed:
            answer = dataclasses.replace(answer, text=UNCONFIRMED + answer.text[len("Yes: "):])
        elif denies != (outdated is not None):  # "Amazon does not take a controlling stake — supported?": the answer to the
            # claim without its "not", turned (and one whether a figure is out of date: the answer whether it is current)
            answer = _turned(answer)
        if checked != read:
            how = f"Checked as {checked!r}" + (", the claim without its 'not': its Yes and No turned round" if denies else "") + (
                ", whether it is current: its Yes and No turned round for whether it is out of date" if outdated is not None and not unconfirmed
                else ", whether it is current" if outdated is not None else "")
            answer = dataclasses.replace(answer, note=f"{how}." + (f" {answer.note}" if answer.note else ""))
        if checked != text:
            answer = dataclasses.replace(answer, question=text)
        if not changes:
            return answer
        said = ", ".join(f"{typed!r} as {as_read!r}" for typed, as_read in changes)
        return dataclasses.replace(answer, question=text, note=f"Read {said}." + (f" {answer.note}" if answer.note else ""))

    def _held(self, words: Sequence[str]) -> dict[str, int]:
        """How many chunks hold each word (its stems: the most of any)."""
        from rag.lexical import content_terms

        stems = {w: content_terms(w) for w in words}
        dfs = self.state.data.lexical.chunk_dfs(sorted({t for ts in stems.values() for t in ts}))
        return {w: max((dfs.get(t, 0) for t in ts), default=0) for w, ts in stems.items()}

    def _answer(self, question: str, previous: str | None, k: int, mode: str, articles: NamedArticles | None = None) -> Answer:
        """Engine.ask, once the question's spelling is read; `articles`: the articles the question named, its
        reference to them taken out (rag.named_articles)."""
        from rag.analysis import analyse
        from rag.named_articles import NamedArticles, named_articles, named_by_age, this_article

        cleaned = clean_question(question)
        if (aged := named_by_age(self.state.data, cleaned)) is not None:
            # "Is article 003 or article 004 the more recent one?": the one the index dates newer (or older)
            return self._by_age_of(question, *aged)
        if articles is None and (naming := named_articles(self.state.data, cleaned)) is not None:
            # "What does article 001 say is the key catalyst?": that article's answer, cited from it alone
            return dataclasses.replace(self._answer(naming.text, previous, k, mode, naming), question=question)
        if articles is None and previous and (this := this_article(cleaned)) is not None and not analyse(cleaned).followup and not (
                earlier := self._last_answer(previous, k, mode)).abstained and earlier.citations:
            # "Which Chinese companies are mentioned in this article?": the article the previous answer cites first
            doc_id = earlier.citations[0].doc_id
            naming = NamedArticles(this[0], (doc_id,), this[1])
            return dataclasses.replace(self._answer(naming.text, None, k, mode, naming), question=question)
        from rag.agreement import agreement_answer, agreement_followup, agreement_question
        from rag.answering import answer_question, superseded
        from rag.attribution import (
            asks_who_states,
            attribution_answer,
            current_answer,
            newer_answer,
            newest_answer,
            older_answer,
            side_sources,
            sources_answer,
        )
        from rag.bylines import asks_byline, author_described, byline_answer, credit_answer
        from rag.casing import leads_with_name
        from rag.choice import chosen, figure_choice, figure_question
        from rag.citing import cite
        from rag.claim_check import checked_question
        from rag.comparison import compared as compared_answer
        from rag.comparison import which_of_two
        from rag.coverage import coverage_question
        from rag.event_order import event_order, ordered
        from rag.followup import (
            asks_on_its_own,
            before_event,
            contextualize,
            names_another,
            needs_previous,
            owned_asked,
            referent_readings,
            restated,
            unresolved_pronoun,
            with_other_target,
            with_referent,
            with_source,
            without_target,
        )
        from rag.makers import maker_asked, maker_named
        from rag.named_articles import article_passages, cited_in
        from rag.outlets import cited_from, outlet_scope
        from rag.parts import (
            asked_of_answer,
            bare_followup,
            claim_parts,
            claims_joined,
            compared_label,
            compared_parts,
            joined,
            two_parts,
        )
        from rag.questions import premise_question
        from rag.quote_check import quote_check
        from rag.retrieval import claim_passages, doer_passages, expansion_passages, retrieve, with_scope_words
        from rag.staleness import older_only
        from rag.tranches import next_tranche, rest_of

        q = analyse(clean_question(question))  # (its names as the articles write them: recased in `ask`)
        if leads_with_name(self.state.data, q.text):
            q = analyse(q.text, leading_name=True)  # "Anthropic valuation": Anthropic's valuation, not any company's
        if (plain := unframed(q.text)) != q.text:
            # "Is Anthropic described as a fast-growing company?" asks whether it is one
            return dataclasses.replace(self._answer(plain, previous, k, mode, articles), question=q.text)
        premise = premise_question(q.text) if not previous else None
        asked_premise = analyse(premise) if premise is not None else None
        if premise is not None and asked_premise is not None and _checkable(asked_premise) and (
                checked := self.ask(premise, k=k, mode=mode)).text.startswith("No: "):
            # "Why is Anthropic spending $100 billion on Google Cloud?": what the question takes as done, the articles
            # say otherwise ("... pledged to spend $100 billion on Amazon Web Services"): that, not a reason
            return dataclasses.replace(checked, question=q.text, note=f"The question assumes what the articles do not say: asked as {premise!r}."
                                       + (f" {checked.note}" if checked.note else ""))
        if asked_premise is not None and _unsaid_act(self.state.data, asked_premise):
            # "Why did Amazon buy Anthropic outright?" of articles that never say "buy": no reason for what no article
            # says was done (a sentence that only shares the question's names is no answer)
            return Answer.abstain(q.text, 0.0, f"The question assumes what no article says: asked as {premise!r}.")
        if (quoted := quote_check(self.state.data, q.text, articles.doc_ids if articles is not None else ())) is not None:
            return quoted  # "Did Daniela Amodei say 'we will never give up our independence'?": only the words as written
        if (order := event_order(q.text)) is not None and (
                in_order := ordered(q.text, order, lambda asked: self.ask(asked, k=k, mode=mode))) is not None:
            return in_order  # "Was Anthropic founded before Amazon first invested in it?": each event's date, set in order
        if (parts := two_parts(q.text)) is not None and not q.followup:
            # "Who is Anthropic's CEO and when was the company founded?": each part on its own, the second as a
            # follow-up of the first ("the company", "its"); both answers together
            first = self.ask(parts[0], previous=previous, k=k, mode=mode)
            # "Which firm has put money into Anthropic, and how much?": how much the firm answered has put in
            of_answer = None if first.abstained else asked_of_answer(parts[0], parts[1], first.text)
            second = self.ask(of_answer or parts[1], previous=parts[0], k=k, mode=mode)
            return joined(q.text, [(parts[0], first), (of_answer or parts[1], second)])
        if (claims := claim_parts(q.text)) is not None and not q.followup:
            # "Is Dario Amodei Anthropic's president and Daniela Amodei is its CEO?": each claim checked, the second
            # as a follow-up of the first ("its"); a claim not so answers the whole
            first = self.ask(claims[0], previous=previous, k=k, mode=mode)
            second = self.ask(claims[1], previous=claims[0], k=k, mode=mode)
            return claims_joined(q.text, [(claims[0], first), (claims[1], second)])
        if (compared := compared_parts(q.text)) is not None:
            # "How does OpenAI's valuation compare with Anthropic's?": each name's figure, each cited
            return joined(q.text, [(part, self.ask(part, k=k, mode=mode)) for part in compared], [compared_label(p) for p in compared])
        if (two := which_of_two(q.text)) is not None:
            # "Which is valued higher, Anthropic or OpenAI?": each side's figure, the larger named
            first, second = (self.ask(part, k=k, mode=mode) for part in two.questions)
            return compared_answer(q.text, two, (first, second))
        if (maker := maker_asked(self.state.data, q.text)) is not None:
            # "Which company makes Claude?": the owner the articles write for it ("Anthropic, the AI company behind Claude")
            sentence = self.state.data.sentences[maker[1]]
            return Answer(q.text, maker[0], sentence.text, False, MAKER_CONFIDENCE, (cite(self.state.data, maker[1]),), source_count=1)
        if (made := maker_named(self.state.data, q.text)) is not None:
            # "How much is Amazon putting into the Claude maker?": asked of Anthropic, as the articles write it
            return dataclasses.replace(self._answer(made, previous, k, mode), question=q.text)
        # after "And before that?" (once or more), the question it followed and each such turn, one a line
        own, _, context = (previous or "").partition(CONTEXT_MARK)
        base, *chain = own.split(TURN_BREAK)
        older = chain[-1] if chain else ""
        before = _usable(base)
        within = f"{CONTEXT_MARK}{context}" if context else ""  # the context the previous question was read in
        if before is not None and not q.followup and (sourced := with_source(q.text, before)) is not None:
            # "What does it say about the length of the partnership?" after "..., according to the Hamidun News
            # article?": that article's answer
            return dataclasses.replace(self.ask(sourced, k=k, mode=mode), question=q.text)
        # ("Do other sources confirm it?" asks of the previous answer, not of its name: rag.agreement)
        swapped = restated(q.text, before) if before is not None and not q.followup and not agreement_followup(q.text) else None
        if swapped is None and before is not None and not q.followup and names_another(q.text, bare=True) and (
                named_before := _named_question(previous)) not in (None, before):
            # "What about Google?" after "What did that bring the total to?": of the nearest question that gives a name
            swapped = restated(q.text, named_before) if named_before is not None else None
        if swapped is not None and before is not None and (figured := self._with_figure_answered(q.text, previous, k, mode)) is not None:
            return figured  # "How big is that?" after "up to 5GW": of that figure, not "How big does Anthropic get?"
        if swapped is None and before is not None and not q.followup and (earlier_names := self._named_answer(q.text, before, context, k, mode)):
            swapped = earlier_names  # "What are they doing?" after "Kunlun Wanwei and Nine United"
        if swapped is None and not q.followup and (owned := owned_asked(q.text)) is not None:
            return dataclasses.replace(self._answer(owned, previous, k, mode), question=q.text)
        if swapped is not None:  # "What about Google?": the previous question, asked of Google
            got = self.ask(swapped, k=k, mode=mode)
            if got.abstained and before is not None and (target := with_other_target(q.text, before)) not in (None, swapped):
                # "What about Anthropic?" after "How much did Amazon invest in OpenAI?": of the party it was done to
                got = self.ask(target, k=k, mode=mode)
            if got.abstained and (untargeted := without_target(swapped)) is not None:
                # "And Google?" after "How much has Microsoft put into OpenAI?": what Google put in, into whatever
                got = self.ask(untargeted, k=k, mode=mode)
            if got.abstained and before is not None and bare_followup(q.text, before) is not None:
                # "Over how long?" after "What does Anthropic commit in return?": what the answer's own sentences say
                got = self._in_answer(swapped, self.ask(before, previous=context or None, k=k, mode=mode)) or got
            return dataclasses.replace(got, question=q.text)
        # "Is it still independent?" after "Where is it headquartered?" (of Anthropic) or "Does Amazon get a board seat
        # at Anthropic?": where the question read with the one before finds nothing, "it" read as the name (or each
        # name) of the nearest question that gives one
        named = _named_question(previous) if before is not None and swapped is None and not q.followup else None
        one = with_referent(q.text, named) if named is not None and named != before else None
        readings = [one] if one is not None else referent_readings(q.text, named) if named is not None else []
        if articles is not None and q.followup in ("credit", "publisher"):
            # "Which outlet published the piece titled '...'?": the named article's publisher (or credit line)
            credited = credit_answer(self.state.data, q.text, articles.doc_ids[0], q.followup == "publisher")
            return credited or Answer.abstain(q.text, 0.0, NO_CREDIT)
        if (q.followup or needs_previous(q)) and before is None:
            # "And before that?" or "And Microsoft?" first: there is no question it could follow up
            return Answer.abstain(q.text, 0.0, NOTHING_TO_FOLLOW)
        if q.followup and before is not None:
            # after a yes/no question about a figure ("Is Amazon's total investment $8 billion?"), the figure follow-ups
            # ask of the figure as the articles give it ("How much is Amazon's total investment?")
            of_figure = figure_question(checked_question(before)) if not older and q.followup in FIGURE_FOLLOWUPS else None
            if of_figure is not None:
                before = of_figure
            if q.followup == "figure":  # "What's the actual figure then?": of a figure question, its own answer
                return dataclasses.replace(self.ask(before, previous=context or None, k=k, mode=mode), question=q.text)
            # "who said that?" means the previous answer's sources; "and before that?" its older figure; after "and
            # before that?", the previous answer is that older one
            earlier = self._last_answer(previous, k, mode, before)
            if q.followup == "source":
                if earlier.abstained and context:
                    # "Which article reported it?" after a turn refused ("Was that during normal trading hours?"): the
                    # sources of the answer that turn was read with
                    earlier = self._last_answer(context, k, mode)
                return sources_answer(q.text, earlier)
            if q.followup == "side":  # "Which article gave that lower number?": one side's articles
                return side_sources(q.text, earlier, q.side)
            if q.followup in ("credit", "publisher"):  # "Who wrote that article?": the credit line of the article
                # the answer cites first; "Who published that?": its publisher
                credited = None if earlier.abstained or not earlier.citations else credit_answer(
                    self.state.data, q.text, earlier.citations[0].doc_id, q.followup == "publisher")
                return credited or Answer.abstain(q.text, 0.0, NO_CREDIT)
            if q.followup == "current":  # "Is that still true?": the previous answer, if no newer source says otherwise
                asked = analyse(older or before).measured  # "Which article says $8 billion?": that figure
                return superseded(self.state.data, q, earlier, asked) or current_answer(q.text, earlier)
            if q.followup == "newest":  # "Which is the more recent figure?": the side the answer leads with, or the
                # newer side a question about the past was answered against
                return (newer_answer(q.text, earlier, True) if analyse(older or before).past
                        else newest_answer(q.text, earlier))
            if q.followup == "rest":  # "And the rest?" after "How much of that is paid upfront?": the rest of the whole
                return rest_of(self.state.data, q.text, earlier) or Answer.abstain(q.text, 0.0)
            if q.followup == "after" and older and analyse(older).followup == "before":
                # "And after that?" after "And before that?": the answer the step back was taken from
                back = (self.ask(chain[-2], previous=TURN_BREAK.join([base, *chain[:-2]]) + within, k=k, mode=mode) if len(chain) > 1
                        else self.ask(before, previous=context or None, k=k, mode=mode))
                return dataclasses.replace(back, question=q.text)
            if q.followup == "after":  # "And after that?": the newer figure a question about the past was set against
                got = newer_answer(q.text, earlier, analyse(older or before).past)
            else:
                got = older_answer(q.text, earlier)
            if got.abstained:  # no source disagrees: the tranche its article gives just before (or after) it
                return next_tranche(self.state.data, q.text, earlier, before=q.followup == "before") or got
            return got
        if before is not None and not q.followup and (rest := self._of_the_rest(q.text, previous, k, mode)) is not None:
            return rest  # "And the rest depends on what?" after "$5bn": asked of the "up to another $20bn" its sentence gives
        if (choice := figure_choice(q.text)) is not None:
            # "Is Anthropic's revenue about $1 billion or $30 billion?": the figure, where it is one of the two
            picked = chosen(q.text, choice[1], self.ask(choice[0], k=k, mode=mode))
            if picked is not None:
                return picked
        agreement = agreement_question(q.text, before)
        if agreement is not None:  # "Do the articles agree on Anthropic's revenue?": the verdict on its answer
            return agreement_answer(q.text, agreement, self.ask(agreement.topic, k=k, mode=mode))
        if articles is None and (aged_source := _aged_source(q.text)) is not None:
            # "According to the older article, is Anthropic's revenue $30 billion?", "Does the newer piece say ...?":
            # the question asked of the oldest (or newest) dated article among those its answer cites or sets against it
            return self._asked_of_aged(q.text, *aged_source, k, mode)
        if (older_topic := _OLDER_SAYS.match(q.text)) is not None:
            # "What did the older article say about Trainium?": the oldest article that mentions it, where it does
            return self._oldest_saying(q.text, older_topic.group("topic"))
        if (covered := coverage_question(q.text)) is not None:  # "Which articles mention Trainium?"
            return self._coverage(q.text, covered)
        state = self.state
        if q.figures and asks_who_states(q.text) and not asks_byline(q):  # (not "Which outlet was the report ... adapted from?")
            return attribution_answer(q.text, state.figures.lookup(q.text), lambda doc_id: state.data.document(doc_id).publisher)
        if before is not None and (figured := self._with_figure_answered(q.text, previous, k, mode)) is not None:
            return figured  # "How big is that in everyday terms?" after "up to 5 gigawatts": of that figure
        if before is not None and not q.entities and (part := self._part_of_answer(q.text, before, previous, k, mode)) is not None:
            return part  # "How much of this money is paid immediately?" after "up to $25 billion": a part of that figure
        if before is not None and (pronoun := unresolved_pronoun(q, before)):
            # "How much are they investing?" where the turns kept say nothing of who: any name's figure is a guess
            return Answer.abstain(q.text, 0.0, f"The conversation does not say who \"{pronoun}\" {'are' if pronoun.lower() == 'they' else 'is'}.")
        borrowed = False
        if before is not None and previous and not q.entities and q.span_kind in _OWNED_KINDS and (asked_of := _named_of(state.data, previous)):
            # "Valuation at that time?" after "Anthropic annual revenue?": money asked of no one is the name's the turns
            # before asked of (not Mistral AI's "$6 billion valuation" beside Anthropic's; power or tokens are
            # no company's own measure: "How many gigawatts?" of "guarantees the company access to up to 5 gigawatts")
            q, borrowed = dataclasses.replace(q, entities=asked_of, owners=asked_of), True
        search = contextualize(q, before)
        # (a question read on its own: one read with the turn before has that turn's words for what it asks of)
        search = with_scope_words(state.data, q, search) if search == q.text else search
        vector = self._embedder().encode([search])[0]
        passages = retrieve(state.data, search, vector, k=k, mode=mode)
        passages += claim_passages(state.data, q, passages)
        passages += expansion_passages(state.data, q, passages)
        passages += doer_passages(state.data, q, passages)
        if articles is not None:
            passages = article_passages(state.data, articles.doc_ids, vector, passages)
        q, passages, outlets = outlet_scope(state.data, q, passages)
        if asks_byline(q) and (credited := byline_answer(state.data, q, passages)) is not None:
            return credited  # "Who edited the article about ...?": the credit line of the article found
        if q.answer_type in ("person", "role") and (box := author_described(state.data, q.text, passages)) is not None:
            return box  # "Who is Mr Explorer?": what the author box under the name says
        answer = answer_question(state.data, q, vector, passages, state.data.idf, search_text=search, keep_lead=articles is not None)
        answer = older_only(state.data, q, cited_from(state.data, answer, outlets), passages) if articles is None else cited_in(answer, articles)
        if (without_event := before_event(q)) is not None:
            answer = self._before_event(q.text, without_event, answer, previous, k, mode)
        if not answer.abstained and before is not None and search != q.text and not q.followup and not needs_previous(q) and asks_on_its_own(q) and (
                alone := self._answer(q.text, None, k, mode)).abstained:
            # "and who's the Amazon CEO?" after a question about Amazon's stake: the previous question's words found a
            # sentence of its own subject ("Amazon holds a minority stake ..."), and the turn's own words find none
            return alone
        if answer.abstained and before is not None and search != q.text and q.entities and not borrowed and not q.followup and not needs_previous(q):
            # "What does Anthropic commit in return?" after a question about the total: the previous question's words
            # pulled the search away from what it names itself; asked on its own
            return self._answer(q.text, None, k, mode)
        if answer.abstained and readings:  # the surest answer of those "it" read as a name gives
            answered = [a for a in (self.ask(r, k=k, mode=mode) for r in readings) if not a.abstained]
            if answered:
                return dataclasses.replace(max(answered, key=lambda a: a.confidence), question=q.text)
        return answer

    def _named_answer(self, question: str, before: str, context: str, k: int, mode: str) -> str | None:
        """The question with "they" as the names the previous answer gave (rag.followup.with_named_answer), where the
        previous question asked for a list of names; None where it did not."""
        from rag.analysis import analyse
        from rag.followup import with_named_answer

        if not with_named_answer(question, "A and B") or analyse(before).answer_type not in ("list", "organisation", "person"):
            return None
        earlier = self.ask(before, previous=context or None, k=k, mode=mode)
        return None if earlier.abstained else with_named_answer(question, earlier.text)

    def _in_answer(self, question: str, earlier: Answer) -> Answer | None:
        """The answer to a bare follow-up ("Over how long?") from the sentences the earlier answer cites: the span of
        the kind asked in the first that holds one ("over the next decade"); None where none does."""
        from rag.analysis import analyse
        from rag.spans import choose_span

        if earlier.abstained:
            return None
        q = analyse(question)
        if q.span_kind in ("other", "name"):
            return None  # only a span of a kind ("how long", "when") is told by its form alone
        for citation in earlier.citations:
            span = choose_span(citation.quote, q, self.state.data.idf)
            if span is not None:
                return Answer(question, span.text, citation.quote, False, earlier.confidence, (citation,), source_count=1)
        return None

    def _by_age_of(self, question: str, age: str, newest_first: list[str]) -> Answer:
        """Which of the articles named is the newest (or oldest), as "Which article is the oldest?" is answered."""
        from rag.coverage import by_age

        data = self.state.data
        found = _listed(data, newest_first, len(newest_first))
        return by_age(question, CoverageQuestion("which", "", age=age), found, lambda d: data.document_head(d).label,
                      lambda d: _dated(data, d))

    def _last_answer(self, previous: str | None, k: int, mode: str, before: str | None = None) -> Answer:
        """The answer of the turn before: of the question it followed up (`before` where it is to be asked otherwise:
        a yes/no question's figure), or of the last "And before that?" after it (that turn asked again, as a follow-up
        of the ones before it)."""
        own, _, context = (previous or "").partition(CONTEXT_MARK)
        base, *chain = own.split(TURN_BREAK)
        within = f"{CONTEXT_MARK}{context}" if context else ""
        if chain:
            return self.ask(chain[-1], previous=TURN_BREAK.join([base, *chain[:-1]]) + within, k=k, mode=mode)
        return self.ask(before or _usable(base) or base, previous=context or None, k=k, mode=mode)

    def _with_figure_answered(self, question: str, previous: str | None, k: int, mode: str) -> Answer | None:
        """The question asked of the previous answer's figure where it says "that" for it (rag.followup.with_answer);
        None where it does not, or the previous answer gave no figure."""
        from rag.agreement import agreement_followup
        from rag.followup import refers_to_answer, with_answer

        if not refers_to_answer(question) or agreement_followup(question):
            return None  # (not "Do other sources confirm it?": whether another source states the answer)
        earlier = self._last_answer(previous, k, mode)
        if earlier.abstained or earlier.figure is None:
            return None
        rewritten = with_answer(question, earlier.text)
        return dataclasses.replace(self.ask(rewritten, k=k, mode=mode), question=question) if rewritten else None

    def _part_of_answer(self, question: str, before: str, previous: str | None, k: int, mode: str) -> Answer | None:
        """A part asked of the figure a yes/no question before bore out ("How much of this money is paid
        immediately?" after "Yes: Amazon will invest up to $25 billion ..."), asked of that figure on its own: "How
        much of the $25 billion is paid immediately?"; None where the question asks no part of "that", the turn before
        was no such Yes, or the figure's question finds nothing (then the question is read with the turn before)."""
        from rag.analysis import analyse
        from rag.claim_check import checked_question

        m = _PART_OF.search(question)
        if m is None:
            return None
        earlier = self._last_answer(previous, k, mode)
        if earlier.abstained or not earlier.text.startswith("Yes"):
            return None  # (a figure answered is read with its question: its own sentences say what part it is)
        # the figure a yes/no question asked and its answer bore out
        asked = analyse(checked_question(before)).measured
        if not asked:
            return None
        return self._asked_in_place(question, m, f"of the {asked[0].text}", k, mode)

    def _of_the_rest(self, question: str, previous: str | None, k: int, mode: str) -> Answer | None:
        """A question of "the rest" of the answer before's whole ("And the rest depends on what?" after "$5bn, with up
        to another $20bn tied to commercial milestones"), asked of that rest's figure: "... the $20bn depends on
        what?"; None where it says no "the rest", the answer before gives no rest, or that question finds nothing."""
        from rag.tranches import rest_of

        m = _THE_REST.search(question)
        if m is None:
            return None
        earlier = self._last_answer(previous, k, mode)
        rest = rest_of(self.state.data, question, earlier)
        if rest is None or rest.figure is None:
            return None
        return self._asked_in_place(question, m, f"the {rest.figure.text}", k, mode)

    def _asked_in_place(self, question: str, m: re.Match[str], words: str, k: int, mode: str) -> Answer | None:
        """The answer to the question with `words` in place of what `m` matched, under the question as asked; None
        where it finds nothing."""
        got = self.ask(f"{question[: m.start()]}{words}{question[m.end():]}", k=k, mode=mode)
        return None if got.abstained else dataclasses.replace(got, question=question)

    def _asked_of_aged(self, question: str, asked: str, age: str, named: str, k: int, mode: str) -> Answer:
        """`asked` answered from the oldest (`age` "oldest") or newest dated article among those the answer to it cites
        or sets against it, as a question naming that article is (rag.named_articles); the plain answer where it has
        no dated article."""
        from rag.named_articles import NamedArticles

        data = self.state.data
        got = self.ask(asked, k=k, mode=mode)
        docs = [d for d in dict.fromkeys([*(c.doc_id for c in got.citations), *(c.doc_id for c in got.conflicts)])
                if not math.isinf(data.position(d))]
        if not docs:
            return dataclasses.replace(got, question=question)
        doc = (min if age == "oldest" else max)(docs, key=data.position)
        from_it = self._answer(asked, None, k, mode, NamedArticles(asked, (doc,), named))
        return dataclasses.replace(from_it, question=question)

    def _oldest_saying(self, question: str, topic: str) -> Answer:
        """The sentence of the oldest dated article among those that mention the topic (rag.coverage), cited from it."""
        from rag.analysis import analyse
        from rag.attribution import older_answer
        from rag.coverage import CoverageQuestion
        from rag.spans import FIGURE_TYPES

        data = self.state.data
        asked = f"What is {topic}?"
        if analyse(asked).span_kind in FIGURE_TYPES:
            # "What did the older report say about Anthropic's revenue?": the older side of what the sources give
            got = self.ask(asked)
            if got.conflicts and got.lead_basis.startswith("newer"):
                return dataclasses.replace(older_answer(question, got), note="The older side of what the sources give.")
        found = self._coverage(question, CoverageQuestion("which", topic))
        if found.abstained or not found.citations:
            return found
        dated = [c for c in found.citations if not math.isinf(data.position(c.doc_id))] or list(found.citations)
        oldest = min(dated, key=lambda c: data.position(c.doc_id))  # (an undated article is no older one)
        return Answer(question, oldest.quote, oldest.quote, False, found.confidence, (oldest,), source_count=1,
                      note=f"From the oldest of the articles that mention it: {oldest.title or oldest.file}.")

    def _coverage(self, question: str, asked: CoverageQuestion) -> Answer:
        """Which articles mention the topic, how many, or which do not (rag.coverage)."""
        from rag.attribution import attribution_answer, source_name
        from rag.citing import cite
        from rag.coverage import SHOWN_ARTICLES, by_age, coverage_answer, from_claim, from_figures
        from rag.figures import parse_figures
        from rag.lexical import content_terms

        state = self.state
        data = state.data
        total = len(data.documents)
        lookup = state.figures.lookup(asked.topic) if asked.claim and asked.figured else None
        if asked.claim and (lookup is None or not lookup.mentions):
            # "Which article says Anthropic is independent?", "... says Amazon put about $50 billion into OpenAI?" (no
            # claim of the figure has those words): the sources of a Yes to it asked as a yes/no question (of a No,
            # where the claim denies: "... says Amazon does not have a seat on the board?")
            yes_no, denies = asked.as_yes_no
            return from_claim(question, asked, self.ask(yes_no), total, denies, lambda doc_id: data.document_head(doc_id).publisher)
        if lookup is not None and asked.ask == "which":  # "Which article gives $25 billion?": as "who says ...?"
            return attribution_answer(question, lookup, lambda doc_id: data.document_head(doc_id).publisher)
        if lookup is not None:  # "How many sources say Amazon invested $4 billion?"
            found = from_figures(lookup, total)
        elif not asked.topic:
            found = Mentioning((), total, False, total)
        elif asked.figured:  # "Which articles mention the $100 billion AWS spending commitment?": the figure, in any words
            figures = " ".join(f.text for f in parse_figures(asked.topic) if f.unit != "year")
            found = from_figures(state.figures.lookup(figures), total)
        else:
            m = data.lexical.mentions(content_terms(asked.topic), SHOWN_ARTICLES)
            if not m.shown and asked.named:  # the role in other words: the name alone
                m = data.lexical.mentions(content_terms(asked.named), SHOWN_ARTICLES)
            found = Mentioning(tuple(cite(data, sid) for _, sid in m.shown), m.count, m.at_least, total, m.holds, m.about)
        if asked.age and not asked.topic:
            # "Which article is the oldest?": every article, in the order of time the index keeps
            # (the oldest of those whose time is known: an undated article is no older one)
            order, dated = data.lexical.newest_first(), data.lexical.dated_count()
            ends = order[:SHOWN_ARTICLES] if asked.age == "newest" else order[max(0, dated - SHOWN_ARTICLES) : dated]
            found = _listed(data, ends, total)
        unmentioned = tuple(data.documents_except(found.holds, SHOWN_ARTICLES)) if asked.negated and not (found.at_least or found.about) else ()

        def label(doc_id: str) -> str:
            head = data.document_head(doc_id)
            return source_name(head.label, head.publisher, asked.outlets)

        if asked.age:
            return by_age(question, asked, found, label, lambda doc_id: _dated(data, doc_id))
        labels = {d: label(d) for d in (*(c.doc_id for c in found.citations), *unmentioned)}
        return coverage_answer(question, asked, found, labels, unmentioned)

    def _before_event(self, question: str, without_event: str, answer: Answer, previous: str | None, k: int, mode: str) -> Answer:
        """ "How much had Amazon invested in Anthropic before the $5 billion deal?": an answer that is one of the older
        figures the sources set against the answer to the question without that clause stands ("... total
        investment before the latest deal?": $8 billion against $33bn); any other is replaced by the older figure, as
        "And before that?" is after that question (it was "$100 billion", Anthropic's spending pledge). Where no source
        sets an older figure against that answer, the question is answered as asked."""
        from rag.attribution import older_answer

        earlier = self.ask(without_event, previous=previous, k=k, mode=mode)
        if earlier.abstained or not earlier.conflicts:
            return answer  # no source sets an older figure against it: the question as asked, its event's words and all
        if not answer.abstained and answer.figure is not None and any(
                c.unit == answer.figure.unit and c.value == answer.figure.value for c in earlier.conflicts):
            return answer
        return older_answer(question, earlier)

    @staticmethod
    def next_previous(question: str, previous: str | None) -> str | None:
        """What a conversation's next turn follows up: this question, unless it was itself a follow-up. After "Who
        said that?" it is still the question before; after "And before that?", that question and this one on a second
        line (TURN_BREAK), so that "Who said that?" then means the older figure's sources."""
        from rag.agreement import agreement_followup
        from rag.analysis import analyse
        from rag.followup import asks_which_one, contextualize, corrected, needs_previous, restated, which_ones

        try:
            text = clean_question(question)
            text = (corrected(text) if previous else None) or text  # "No, I meant ...": "What about ...?"
            q = analyse(text)
            followup = q.followup
        except RagError:
            return previous
        own, _, context = (previous or "").partition(CONTEXT_MARK)
        base = own.partition(TURN_BREAK)[0]
        # (a follow-up of its own kind is no question to restate: "And what did the older article say it was?")
        if previous and agreement_followup(text):
            return previous  # "Do the other sources agree?": "What about its valuation?" then follows the question before
        swapped = restated(text, base) if base and not followup else None
        if swapped is not None and asks_which_one(text) and which_ones(text, base) is None:
            return previous  # "Which one?" of the sources: the next turn follows the question before ("And the valuation?")
        if swapped is not None:  # after "What about Google?" or "When?", "Who said that?" means the question as asked of it
            return swapped
        if base and not followup and (needs_previous(q) or (not q.entities and _OF_THE_ANSWER.search(text))):
            # "What about Meta?" that could not be restated (after "What are they doing?"), or "How much of that is
            # paid upfront?": read with the question it followed, which the next turn follows too ("And Apple?", "And
            # the rest?")
            return previous
        if not followup and previous and contextualize(q, base) != contextualize(q, None):
            # "When did it start?" read with the question before: a follow-up of it ("Who says so?") asks it so again
            return text + CONTEXT_MARK + previous
        if not followup or not previous:
            return text  # as asked, its line breaks read as spaces: a break in it is no turn of the conversation
        if followup in ("before", "after"):
            # "And before that?" again steps back once more
            return own + TURN_BREAK + text + (CONTEXT_MARK + context if context else "")
        return previous

    def verify_in_background(self) -> threading.Thread:
        """Hash every segment of the open index in a background thread (opening checked sizes and headers only).
        A damaged segment is reported, and its articles are indexed again from the corpus; the rest stays."""
        data = self.state.data
        say = self._log or (lambda _msg: None)

        def work() -> None:
            for seg in data.segments:
                try:
                    verify(seg.folder, seg.meta)
                except (IndexCorrupt, OSError) as exc:
                    say(f"the background check found damage ({exc}); indexing the articles of {seg.name} again")
                    try:
                        self.refresh(damaged=frozenset({seg.name}))
                    except RagError as again:
                        say(f"error: {again}")
                    return

        thread = threading.Thread(target=work, name="rag-verify", daemon=True)
        thread.start()
        return thread

    def embed(self, texts: list[str]) -> np.ndarray:
        """Vectors of `texts` from the engine's embedding model (L2-normalized float32)."""
        return self._embedder().encode(texts)

    def warm_up(self) -> None:
        """Load the embedding model, the answer side and the parser of answer phrases now, so the first question
        waits for none of them."""
        import rag.answering  # noqa: F401 - imported here, not at the engine's import (see above)
        from rag.phrases import noun_phrases

        self._embedder().encode(["warm up"])
        noun_phrases("Warm up the parser.")

    def load_model_in_background(self, question: str | None = None) -> threading.Thread:
        """Start loading the embedding model in a thread, so that it loads while the index opens: a cold `rag ask`
        then pays the longer of the two, not their sum. Where the `question` names something after a place
        preposition ("the plant in Tromsø"), the parser that tells places from companies (rag.places) loads next in
        the same thread: one thread, so that spaCy's import, which hides torch, never meets the model's first
        export, which imports it."""
        parse = question is not None and bool(placed_names(question))

        def load() -> object:
            embedder = self._embedder()
            if parse:
                load_parser()
            return embedder

        return load_in_background(load)

    def figure(self, query: str) -> FigureLookup:
        return self.state.figures.lookup(query)

    def figure_check(self, query: str) -> tuple[FigureLookup, list[FigureMention]]:
        """Every mention of the query's figure, and the documents that give another figure for the same thing."""
        state = self.state
        lookup = state.figures.lookup(query)
        return lookup, state.figures.differing(lookup)

    def add_article(self, filename: str, raw: bytes, progress: Progress | None = None) -> Document:
        """Save an uploaded article in the corpus and index it; on any failure the corpus and index are as before.
        Uploads are taken one at a time."""
        with self._upload_lock:
            return self._add_article(filename, raw, progress)

    def _add_article(self, filename: str, raw: bytes, progress: Progress | None) -> Document:
        name = safe_filename(filename)
        try:
            text, _ = decode_article(raw, Path(name).suffix.lower())
        except CorpusError as exc:
            raise UploadError(f"{name} {exc}") from exc
        same = self.state.data.document_by_text(text_key(text))
        if same is not None:
            raise UploadError(f"{name} is already in the corpus as {same.file}: an identical copy would count as a second source")
        with self._write_lock:
            target = _free_path(self.corpus_dir / name)
            fd, tmp = tempfile.mkstemp(dir=self.corpus_dir, prefix=".upload-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(raw)
                os.chmod(tmp, 0o644)  # mkstemp makes it 0600; an article is as readable as the rest of the corpus
                os.replace(tmp, target)
            except OSError as exc:
                Path(tmp).unlink(missing_ok=True)
                raise UploadError(f"could not save {name}: {exc.strerror}") from exc
        try:
            self.refresh(progress=progress)
        except Exception:
            target.unlink(missing_ok=True)
            raise
        doc = self.state.data.document_by_file(target.name)
        if doc is not None:
            return doc
        target.unlink(missing_ok=True)
        raise UploadError(f"{name} could not be read as an article")


def _turned(answer: Answer) -> Answer:
    """A yes/no answer with its verdict turned round (a claim that denies what was asked); any other as it is."""
    for word, other in (("Yes: ", "No: "), ("No: ", "Yes: ")):
        if answer.text.startswith(word):
            return dataclasses.replace(answer, text=other + answer.text[len(word):])
    return answer


def _listed(data: IndexData, doc_ids: Sequence[str], total: int) -> Mentioning:
    """Articles named by their titles, in the order given, as the found articles of a question about them."""
    from rag.records import Citation

    heads = [data.document_head(d) for d in doc_ids]
    return Mentioning(tuple(Citation(h.doc_id, h.title, h.file, 0, 0, h.title) for h in heads), total, False, total)


def _dated(data: IndexData, doc_id: str) -> tuple[str, str]:
    """An article's date and why it is known, as the index keeps them."""
    head = data.document_head(doc_id)
    return head.date, head.date_basis


def _checkable(premise: QuestionAnalysis) -> bool:
    """Whether a why-question's premise, asked yes or no, is one whose No the articles bear out by what they state:
    a figure ("$25 billion in cash upfront"), or a word whose opposite they say ("fall" and "climbed"); not any No
    (a contrast: "Unlike Microsoft's arrangement ...")."""
    return bool(premise.measured) or bool(premise.said) or bool(premise.durations)


def _unsaid_act(data: IndexData, premise: QuestionAnalysis) -> bool:
    """Whether a why-question's premise asks an act (its verb, not a light one) that no article says in any form
    ("buy", "block"), of which no article can give the reason."""
    from rag.lexical import LIGHT_TERMS

    verb = premise.predicate
    # (an act the premise says was done: "Did Amazon buy ...?", not "Would customers find it hard ...?")
    return bool(verb) and verb not in LIGHT_TERMS and not premise.measured and bool(_DONE.match(premise.text)) and (
        data.lexical.chunk_df(verb) == 0)


def _named_question(previous: str | None) -> str | None:
    """The nearest question of a conversation's `previous` that gives a name: the one it follows up, else the one
    that was read with (CONTEXT_MARK) and so on back ("Where is it headquartered?" was read with "Who runs
    Anthropic?")."""
    from rag.analysis import analyse

    for part in (previous or "").split(CONTEXT_MARK):
        text = _usable(part.partition(TURN_BREAK)[0])
        if text is not None and analyse(text).entities:
            return text
    return _usable((previous or "").partition(CONTEXT_MARK)[0].partition(TURN_BREAK)[0])


def _usable(previous: str | None) -> str | None:
    """The previous question as context, or None when there is none fit to use."""
    if not previous:
        return None
    try:
        return clean_question(previous)
    except QuestionError:
        return None


def safe_filename(filename: str) -> str:
    """A plain file name for an upload: no folders, no hidden files, only an allowed type."""
    base = re.split(r"[\\/]", filename or "")[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot or f".{suffix.lower()}" not in CORPUS_SUFFIXES:
        allowed = ", ".join(CORPUS_SUFFIXES)
        raise UploadError(f"{base or 'the file'} is not an allowed type: upload one of {allowed}")
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._-")[:MAX_NAME_CHARS] or "article"
    return f"{stem}.{suffix.lower()}"


def _free_path(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


__all__ = ["Engine", "MAX_DOCUMENT_BYTES", "safe_filename"]
