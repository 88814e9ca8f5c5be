"""A segment: an immutable folder of some documents, written once, read by row id, never rewritten.

    seg-<id>/segment.db      SQLite: documents, sentences, chunks, claims (indexed by figure, value,
                             subject and place) and terms (document frequencies, postings columns)
    seg-<id>/chunks.faiss    the chunk vectors, stored once (exact or HNSW, see vectors.py)
    seg-<id>/sentences.npy   the sentence vectors, float16, memory-mapped
    seg-<id>/postings_*.npy  BM25 postings, memory-mapped (bm25.py)
    seg-<id>/segment.json    counts, the vector backend, and the size and sha256 of every file above

Ids inside a segment count from 0; the index view adds each segment's base to make them global.
Opening checks sizes and headers only; `verify` hashes every byte (rag index --check, and a background pass).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from rag.disagreement import entity_key, measure_stem
from rag.errors import IndexCorrupt
from rag.figures import figure_key
from rag.index import bm25
from rag.index.parts import DocPart, sentence_homes
from rag.index.vectors import FaissIndex, new_vector_index
from rag.lexical import content_terms
from rag.records import Chunk, Claim, Document, Figure, Sentence

SEGMENT_FORMAT = 2  # 2: claims carry their measure stem, indexed with subject and unit
SEGMENT_JSON = "segment.json"
DB = "segment.db"
SENTENCE_VECTORS = "sentences.npy"
CHUNK_INDEX = "chunks.faiss"
# The first claim id of each document row, then the claim count (claims are numbered in document order):
# claim id -> document row without reading the claims table. Segments written before it was added lack the
# file; theirs is read from the claims table the first time it is needed.
CLAIM_STARTS = "claim_starts.npy"
SQL_BATCH = 500  # ids per "IN (...)" query (SQLite allows 999 parameters by default on older builds)

_SCHEMA = """
CREATE TABLE documents(row INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE, file TEXT NOT NULL, stamp TEXT NOT NULL,
    sha256 TEXT NOT NULL, text_key TEXT NOT NULL, title TEXT, publisher TEXT, date TEXT, text TEXT NOT NULL,
    first_sentence INTEGER, n_sentences INTEGER, first_chunk INTEGER, n_chunks INTEGER,
    lower REAL, low_words TEXT, upper REAL, up_words TEXT);
CREATE INDEX documents_file ON documents(file);
CREATE INDEX documents_listing ON documents(row, doc_id, file, stamp, sha256, first_chunk, n_chunks);
CREATE INDEX documents_text_key ON documents(text_key);
CREATE TABLE sentences(id INTEGER PRIMARY KEY, doc_row INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    chunk INTEGER NOT NULL, text TEXT NOT NULL);
CREATE TABLE chunks(id INTEGER PRIMARY KEY, doc_row INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    n_tokens INTEGER NOT NULL, first_sentence INTEGER NOT NULL, last_sentence INTEGER NOT NULL);
CREATE TABLE claims(id INTEGER PRIMARY KEY, doc_row INTEGER NOT NULL, sentence_id INTEGER NOT NULL, figure_key TEXT NOT NULL,
    value_key TEXT NOT NULL, subject_key TEXT NOT NULL, unit TEXT NOT NULL, measure_stem TEXT NOT NULL, start INTEGER NOT NULL,
    body TEXT NOT NULL);
CREATE INDEX claims_figure ON claims(figure_key);
CREATE INDEX claims_value ON claims(value_key);
CREATE INDEX claims_subject ON claims(subject_key, unit, measure_stem);
CREATE INDEX claims_subject_figure ON claims(subject_key, figure_key);
CREATE INDEX claims_sentence ON claims(sentence_id);
CREATE INDEX claims_place ON claims(doc_row, start);
CREATE TABLE terms(term TEXT PRIMARY KEY, col INTEGER, chunk_df INTEGER NOT NULL, sentence_df INTEGER NOT NULL) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class SegmentInput:
    """What a segment is written from: the documents' parts and their vectors, in order."""

    parts: Sequence[DocPart]
    chunk_vectors: np.ndarray  # float32, every chunk of every part in order
    sentence_vectors: np.ndarray


def text_key(text: str) -> str:
    """Two articles are one when their text is the same, whitespace aside."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def claim_body(c: Claim) -> str:
    row = dataclasses.asdict(c)
    row["scope"] = list(c.scope)
    return json.dumps(row, ensure_ascii=False, separators=(",", ":"))


def claim_from_body(body: str, sentence_base: int) -> Claim:
    r = json.loads(body)
    return Claim(**{**r, "figure": Figure(**r["figure"]), "scope": tuple(r["scope"]), "sentence_id": r["sentence_id"] + sentence_base})


def write_segment(index_dir: Path, data: SegmentInput, dim: int) -> str:
    """Write a new segment folder beside the others and return its name. Written under a temporary name and
    renamed when complete, so a crash leaves no half segment (and nothing refers to it until a manifest does)."""
    name = f"seg-{uuid.uuid4().hex[:16]}"
    tmp = index_dir / f".tmp-{name}"
    tmp.mkdir(parents=True)
    try:
        counts = _write_db(tmp / DB, data.parts)
        n_chunks, n_sentences = counts["chunks"], counts["sentences"]
        if data.chunk_vectors.shape != (n_chunks, dim) or data.sentence_vectors.shape != (n_sentences, dim):
            raise ValueError("the vectors do not match the segment's chunks and sentences")
        vectors = new_vector_index(dim, n_chunks)
        vectors.add(data.chunk_vectors)
        vectors.save(tmp / CHUNK_INDEX)
        np.save(tmp / SENTENCE_VECTORS, data.sentence_vectors.astype(np.float16))
        np.save(tmp / CLAIM_STARTS, np.concatenate([[0], np.cumsum([len(p.claims) for p in data.parts], dtype=np.int64)]).astype(np.int64))
        postings = bm25.build_postings([c.text for p in data.parts for c in p.chunks])
        bm25.save_postings(postings, tmp)
        _write_terms(tmp / DB, data.parts, postings)
        files = {}
        for path in sorted(tmp.iterdir()):
            files[path.name] = {"size": path.stat().st_size, "sha256": _sha256(path)}
            fsync_path(path)
        meta = {"format": SEGMENT_FORMAT, "dim": dim, "counts": counts, "vectors": vectors.params(),
                "total_length": float(postings.lengths.sum()), "files": files}
        (tmp / SEGMENT_JSON).write_text(json.dumps(meta, indent=1, sort_keys=True), encoding="utf-8")
        fsync_path(tmp / SEGMENT_JSON)
        os.rename(tmp, index_dir / name)
    except BaseException:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return name


def _write_db(path: Path, parts: Sequence[DocPart]) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        con.executescript(_SCHEMA)
        s_base = c_base = 0
        n_claims = 0
        for row, part in enumerate(parts):
            d, b = part.document, part.bounds
            con.execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (row, d.doc_id, d.file, part.stamp, d.sha256, text_key(d.text), d.title, d.publisher, d.date, d.text,
                 s_base, len(part.sentences), c_base, len(part.chunks), b.lower, b.low_words, b.upper, b.up_words),
            )
            first_chunk = sentence_homes(part.chunks, len(part.sentences))
            con.executemany(
                "INSERT INTO sentences VALUES (?,?,?,?,?,?)",
                ((s_base + i, row, s.start, s.end, c_base + first_chunk[i], s.text) for i, s in enumerate(part.sentences)),
            )
            con.executemany(
                "INSERT INTO chunks VALUES (?,?,?,?,?,?,?)",
                ((c_base + i, row, c.start, c.end, c.n_tokens, s_base + c.first_sentence, s_base + c.last_sentence)
                 for i, c in enumerate(part.chunks)),
            )
            con.executemany(
                "INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?)",
                ((n_claims + i, row, s_base + c.sentence_id, figure_key(c.figure.value, c.figure.unit),
                  repr(float(c.figure.value)), entity_key(c.subject), c.figure.unit, measure_stem(c.measure), c.figure.start,
                  claim_body(dataclasses.replace(c, sentence_id=s_base + c.sentence_id)))
                 for i, c in enumerate(part.claims)),
            )
            n_claims += len(part.claims)
            s_base += len(part.sentences)
            c_base += len(part.chunks)
        con.commit()
    finally:
        con.close()
    return {"documents": len(parts), "sentences": s_base, "chunks": c_base, "claims": n_claims}


def _write_terms(path: Path, parts: Sequence[DocPart], postings: bm25.Postings) -> None:
    sentence_df: Counter[str] = Counter()
    for part in parts:
        for s in part.sentences:
            sentence_df.update(set(content_terms(s.text)))
    rows: dict[str, list[Any]] = {t: [i, df, 0] for i, (t, df) in enumerate(zip(postings.terms, postings.chunk_df))}
    for term, n in sentence_df.items():
        rows.setdefault(term, [None, 0, 0])[2] = n
    con = sqlite3.connect(path)
    try:
        con.executemany("INSERT INTO terms VALUES (?,?,?,?)", ((t, *r) for t, r in rows.items()))
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fsync_path(path: Path) -> None:
    """Flush a file or a folder to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# ---------------------------------------------------------------- reading


class Segment:
    """An open segment: SQLite for rows, memory-mapped vectors and postings. Opening costs the same at any size."""

    def __init__(self, folder: Path, meta: dict, dim: int) -> None:
        self.folder = folder
        self.name = folder.name
        self.meta = meta
        counts = meta["counts"]
        self.n_documents, self.n_sentences, self.n_chunks, self.n_claims = (
            counts["documents"], counts["sentences"], counts["chunks"], counts["claims"]
        )
        self.total_length = float(meta["total_length"])
        self._db = sqlite3.connect(f"file:{folder / DB}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        self._doc_rows: list[tuple[int, str, int, int, str, str, str]] | None = None
        self._claim_starts: np.ndarray | None = (
            np.load(folder / CLAIM_STARTS, mmap_mode="r").view(np.ndarray) if (folder / CLAIM_STARTS).exists() else None
        )
        # a plain ndarray view of the map: indexing a np.memmap costs a Python-level __getitem__ per access
        self.sentence_vectors = np.load(folder / SENTENCE_VECTORS, mmap_mode="r").view(np.ndarray)
        self.vectors = FaissIndex.load(folder / CHUNK_INDEX, meta["vectors"]["kind"])
        self.postings = bm25.SegmentPostings(folder)
        if self.vectors.count() != self.n_chunks or self.sentence_vectors.shape != (self.n_sentences, dim):
            raise IndexCorrupt(f"segment {self.name} holds vectors that do not match its counts")
        if len(self.postings.lengths) != self.n_chunks:
            raise IndexCorrupt(f"segment {self.name} holds postings that do not match its counts")

    def close(self) -> None:
        self._db.close()

    def doc_rows(self) -> list[tuple[int, str, int, int, str, str, str]]:
        """(row, doc id, first chunk, chunk count, file, stamp, sha256) of every document, read once (through a
        covering index, not the rows that hold the texts): a segment never changes, so a writer that opens the
        next version keeps what it read of the segments the versions share."""
        if self._doc_rows is None:
            self._doc_rows = self.query(
                "SELECT row, doc_id, first_chunk, n_chunks, file, stamp, sha256 FROM documents ORDER BY row")
        return self._doc_rows

    def query(self, sql: str, args: Sequence[Any] = ()) -> list[tuple]:
        return self._db.execute(sql, args).fetchall()

    # ------------------------------------------------ rows by id

    def document(self, row: int, with_text: bool = True) -> Document:
        """A document row; without its text (text "") for lists that show many documents."""
        text = "text" if with_text else "''"
        r = self.query(f"SELECT doc_id, file, {text}, sha256, title, publisher, date FROM documents WHERE row = ?", (row,))[0]
        return Document(doc_id=r[0], file=r[1], text=r[2], sha256=r[3], title=r[4] or "", publisher=r[5] or "", date=r[6] or "")

    def sentence(self, local: int) -> tuple[int, Sentence]:
        """(document row, sentence) of a local sentence id; the sentence's doc_id is filled by the caller."""
        row, start, end, text = self.query("SELECT doc_row, start, end, text FROM sentences WHERE id = ?", (local,))[0]
        return row, Sentence("", start, end, text)

    def chunk_row(self, local: int) -> tuple[int, int, int, int, int, int]:
        r = self.query("SELECT doc_row, start, end, n_tokens, first_sentence, last_sentence FROM chunks WHERE id = ?", (local,))
        return r[0]  # type: ignore[no-any-return]

    def claims_where(self, where: str, args: Sequence[Any], base: int) -> list[tuple[int, Claim]]:
        """(document row, claim) of the claims matching `where`, in index order; sentence ids + base. (Lookups that
        must stay bounded at any size read ids first: `claim_ids`.)"""
        rows = self.query(f"SELECT doc_row, body FROM claims WHERE {where} ORDER BY id", args)
        return [(row, claim_from_body(body, base)) for row, body in rows]

    def claim_ids(self, where: str, args: Sequence[Any]) -> np.ndarray:
        """The ids of the claims matching `where` (the claims indexes cover them: no table row is read)."""
        rows = self._db.execute(f"SELECT id FROM claims WHERE {where}", args).fetchall()
        return np.array(rows, dtype=np.int64).reshape(-1)

    def claim_doc_rows(self, ids: np.ndarray) -> np.ndarray:
        """The document row of each claim id."""
        if self._claim_starts is None:
            firsts = self.query("SELECT doc_row, MIN(id) FROM claims GROUP BY doc_row")
            starts = np.full(self.n_documents + 1, self.n_claims, dtype=np.int64)
            for row, first in firsts:
                starts[row] = first
            self._claim_starts = np.minimum.accumulate(starts[::-1])[::-1].copy()  # documents without claims
        return np.searchsorted(self._claim_starts, ids, side="right") - 1

    def claims_by_ids(self, ids: Sequence[int], base: int) -> dict[int, Claim]:
        """The claims of these ids, by id; sentence ids + base."""
        out: dict[int, Claim] = {}
        for lo in range(0, len(ids), SQL_BATCH):
            batch = list(ids[lo : lo + SQL_BATCH])
            rows = self.query(f"SELECT id, body FROM claims WHERE id IN ({','.join('?' * len(batch))})", batch)
            out.update((cid, claim_from_body(body, base)) for cid, body in rows)
        return out


def read_segment_meta(folder: Path) -> dict:
    try:
        meta = json.loads((folder / SEGMENT_JSON).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise IndexCorrupt(f"segment {folder.name} cannot be read ({type(exc).__name__})") from exc
    if not isinstance(meta, dict) or meta.get("format") != SEGMENT_FORMAT or not isinstance(meta.get("files"), dict):
        raise IndexCorrupt(f"segment {folder.name} has a damaged description")
    for key in ("documents", "sentences", "chunks", "claims"):
        if not isinstance(meta.get("counts", {}).get(key), int):
            raise IndexCorrupt(f"segment {folder.name} has a damaged description")
    return meta


def check_sizes(folder: Path, meta: dict) -> None:
    """The cheap check at open: every file is there with its recorded size."""
    for name, info in meta["files"].items():
        if "/" in name or name.startswith("."):
            raise IndexCorrupt(f"segment {folder.name} names a file outside it")
        try:
            size = (folder / name).stat().st_size
        except OSError:
            size = -1
        if size != info.get("size"):
            raise IndexCorrupt(f"{name} in segment {folder.name} is missing or damaged")


def verify(folder: Path, meta: dict) -> None:
    """The full check: every byte of every file against its sha256."""
    check_sizes(folder, meta)
    for name, info in meta["files"].items():
        if _sha256(folder / name) != info.get("sha256"):
            raise IndexCorrupt(f"{name} in segment {folder.name} is damaged")


def open_segment(folder: Path, dim: int) -> Segment:
    meta = read_segment_meta(folder)
    check_sizes(folder, meta)
    try:
        return Segment(folder, meta, dim)
    except IndexCorrupt:
        raise
    except (OSError, ValueError, KeyError, TypeError, RuntimeError, sqlite3.Error) as exc:
        raise IndexCorrupt(f"segment {folder.name} cannot be opened ({type(exc).__name__}: {exc})") from exc


def segment_parts(seg: Segment, rows: Sequence[int]) -> SegmentInput:
    """Read documents of a segment back as parts with their vectors: what a merge copies, without re-embedding."""
    from rag.index.parts import TextBounds

    parts: list[DocPart] = []
    chunk_ids: list[int] = []
    sent_ids: list[int] = []
    for row in rows:
        (doc_id, file, stamp, sha, title, publisher, date, text, s0, ns, c0, nc, lo, lw, up, uw) = seg.query(
            "SELECT doc_id, file, stamp, sha256, title, publisher, date, text, first_sentence, n_sentences, first_chunk,"
            " n_chunks, lower, low_words, upper, up_words FROM documents WHERE row = ?", (row,))[0]
        doc = Document(doc_id=doc_id, file=file, text=text, sha256=sha, title=title or "", publisher=publisher or "", date=date or "")
        sentences = tuple(Sentence(doc_id, a, b, t) for a, b, t in seg.query(
            "SELECT start, end, text FROM sentences WHERE id >= ? AND id < ? ORDER BY id", (s0, s0 + ns)))
        chunks = tuple(
            Chunk(doc_id, a, b, text[a:b], n, f - s0, last - s0)
            for a, b, n, f, last in seg.query(
                "SELECT start, end, n_tokens, first_sentence, last_sentence FROM chunks WHERE id >= ? AND id < ? ORDER BY id",
                (c0, c0 + nc))
        )
        claims = tuple(c for _, c in seg.claims_where("doc_row = ?", (row,), -s0))
        parts.append(DocPart(doc, sentences, chunks, claims, TextBounds(lo, lw or "", up, uw or ""), stamp))
        chunk_ids.extend(range(c0, c0 + nc))
        sent_ids.extend(range(s0, s0 + ns))
    chunk_vectors = seg.vectors.vectors(chunk_ids) if chunk_ids else np.zeros((0, seg.vectors.dim), dtype=np.float32)
    sentence_vectors = np.asarray(seg.sentence_vectors[sent_ids], dtype=np.float32)
    return SegmentInput(parts, chunk_vectors, sentence_vectors.reshape(len(sent_ids), -1))
