"""The open index: one read-only view over its segments, by global id, with the answer side's lookups.

Global ids are positions: a segment's sentences (and chunks) follow the previous segment's, so ids stay
contiguous within a document and neighbours are id ± 1. Documents marked deleted in the manifest keep
their ids but are never returned by a search or a lookup. Rows are read from SQLite when asked for and
kept in small caches; nothing is read in full at open but each segment's list of document ids.
"""

from __future__ import annotations

import bisect
import math
import os
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Generic, TypeVar

import numpy as np

from rag.dating import DocTime
from rag.disagreement import entity_key
from rag.figures import figure_key
from rag.index import bm25
from rag.index.segment import SQL_BATCH, Segment
from rag.lexical import content_terms
from rag.records import Chunk, Claim, Document, Sentence
from rag.units import PREFIXED_UNITS

ROW_CACHE = 4096
REFS_CACHE = 256  # id lists of recent claim lookups (a topic's list is shared by the verdicts on its values)
CLAIM_CACHE = 16_384  # decoded claims
T = TypeVar("T")
DOC_CACHE = 64
# Chunks of a term's postings a mentions lookup reads per segment, as one array: a bound on the cost of "Which
# articles mention X?" at any size; past it the count is a lower bound (rag/coverage.py).
MAX_MENTION_CHUNKS = 65_536
MAX_SENTENCE_CHUNKS = 8  # chunks of one document read for the sentence that shows it mentions something
NEWEST_SORTED = 4096  # documents found that are sorted by date; more are met walking all documents newest first
MAX_VERIFIED_DOCUMENTS = 256  # documents read for a sentence that holds every word of a topic of several words


@dataclass(frozen=True)
class Mentions:
    """The documents that mention something: (doc id, the first sentence that does) for the newest few, and how many
    there are (`at_least`: a lower bound, where some segment held more chunks than were read)."""

    shown: tuple[tuple[str, int], ...]
    count: int
    at_least: bool
    holds: Callable[[str], bool]  # whether a document (id) is among those found
    about: bool = False  # the count holds documents not read, that hold every term in one chunk (not one sentence)


@dataclass(frozen=True)
class DocPlace:
    segment: int
    row: int


class _Placed:
    """Maps global ids of one kind (sentences or chunks) to (segment, local id)."""

    def __init__(self, counts: Sequence[int]) -> None:
        self.bases = [0]
        for n in counts:
            self.bases.append(self.bases[-1] + n)

    def __len__(self) -> int:
        return self.bases[-1]

    def locate(self, gid: int) -> tuple[int, int]:
        if gid < 0 or gid >= self.bases[-1]:
            raise IndexError(gid)
        seg = bisect.bisect_right(self.bases, gid) - 1
        return seg, gid - self.bases[seg]


class TermWeights:
    """Inverse sentence frequency of terms, summed over segments: rare words count more in overlap."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        self._segments = segments
        self.sentences = max(1, sum(s.n_sentences for s in segments))
        self.largest = math.log(1 + self.sentences)  # a term in one sentence
        self._get = lru_cache(maxsize=65536)(self._lookup)

    def _lookup(self, term: str) -> float | None:
        df = 0
        for seg in self._segments:
            row = seg.query("SELECT sentence_df FROM terms WHERE term = ?", (term,))
            df += row[0][0] if row else 0
        return math.log(1 + self.sentences / df) if df else None

    def get(self, term: str, default: float) -> float:
        value = self._get(term)
        return default if value is None else value


# a value in any unit but those written with a prefix ("5bn" is no 5 GW): claims_of_value, count_of_figure
_ANY_UNIT_OF_VALUE = "value_key = ? AND unit NOT IN (" + ",".join("?" * len(PREFIXED_UNITS)) + ")"


def _any_unit_args(value: float) -> tuple[str, ...]:
    return (repr(float(value)), *sorted(PREFIXED_UNITS))


_DOC_TOKEN = re.compile(r"[\w.-]+")  # a word that may be a document id (IndexData.named)


class IndexData:
    """The live index version, opened; what the answerer, the figure check, the CLI and the UI read."""

    def __init__(
        self, manifest: dict, segments: Sequence[Segment], deleted: dict[str, set[str]],
        measure_classes: dict[str, str], times: dict[str, DocTime],
    ) -> None:
        self.manifest = manifest
        self.segments = tuple(segments)
        self.measure_classes = measure_classes
        self.times = times
        self._sent = _Placed([s.n_sentences for s in segments])
        self._chunk = _Placed([s.n_chunks for s in segments])
        self._places: dict[str, DocPlace] = {}
        self._doc_ids: list[list[str]] = []
        self._dead_rows: list[set[int]] = []
        self._dead_chunks: list[list[tuple[int, int]]] = []
        for i, seg in enumerate(segments):
            gone = deleted.get(seg.name, set())
            ids: list[str] = []
            dead: set[int] = set()
            spans: list[tuple[int, int]] = []
            for row, doc_id, c0, nc, _, _, _ in seg.doc_rows():
                ids.append(doc_id)
                if doc_id in gone:
                    dead.add(row)
                    spans.append((c0, c0 + nc))
                else:
                    self._places[doc_id] = DocPlace(i, row)
            self._doc_ids.append(ids)
            self._dead_rows.append(dead)
            self._dead_chunks.append(sorted(spans))
        self.sentences: _Rows[Sentence] = _Rows(self._sent, self._sentence)
        self.chunks: _Rows[Chunk] = _Rows(self._chunk, self._chunk_row)
        self.documents = _Documents(self)
        dim = int(manifest["dim"])
        self.sentence_vectors = _Vectors(
            self._sent, dim, lambda seg, local: self.segments[seg].sentence_vectors[local], lambda seg: self.segments[seg].sentence_vectors
        )
        self.chunk_vectors = _Vectors(
            self._chunk, dim, lambda seg, local: self.segments[seg].vectors.vectors(local),
            lambda seg: self.segments[seg].vectors.all_vectors(),
        )
        self.vectors = _Search(self)
        self.lexical = _Lexical(self)
        self.idf = TermWeights(self.segments)
        self._doc = lru_cache(maxsize=DOC_CACHE)(self._read_document)
        self._head = lru_cache(maxsize=ROW_CACHE)(self._read_head)
        self._claims = lru_cache(maxsize=ROW_CACHE)(self._claims_where)
        self._refs = lru_cache(maxsize=REFS_CACHE)(self._refs_uncached)
        self._claim_cache: dict[tuple[int, int], Claim] = {}
        self._dead_masks: dict[int, np.ndarray] = {}
        self._row_pos: dict[int, np.ndarray] = {}
        self._positions = {d: self.position(d) for d in times}
        self._members: dict[str, list[str]] = {}
        for stem, rep in measure_classes.items():
            self._members.setdefault(rep, []).append(stem)
        self._basis = {d: t.basis for d, t in times.items()}

    def close(self) -> None:
        for seg in self.segments:
            seg.close()

    # ------------------------------------------------ documents

    def document(self, doc_id: str) -> Document:
        place = self._places.get(doc_id)
        if place is None:
            raise KeyError(doc_id)
        return self._doc(place.segment, place.row)

    def documents_except(self, held: Callable[[str], bool], limit: int) -> list[str]:
        """The first `limit` live documents, in index order, for which `held` is false (it may skip over the rest)."""
        out: list[str] = []
        for doc_id in self._places:
            if not held(doc_id):
                out.append(doc_id)
                if len(out) == limit:
                    break
        return out

    def documents_named(self, token: str, limit: int) -> list[str]:
        """The live documents a reader's name for one may stand for: the id itself, or the ids that begin with it and
        an underscore ("003" for "003_225291d27f60a22a"); at most `limit`, by an indexed range read of each segment."""
        if token in self._places:
            return [token]
        out: list[str] = []
        low, high = f"{token}_", f"{token}`"  # ("`" sorts right after "_")
        for i, seg in enumerate(self.segments):
            for row, doc_id in seg.query("SELECT row, doc_id FROM documents WHERE doc_id >= ? AND doc_id < ? LIMIT ?",
                                         (low, high, limit + len(self._dead_rows[i]))):
                if row not in self._dead_rows[i] and doc_id in self._places and doc_id not in out:
                    out.append(doc_id)
        return sorted(out)[:limit]

    def chunk_ids_of(self, doc_id: str) -> range:
        """The global ids of a document's chunks."""
        place = self._places[doc_id]
        _, _, first, count, *_ = self.segments[place.segment].doc_rows()[place.row]
        base = self._chunk.bases[place.segment] + first
        return range(base, base + count)

    def has_document(self, doc_id: str) -> bool:
        return doc_id in self._places

    def document_head(self, doc_id: str) -> Document:
        """A document without its text (text is ""): title, file and date, for lists that show many documents."""
        place = self._places.get(doc_id)
        if place is None:
            raise KeyError(doc_id)
        return self._head(place.segment, place.row)

    def _read_head(self, seg: int, row: int) -> Document:
        return self._dated(self.segments[seg].document(row, with_text=False))

    def _read_document(self, seg: int, row: int) -> Document:
        return self._dated(self.segments[seg].document(row))

    def _dated(self, doc: Document) -> Document:
        """The document with the time the index found for it (its own date first)."""
        t = self.times.get(doc.doc_id)
        return doc if t is None else replace(doc, date=doc.date or t.label, date_basis=self.named(t.basis))

    def named(self, text: str) -> str:
        """`text` (a date basis) with the document ids in it replaced by the documents' titles in quotes: what a
        reader knows them by ("reports the same event as \"Amazon to invest...\"", not "004_c10972b7a4e90871")."""

        def title(m: re.Match[str]) -> str:
            place = self._places.get(m.group())
            if place is None:
                return m.group()
            doc = self.segments[place.segment].document(place.row, with_text=False)
            return f'"{doc.title or doc.file}"'

        return _DOC_TOKEN.sub(title, text) if text else text

    def document_by_file(self, file: str) -> Document | None:
        for i, seg in enumerate(self.segments):
            for (row,) in seg.query("SELECT row FROM documents WHERE file = ?", (file,)):
                if row not in self._dead_rows[i]:
                    return self._doc(i, row)
        return None

    def document_by_text(self, key: str) -> Document | None:
        """The live document whose text has this key (rag.index.segment.text_key)."""
        for i, seg in enumerate(self.segments):
            for (row,) in seg.query("SELECT row FROM documents WHERE text_key = ?", (key,)):
                if row not in self._dead_rows[i]:
                    return self._doc(i, row)
        return None

    def find_documents(self, words: Sequence[str], offset: int, limit: int) -> tuple[list[Document], int]:
        """Live documents whose title, publisher, date or file holds every word, ordered by file: one page, and the
        count. Each segment is asked for a count and for its first offset + limit rows only."""
        where = " AND ".join(["(lower(title) || ' ' || lower(publisher) || ' ' || lower(date) || ' ' || lower(file)) LIKE ?"] * len(words))
        where = f" WHERE {where}" if words else ""
        args = [f"%{w.lower()}%" for w in words]
        found: list[tuple[str, int, int]] = []
        total = 0
        for i, seg in enumerate(self.segments):
            dead = self._dead_rows[i]
            (count,) = seg.query(f"SELECT COUNT(*) FROM documents{where}", args)[0]
            if dead:
                marks = ",".join("?" * len(dead))
                joiner = " AND " if words else " WHERE "
                (gone,) = seg.query(f"SELECT COUNT(*) FROM documents{where}{joiner}row IN ({marks})", [*args, *sorted(dead)])[0]
                count -= gone
            total += count
            rows = seg.query(f"SELECT file, row FROM documents{where} ORDER BY file LIMIT ?", [*args, offset + limit + len(dead)])
            found.extend((f, i, r) for f, r in rows if r not in dead)
        found.sort()
        page = found[offset : offset + limit]
        return [self._doc(i, r) for _, i, r in page], total

    def chunk_count(self, doc_id: str) -> int:
        place = self._places[doc_id]
        return int(self.segments[place.segment].query("SELECT n_chunks FROM documents WHERE row = ?", (place.row,))[0][0])

    def chunk_holding(self, doc_id: str, start: int, end: int) -> tuple[int, int] | None:
        """The bounds of the first chunk of a document that holds [start, end)."""
        place = self._places.get(doc_id)
        if place is None:
            return None
        seg = self.segments[place.segment]
        rows = seg.query(
            "SELECT c.start, c.end FROM chunks c WHERE c.doc_row = ? AND c.start <= ? AND c.end >= ? ORDER BY c.id LIMIT 1",
            (place.row, start, end),
        )
        return (rows[0][0], rows[0][1]) if rows else None

    def chunk_of_sentence(self, sentence_id: int) -> int | None:
        """The first chunk that holds a sentence (global id): a primary-key range read within its document."""
        seg, local = self._sent.locate(sentence_id)
        segment = self.segments[seg]
        row, _ = segment.sentence(local)
        _, _, c0, nc, *_ = segment.doc_rows()[row]
        found = segment.query(
            "SELECT id FROM chunks WHERE id >= ? AND id < ? AND first_sentence <= ? AND last_sentence >= ? ORDER BY id LIMIT 1",
            (c0, c0 + nc, local, local),
        )
        return self._chunk.bases[seg] + found[0][0] if found else None

    # ------------------------------------------------ claims

    def _claims_where(self, where: str, args: tuple, limit: int | None = None) -> tuple[Claim, ...]:
        """The live claims matching `where`, in index order. With a limit, at most that many: those of the newest
        documents (an archive can hold thousands of claims on one topic; what a lookup weighs must not grow
        with it). Below the limit the answer is the same as without one."""
        if limit is None:
            out: list[Claim] = []
            for i, seg in enumerate(self.segments):
                dead = self._dead_rows[i]
                out.extend(c for row, c in seg.claims_where(where, args, self._sent.bases[i]) if row not in dead)
            return tuple(out)
        return self._newest(((where, args),), limit)

    def _newest(self, queries: Sequence[tuple[str, tuple]], limit: int) -> tuple[Claim, ...]:
        """The live claims matching any of the queries: at most `limit`, those of the newest documents, in index order."""
        parts = [self._refs(where, args) for where, args in queries]
        ids = np.concatenate([p[0] for p in parts])
        segs = np.concatenate([p[1] for p in parts])
        pos = np.concatenate([p[2] for p in parts])
        if len(parts) > 1 and len(ids):  # a claim matched by two queries counts once
            _, first = np.unique(segs * (1 << 40) + ids, return_index=True)
            ids, segs, pos = ids[first], segs[first], pos[first]
        if len(ids) > limit:
            keep = np.lexsort((ids, segs, -pos))[:limit]  # newest first; ties in index order
            ids, segs = ids[keep], segs[keep]
        order = np.lexsort((ids, segs))
        return self._decoded(list(zip(segs[order].tolist(), ids[order].tolist())))

    def _decoded(self, refs: Sequence[tuple[int, int]]) -> tuple[Claim, ...]:
        """The claims of these (segment, claim id) pairs, read in one query per segment and kept (up to CLAIM_CACHE;
        several threads may ask at once, so each call works on what it took from the cache)."""
        cache = self._claim_cache
        have = {r: c for r in refs if (c := cache.get(r)) is not None}
        missing = [r for r in refs if r not in have]
        for seg in sorted({s for s, _ in missing}):
            got = self.segments[seg].claims_by_ids([c for s, c in missing if s == seg], self._sent.bases[seg])
            have.update(((seg, cid), claim) for cid, claim in got.items())
        if missing:
            if len(cache) + len(missing) > CLAIM_CACHE:
                cache.clear()
            cache.update((r, have[r]) for r in missing)
        return tuple(have[r] for r in refs)

    def _refs_uncached(self, where: str, args: tuple) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(claim ids, segments, document positions) of the live claims matching `where`; reads only indexes."""
        found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        for i in range(len(self.segments)):
            ids, rows = self._live_claims(i, where, args)
            if len(ids):
                found.append((ids, np.full(len(ids), i, dtype=np.int64), self._row_positions(i)[rows]))
        if not found:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, np.zeros(0, dtype=np.float64)
        return tuple(np.concatenate([f[k] for f in found]) for k in range(3))  # type: ignore[return-value]

    def _live_claims(self, seg: int, where: str, args: tuple) -> tuple[np.ndarray, np.ndarray]:
        """(claim ids, document rows) of one segment's live claims matching `where`, read through the indexes."""
        ids = self.segments[seg].claim_ids(where, args)
        if not len(ids):
            return ids, ids
        rows = self.segments[seg].claim_doc_rows(ids)
        live = ~self._dead_mask(seg)[rows]
        return ids[live], rows[live]

    def _dead_mask(self, seg: int) -> np.ndarray:
        mask = self._dead_masks.get(seg)
        if mask is None:
            mask = np.zeros(self.segments[seg].n_documents, dtype=bool)
            mask[list(self._dead_rows[seg])] = True
            self._dead_masks[seg] = mask
        return mask

    def _row_positions(self, seg: int) -> np.ndarray:
        """Each document row's place in time (unknown is oldest), for choosing the newest claims."""
        pos = self._row_pos.get(seg)
        if pos is None:
            pos = np.array([self._positions.get(d, -math.inf) for d in self._doc_ids[seg]], dtype=np.float64)
            self._row_pos[seg] = pos
        return pos

    def claims_of_figure(self, value: float, unit: str, subject: str | None = None, limit: int | None = None) -> list[Claim]:
        """Every claim of one exact (value, unit): an indexed lookup, not a scan. With `subject`, only the
        claims of that subject or of none (those that can agree with a claim of it); with `limit`, at most that
        many, from the newest documents."""
        if subject is None:
            return list(self._claims("figure_key = ?", (figure_key(value, unit),), limit))
        return list(self._claims("subject_key IN (?, '') AND figure_key = ?", (entity_key(subject), figure_key(value, unit)), limit))

    def count_of_figure(self, value: float, unit: str | None = None) -> int:
        """How many live claims state this value (in this unit, or, when unit is None, in any a number written without
        one may mean: see claims_of_value)."""
        if unit is None:
            return len(self._refs(_ANY_UNIT_OF_VALUE, _any_unit_args(value))[0])
        return len(self._refs("figure_key = ?", (figure_key(value, unit),))[0])

    def claims_of_value(self, value: float, limit: int | None = None) -> list[Claim]:
        """Every claim of one value in any unit a number written without one may mean ("25 billion": money, a count,
        tokens; not 25 GW, whose size is written with a prefix: rag.units.PREFIXED_UNITS)."""
        return list(self._claims(_ANY_UNIT_OF_VALUE, _any_unit_args(value), limit))

    def states_figure(self, doc_id: str, value: float, unit: str) -> bool:
        """Whether a document states this exact (value, unit)."""
        place = self._places.get(doc_id)
        return place is not None and bool(self.segments[place.segment].query(
            "SELECT 1 FROM claims WHERE doc_row = ? AND figure_key = ? LIMIT 1", (place.row, figure_key(value, unit))))

    def claims_about(self, subject: str, unit: str, limit: int | None = None) -> list[Claim]:
        """The claims of one subject and unit, of any measure: every one (for tests and tools: an archive holds many of
        "Amazon" in dollars), or at most `limit`, from the newest documents (through the (subject, unit) index)."""
        return list(self._claims("subject_key = ? AND unit = ?", (entity_key(subject), unit), limit))

    def claims_on_topic(
        self, subject: str, unit: str, stems: Sequence[str], figure_keys: Sequence[str], limit: int | None = None,
    ) -> list[Claim]:
        """The claims of one subject and unit whose measure stem is one of `stems` or whose figure is one of
        `figure_keys`, in index order: what the disagreement check needs, through the (subject, unit, measure)
        index; with `limit`, at most that many, from the newest documents."""
        stems, figure_keys = sorted(set(stems)), sorted(set(figure_keys))
        if not stems and not figure_keys:
            return []
        key = (entity_key(subject), unit)
        if limit is not None:  # the topic's list and the figures' list apart: the topic's is shared, and cached
            queries = []
            if stems:
                queries.append((f"subject_key = ? AND unit = ? AND measure_stem IN ({','.join('?' * len(stems))})", (*key, *stems)))
            if figure_keys:
                queries.append((f"subject_key = ? AND figure_key IN ({','.join('?' * len(figure_keys))})", (key[0], *figure_keys)))
            return list(self._newest(queries, limit))
        where = "subject_key = ? AND unit = ? AND (measure_stem IN ({}) OR figure_key IN ({}))".format(
            ",".join("?" * len(stems)) or "NULL", ",".join("?" * len(figure_keys)) or "NULL"
        )
        return list(self._claims(where, (*key, *stems, *figure_keys)))

    def measure_members(self, stem: str) -> tuple[str, ...]:
        """The measure stems the corpus uses for the same thing as `stem` (its class, rag.disagreement.measure_classes)."""
        rep = self.measure_classes.get(stem, stem)
        return tuple(self._members.get(rep, ())) or (stem,)

    def claims_in_sentence(self, sentence_id: int) -> list[Claim]:
        seg, local = self._sent.locate(sentence_id)
        dead = self._dead_rows[seg]
        return [c for row, c in self.segments[seg].claims_where("sentence_id = ?", (local,), self._sent.bases[seg]) if row not in dead]

    def claim_at(self, doc_id: str, start: int) -> Claim | None:
        """The claim of the figure that starts at `start` in a document."""
        place = self._places.get(doc_id)
        if place is None:
            return None
        found = self.segments[place.segment].claims_where("doc_row = ? AND start = ?", (place.row, start), self._sent.bases[place.segment])
        return found[0][1] if found else None

    def claims_of_document(self, doc_id: str) -> list[Claim]:
        place = self._places.get(doc_id)
        if place is None:
            return []
        return [c for _, c in self.segments[place.segment].claims_where("doc_row = ?", (place.row,), self._sent.bases[place.segment])]

    def documents_stating(self, subject_key: str, unit: str, value_key: str) -> set[str]:
        """The live documents with a claim of this subject, unit and value (repr of the float): who else states
        this fact. Ids through the (subject, figure) index; no claim is read."""
        docs: set[str] = set()
        for i in range(len(self.segments)):
            _, rows = self._live_claims(i, "subject_key = ? AND figure_key = ?", (subject_key, f"{unit}|{value_key}"))
            names = self._doc_ids[i]
            docs |= {names[r] for r in rows.tolist()}
        return docs

    def date_evidence(self, doc_id: str) -> tuple[str, tuple[float | None, str, float | None, str]]:
        """A document's metadata date and the date bounds its own text gives (rag.dating)."""
        place = self._places[doc_id]
        date, lo, lw, up, uw = self.segments[place.segment].query(
            "SELECT date, lower, low_words, upper, up_words FROM documents WHERE row = ?", (place.row,))[0]
        return date or "", (lo, lw or "", up, uw or "")

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every live claim (a full read: for builds, benchmarks and tests, not for answering)."""
        return self._claims_where("1 = 1", ())

    # ------------------------------------------------ time

    def position(self, doc_id: str) -> float:
        """A document's place in time (larger is newer); unknown is oldest."""
        t = self.times.get(doc_id)
        p = t.position if t is not None else None
        return float("-inf") if p is None else p

    def positions(self) -> dict[str, float]:
        return self._positions

    def time_basis(self) -> dict[str, str]:
        return self._basis

    # ------------------------------------------------ sentences

    def neighbours(self, sentence_id: int, after: bool = True) -> list[int]:
        """The sentences just before (and after) one, within its document."""
        doc_id = self.sentences[sentence_id].doc_id
        near = (sentence_id - 1, sentence_id + 1) if after else (sentence_id - 1,)
        return [i for i in near if 0 <= i < len(self.sentences) and self.sentences[i].doc_id == doc_id]

    def _sentence(self, seg: int, local: int) -> Sentence:
        row, s = self.segments[seg].sentence(local)
        return Sentence(self._doc_ids[seg][row], s.start, s.end, s.text)

    def _chunk_row(self, seg: int, local: int) -> Chunk:
        row, start, end, n_tokens, first, last = self.segments[seg].chunk_row(local)
        base = self._sent.bases[seg]
        doc = self._doc(seg, row)
        return Chunk(doc.doc_id, start, end, doc.text[start:end], n_tokens, base + first, base + last)

    def live_chunk(self, seg: int, local: int) -> bool:
        spans = self._dead_chunks[seg]
        if not spans:
            return True
        at = bisect.bisect_right(spans, (local, float("inf"))) - 1
        return not (at >= 0 and spans[at][0] <= local < spans[at][1])


class _Rows(Generic[T]):
    """Rows of one kind by global id, read when asked for and kept in a small cache."""

    def __init__(self, placed: _Placed, read: Callable[[int, int], T]) -> None:
        self._placed = placed
        self._read = read
        self._get = lru_cache(maxsize=ROW_CACHE)(self._fetch)

    def __len__(self) -> int:
        return len(self._placed)

    def __getitem__(self, gid: int) -> T:
        return self._get(int(gid))

    def __iter__(self) -> Iterator[T]:
        return (self[i] for i in range(len(self)))

    def _fetch(self, gid: int) -> T:
        return self._read(*self._placed.locate(gid))


class _Documents:
    """The live documents in index order; len() is free, iterating reads them all (not for the answer path)."""

    def __init__(self, data: IndexData) -> None:
        self._data = data

    def __len__(self) -> int:
        return len(self._data._places)

    def __iter__(self) -> Iterator[Document]:
        for doc_id in list(self._data._places):
            yield self._data.document(doc_id)

    def __getitem__(self, i: int) -> Document:
        place = list(self._data._places.values())[i]  # ids only: one document is read
        return self._data._doc(place.segment, place.row)


class _Vectors:
    """Vectors by global id (`data.sentence_vectors[ids]`, `data.chunk_vectors[ids]`), float32, gathered from the segments."""

    def __init__(
        self, placed: _Placed, dim: int, rows: Callable[[int, np.ndarray], np.ndarray], every: Callable[[int], np.ndarray],
    ) -> None:
        self._placed, self._dim, self._rows, self._every = placed, dim, rows, every

    def __getitem__(self, ids: Any) -> np.ndarray:
        ids = np.atleast_1d(np.asarray(ids, dtype=np.int64))
        if not len(ids):
            return np.zeros((0, self._dim), dtype=np.float32)
        lo, hi = self._placed.locate(int(ids.min())), self._placed.locate(int(ids.max()))
        if lo[0] == hi[0]:  # all in one segment: one gather
            return np.asarray(self._rows(lo[0], ids - self._placed.bases[lo[0]]), dtype=np.float32).reshape(len(ids), self._dim)
        out = np.zeros((len(ids), self._dim), dtype=np.float32)
        bases = np.asarray(self._placed.bases, dtype=np.int64)
        segs = np.searchsorted(bases, ids, side="right") - 1
        for seg in np.unique(segs).tolist():  # one gather per segment the ids fall in
            at = np.flatnonzero(segs == seg)
            out[at] = self._rows(seg, ids[at] - bases[seg])
        return out

    def all(self) -> np.ndarray:
        """Every vector, in id order (for evaluation baselines and benchmarks, not for answering)."""
        parts = [np.asarray(self._every(i), dtype=np.float32) for i in range(len(self._placed.bases) - 1)]
        return np.concatenate(parts) if parts else np.zeros((0, self._dim), dtype=np.float32)


# Segments searched side by side once two or more hold a graph index (FAISS lets go of the GIL while it searches):
# at 100,000 articles, four HNSW segments took 2.0 ms one after another and 1.2 ms on this machine's two cores.
PARALLEL_SEARCH_MIN_GRAPHS = 2
_search_pool: ThreadPoolExecutor | None = None
_search_pool_lock = threading.Lock()


def _pool() -> ThreadPoolExecutor:
    global _search_pool
    with _search_pool_lock:
        if _search_pool is None:
            _search_pool = ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1)), thread_name_prefix="rag-search")
        return _search_pool


class _Search:
    """Nearest chunks over every segment, merged by score (like FAISS IndexShards), deleted ones left out."""

    def __init__(self, data: IndexData) -> None:
        self._data = data
        self._parallel = sum(seg.vectors.kind != "flat" for seg in data.segments) >= PARALLEL_SEARCH_MIN_GRAPHS

    def count(self) -> int:
        return len(self._data._chunk)

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        data = self._data
        hits: list[tuple[float, int]] = []
        wanted = [k + sum(b - a for a, b in data._dead_chunks[i]) for i in range(len(data.segments))]

        def one(i: int) -> tuple[np.ndarray, np.ndarray]:
            return data.segments[i].vectors.search(queries[:1], wanted[i])  # type: ignore[no-any-return]

        indices = range(len(data.segments))
        found = list(_pool().map(one, indices)) if self._parallel else [one(i) for i in indices]
        for i, (scores, ids) in enumerate(found):
            for score, local in zip(scores[0].tolist(), ids[0].tolist()):
                if local >= 0 and data.live_chunk(i, local):
                    hits.append((-score, data._chunk.bases[i] + local))
        hits.sort()
        hits = hits[:k]
        return (np.array([[-s for s, _ in hits]], dtype=np.float32), np.array([[g for _, g in hits]], dtype=np.int64))


class _Lexical:
    """BM25 over every segment with corpus-wide term statistics (see bm25.py)."""

    def __init__(self, data: IndexData) -> None:
        self._data = data
        segs = data.segments
        self.n_chunks = sum(s.n_chunks for s in segs)
        self._firsts: dict[int, np.ndarray] = {}
        self._newest: list[DocPlace] | None = None  # every live document, newest first (read on first need)
        self._newest_ids: list[str] | None = None  # their ids, in that order
        self.avgdl = (sum(s.total_length for s in segs) / self.n_chunks) if self.n_chunks else 1.0

    def chunk_df(self, term: str) -> int:
        """How many live and deleted chunks hold a (stemmed) term, over every segment: one indexed row each."""
        return sum(int(r[0]) for seg in self._data.segments for r in seg.query("SELECT chunk_df FROM terms WHERE term = ?", (term,)))

    def chunk_dfs(self, terms: Sequence[str]) -> dict[str, int]:
        """How many chunks hold each of the (stemmed) terms, over every segment; a term in none is left out. One
        indexed query per segment and SQL_BATCH terms."""
        out: dict[str, int] = {}
        for seg in self._data.segments:
            for lo in range(0, len(terms), SQL_BATCH):
                batch = list(terms[lo : lo + SQL_BATCH])
                for term, df in seg.query(f"SELECT term, chunk_df FROM terms WHERE term IN ({','.join('?' * len(batch))})", batch):
                    out[term] = out.get(term, 0) + int(df)
        return out

    def top(self, question: str, n: int) -> list[tuple[int, float]]:
        """The n best chunks for the question's terms, best first, as (global chunk id, score)."""
        terms = content_terms(question)
        data = self._data
        if not terms or not self.n_chunks:
            return []
        per_seg: list[dict[str, int]] = []
        df: dict[str, int] = {}
        unique = sorted(set(terms))
        marks = ",".join("?" * len(unique))
        for seg in data.segments:
            cols: dict[str, int] = {}
            for term, col, n_df in seg.query(f"SELECT term, col, chunk_df FROM terms WHERE term IN ({marks})", unique):
                if col is not None:
                    cols[term] = col
                    df[term] = df.get(term, 0) + n_df
            per_seg.append(cols)
        all_ids: list[np.ndarray] = []
        all_scores: list[np.ndarray] = []
        for i, seg in enumerate(data.segments):
            cols = per_seg[i]
            columns = [(cols[t], bm25.idf(self.n_chunks, df[t])) for t in terms if t in cols]
            dead = sum(hi - lo for lo, hi in data._dead_chunks[i])  # deleted chunks are dropped below: ask for more
            ids, scores = seg.postings.score(columns, max(self.avgdl, 1e-9), n + dead)
            if data._dead_chunks[i]:
                keep = np.ones(len(ids), dtype=bool)
                for lo, hi in data._dead_chunks[i]:
                    keep &= (ids < lo) | (ids >= hi)
                ids, scores = ids[keep], scores[keep]
            ids, scores = bm25.top(ids, scores, n)  # the n best overall are among each segment's n best
            all_ids.append(ids + data._chunk.bases[i])
            all_scores.append(scores)
        ids, scores = bm25.top(np.concatenate(all_ids), np.concatenate(all_scores), n)
        return [(int(c), float(s)) for c, s in zip(ids, scores) if s > 0]

    def mentions(self, terms: Sequence[str], limit: int) -> Mentions:
        """The live documents with a sentence that holds every term (stems, as `content_terms` makes them): how many,
        and that sentence of the newest `limit` of them. Postings are read as arrays (at most MAX_MENTION_CHUNKS per
        term and segment: past that the count is a lower bound, `at_least`), intersected, and mapped to documents by
        their first chunks. One term: every document found has such a sentence, and only the shown ones are read.
        Several: the newest MAX_VERIFIED_DOCUMENTS found are read, those whose terms fall in different sentences are
        left out, and the rest are counted unread (`about`). So the cost is bounded at any size."""
        data = self._data
        wanted = sorted(set(terms))
        if not wanted:
            return Mentions((), 0, False, lambda _doc_id: False)
        marks = ",".join("?" * len(wanted))
        found: dict[int, tuple[np.ndarray, list[np.ndarray]]] = {}  # segment -> (document rows, the chunks of each)
        at_least = False
        for i, seg in enumerate(data.segments):
            cols = [col for _, col in seg.query(f"SELECT term, col FROM terms WHERE term IN ({marks})", wanted)]
            if len(cols) < len(wanted) or any(col is None for col in cols):
                continue  # some term is in no chunk of this segment
            chunks: np.ndarray | None = None
            for col in cols:
                lo, hi = int(seg.postings.ptr[col]), int(seg.postings.ptr[col + 1])
                at_least |= hi - lo > MAX_MENTION_CHUNKS
                held = np.unique(seg.postings.ids[lo : min(hi, lo + MAX_MENTION_CHUNKS)])
                chunks = held if chunks is None else np.intersect1d(chunks, held, assume_unique=True)
            if chunks is None or not len(chunks):
                continue
            for a, b in data._dead_chunks[i]:
                chunks = chunks[(chunks < a) | (chunks >= b)]
            rows = np.searchsorted(self._first_chunks(i), chunks, side="right") - 1  # sorted, as the chunks are
            unique, starts = np.unique(rows, return_index=True)
            found[i] = (unique, np.split(chunks, starts[1:]))
        count = sum(len(rows) for rows, _ in found.values())
        held_rows = {i: set(rows.tolist()) for i, (rows, _) in found.items()}
        shown: list[tuple[str, int]] = []
        # one word: a chunk that holds it has a sentence that does, so the count is exact. Several: the newest
        # MAX_VERIFIED_DOCUMENTS are read for a sentence that holds them all, and those without one leave the count
        # ("Google investing in Anthropic": 003 says it; 002 and 004 say the words in different sentences)
        verify = len(wanted) > 1
        checked = 0
        for at, row in self._newest_first(found, held_rows, count, MAX_VERIFIED_DOCUMENTS if verify else limit * 8):
            if len(shown) == limit and not verify:
                break
            rows, per_row = found[at]
            sentence = self._first_sentence_holding(at, per_row[int(np.searchsorted(rows, row))], frozenset(wanted))
            checked += 1
            if sentence is None:
                held_rows[at].discard(row)
                count -= 1
            elif len(shown) < limit:
                shown.append((data._doc_ids[at][row], sentence))
        about = verify and checked < count  # some were counted unread: they hold the words in one chunk

        def holds(doc_id: str) -> bool:
            place = data._places.get(doc_id)
            return place is not None and place.row in held_rows.get(place.segment, ())

        return Mentions(tuple(shown), count, at_least, holds, about)

    def _newest_first(self, found: dict[int, tuple[np.ndarray, list[np.ndarray]]], held_rows: dict[int, set[int]],
                      count: int, n: int) -> list[tuple[int, int]]:
        """The (segment, row) of the n newest documents found (by IndexData.position, then id). Few are sorted; many
        are met walking every live document newest first (an order read once and kept), which stops at the n-th."""
        data = self._data
        if count <= NEWEST_SORTED:
            places = [(i, int(r)) for i, (rows, _) in found.items() for r in rows.tolist()]
            key = [(-data.position(data._doc_ids[i][r]), data._doc_ids[i][r]) for i, r in places]
            return [p for _, p in sorted(zip(key, places))][:n]
        out: list[tuple[int, int]] = []
        for place in self._all_newest_first():
            if place.row in held_rows.get(place.segment, ()):
                out.append((place.segment, place.row))
                if len(out) == n:
                    break
        return out

    def newest_first(self) -> list[str]:
        """Every live document's id, newest first (undated last): an order read once and kept."""
        if self._newest_ids is None:
            data = self._data
            self._newest_ids = [data._doc_ids[p.segment][p.row] for p in self._all_newest_first()]
        return self._newest_ids

    def dated_count(self) -> int:
        """How many of `newest_first` have a known time (they come first): a binary search of the kept order."""
        data = self._data
        return bisect.bisect_left(self.newest_first(), math.inf, key=lambda d: -data.position(d))

    def _all_newest_first(self) -> list[DocPlace]:
        if self._newest is None:
            data = self._data
            self._newest = [data._places[d] for d in sorted(data._places, key=lambda d: (-data.position(d), d))]
        return self._newest

    def _first_chunks(self, seg: int) -> np.ndarray:
        """The first chunk of each document row of a segment (rows in chunk order), read once."""
        firsts = self._firsts.get(seg)
        if firsts is None:
            firsts = np.array([c0 for _, _, c0, *_ in self._data.segments[seg].doc_rows()], dtype=np.int64)
            self._firsts[seg] = firsts
        return firsts

    def _first_sentence_holding(self, seg: int, chunks: np.ndarray, wanted: frozenset[str]) -> int | None:
        """The first sentence (global id) of these chunks of one segment that holds every wanted term."""
        segment = self._data.segments[seg]
        for chunk in chunks.tolist()[:MAX_SENTENCE_CHUNKS]:
            _, _, _, _, s0, s1 = segment.chunk_row(chunk)
            for sid, text in segment.query("SELECT id, text FROM sentences WHERE id BETWEEN ? AND ?", (s0, s1)):
                if wanted <= set(content_terms(text)):
                    return int(self._data._sent.bases[seg] + sid)
        return None
