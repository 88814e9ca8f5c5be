"""Reading a corpus folder: articles as documents, and the files that could not be read."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from rag.config import CORPUS_SUFFIXES, MAX_DOCUMENT_BYTES, META_SUFFIX
from rag.errors import CorpusError
from rag.records import Document, SkippedFile

META_FIELDS = ("title", "publisher", "date")


@dataclass(frozen=True)
class Corpus:
    folder: Path
    documents: tuple[Document, ...]
    skipped: tuple[SkippedFile, ...]

    @property
    def fingerprint(self) -> str:
        digest = hashlib.sha256()
        for doc in self.documents:
            digest.update(f"{doc.doc_id}\0{doc.sha256}\n".encode())
        return digest.hexdigest()


def load_corpus(folder: str | Path) -> Corpus:
    """Read every supported article in `folder`; raise CorpusError when none is usable."""
    path = Path(folder)
    if not path.exists():
        raise CorpusError(f"corpus folder {path} does not exist: create it and put .txt, .md or .html articles in it, or pass --corpus DIR")
    if not path.is_dir():
        raise CorpusError(f"corpus path {path} is not a folder: pass --corpus DIR with a folder of articles")
    documents: list[Document] = []
    skipped: list[SkippedFile] = []
    names = sorted(p for p in path.iterdir() if not p.name.startswith("."))
    stems = [p.stem for p in names if p.suffix.lower() in CORPUS_SUFFIXES]
    for file in names:
        if file.name.endswith(META_SUFFIX) or file.is_dir():
            continue
        if file.suffix.lower() not in CORPUS_SUFFIXES:
            skipped.append(SkippedFile(file.name, f"unsupported file type; supported: {' '.join(CORPUS_SUFFIXES)}"))
            continue
        doc_id = file.stem if stems.count(file.stem) == 1 else file.name
        try:
            documents.append(read_document(file, doc_id))
        except CorpusError as exc:
            skipped.append(SkippedFile(file.name, str(exc)))
    if not documents:
        detail = "; ".join(f"{s.file}: {s.reason}" for s in skipped)
        raise CorpusError(
            f"no readable articles in {path}" + (f" ({detail})" if detail else "")
            + ": add UTF-8 .txt, .md or .html files"
        )
    return Corpus(path, tuple(documents), tuple(skipped))


def read_document(file: Path, doc_id: str) -> Document:
    """Read one article; CorpusError says why it cannot be used."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise CorpusError(f"cannot be read ({exc.strerror})") from exc
    text, meta = decode_article(raw, file.suffix.lower())
    meta.update(read_metadata(file))
    digest = hashlib.sha256(raw)
    digest.update(json.dumps(meta, sort_keys=True).encode())
    return Document(doc_id=doc_id, file=file.name, text=text, sha256=digest.hexdigest(), **meta)


def decode_article(raw: bytes, suffix: str) -> tuple[str, dict[str, str]]:
    """Turn a file's bytes into article text; raise CorpusError for binary, undecodable or empty input."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise CorpusError(f"is {len(raw):,} bytes, over the {MAX_DOCUMENT_BYTES:,}-byte limit")
    if b"\0" in raw:
        raise CorpusError("is binary, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"is not UTF-8 text (byte {exc.start}): save it as UTF-8") from exc
    meta: dict[str, str] = {}
    if suffix in (".html", ".htm"):
        text, meta = _html_to_text(text)
    if not text.strip():
        raise CorpusError("is empty")
    return text, meta


def _html_to_text(html: str) -> tuple[str, dict[str, str]]:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
    meta: dict[str, str] = {}
    info = trafilatura.extract_metadata(html)
    if info is not None:
        for name, value in (("title", info.title), ("publisher", info.sitename), ("date", info.date)):
            if value:
                meta[name] = str(value)
    return text, meta


def read_metadata(file: Path) -> dict[str, str]:
    """The sidecar `<stem>.meta.json`: title, publisher and date as the article shows them."""
    side = file.with_name(file.stem + META_SUFFIX)
    if not side.exists():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(f"its metadata {side.name} is not valid JSON ({exc}): fix or delete it") from exc
    if not isinstance(data, dict):
        raise CorpusError(f"its metadata {side.name} must be a JSON object")
    return {k: str(data[k]) for k in META_FIELDS if data.get(k)}
