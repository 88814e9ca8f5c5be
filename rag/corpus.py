"""Reading a corpus folder: articles as documents, and the files that could not be read.

Only regular files are opened: a symbolic link (even to a file inside the corpus), a named pipe, a socket
or a device is reported and skipped, so a corpus folder cannot make the reader quote a file from
elsewhere or wait forever on a pipe. A metadata sidecar is read defensively: when it is damaged, too
large or of the wrong shape, only the metadata is lost, with a message, and the article is still read.
"""

from __future__ import annotations

import calendar
import errno
import hashlib
import json
import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from rag.config import CORPUS_SUFFIXES, MAX_DOCUMENT_BYTES, MAX_META_BYTES, META_MAX_FIELD_CHARS, META_SUFFIX, TITLE_MAX_CHARS
from rag.errors import CorpusError
from rag.records import Document, SkippedFile
from rag.sentences import split_sentences

META_FIELDS = ("title", "publisher", "date")
_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_MD_HEADING = re.compile(r"^ {0,3}#[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$")
_LINE_MARKS = re.compile(r"^[\s•·▪●◦\-–—*>#]+")


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


@dataclass(frozen=True)
class FileEntry:
    """An article file as a directory scan sees it, before it is read: its id and its stat stamp."""

    file: str
    doc_id: str
    stamp: str  # size and modification time of the file and its metadata sidecar: unchanged stamp, unchanged article
    mtime_ns: int = 0  # the file's modification time, as in the stamp


@dataclass(frozen=True)
class CorpusScan:
    folder: Path
    entries: tuple[FileEntry, ...]
    skipped: tuple[SkippedFile, ...]


def scan_corpus(folder: str | Path) -> CorpusScan:
    """The article files of `folder` and their stat stamps, reading no file: what an index compares
    against to find the articles that changed (like git's index, by size and modification time)."""
    path = Path(folder)
    if not path.exists():
        raise CorpusError(f"corpus folder {path} does not exist: create it and put .txt, .md or .html articles in it, or pass --corpus DIR")
    if not path.is_dir():
        raise CorpusError(f"corpus path {path} is not a folder: pass --corpus DIR with a folder of articles")
    try:
        with os.scandir(path) as listing:
            found = sorted((e.name, e) for e in listing if not e.name.startswith("."))
    except OSError as exc:
        raise CorpusError(f"corpus folder {path} cannot be listed ({exc.strerror}): check its permissions") from exc
    skipped: list[SkippedFile] = []
    articles: list[tuple[str, str, os.stat_result]] = []  # (name, stem, stat)
    sidecars: dict[str, os.DirEntry[str]] = {}
    is_regular = stat.S_ISREG
    for name, entry in found:  # one lstat per file, through the listing's own entries (a corpus may hold 100,000)
        if name.endswith(META_SUFFIX):
            sidecars[name] = entry
            continue
        dot = name.rfind(".")  # os.path.splitext's split, for a name that does not start with a dot
        stem, suffix = (name[:dot], name[dot:]) if dot > 0 else (name, "")
        try:  # the common case first, in few steps: a regular file with a UTF-8 name and a supported suffix
            info = entry.stat(follow_symlinks=False)
        except OSError:
            info = None
        if info is not None and is_regular(info.st_mode) and suffix.lower() in CORPUS_SUFFIXES and name.isascii():
            articles.append((name, stem, info))
            continue
        problem, info = _unusable(entry)
        if problem == "folder":
            continue
        if problem:
            skipped.append(SkippedFile(_printable(name), problem))
        elif suffix.lower() not in CORPUS_SUFFIXES:
            skipped.append(SkippedFile(name, f"unsupported file type; supported: {' '.join(CORPUS_SUFFIXES)}"))
        elif info is not None:
            articles.append((name, stem, info))
    stems = Counter(stem for _, stem, _ in articles)
    entries = []
    for name, stem, info in articles:
        side = sidecars.get(stem + META_SUFFIX)
        side_stamp = ""
        if side is not None:
            try:
                s = side.stat(follow_symlinks=False)
                side_stamp = f"{s.st_size}:{s.st_mtime_ns}:{s.st_mode}"
            except OSError:
                side_stamp = "unreadable"
        doc_id = stem if stems[stem] == 1 else name
        entries.append(FileEntry(name, doc_id, f"{info.st_size}:{info.st_mtime_ns}:{info.st_ino}|{side_stamp}", info.st_mtime_ns))
    return CorpusScan(path, tuple(entries), tuple(skipped))


def read_entries(scan: CorpusScan, entries: Iterable[FileEntry]) -> tuple[list[Document], list[SkippedFile]]:
    """Read the given files of a scan: the documents, and the files (or metadata) that could not be used."""
    documents: list[Document] = []
    skipped: list[SkippedFile] = []
    for entry in entries:
        try:
            doc, notes = read_document(scan.folder / entry.file, entry.doc_id)
        except CorpusError as exc:
            skipped.append(SkippedFile(entry.file, str(exc)))
            continue
        documents.append(doc)
        skipped.extend(notes)
    return documents, skipped


def no_articles(folder: Path, skipped: Iterable[SkippedFile]) -> CorpusError:
    detail = "; ".join(f"{s.file}: {s.reason}" for s in skipped)
    return CorpusError(
        f"no readable articles in {folder}" + (f" ({detail})" if detail else "") + ": add UTF-8 .txt, .md or .html files"
    )


def load_corpus(folder: str | Path) -> Corpus:
    """Read every supported article in `folder`; raise CorpusError when none is usable."""
    scan = scan_corpus(folder)
    documents, skipped = read_entries(scan, scan.entries)
    if not documents:
        raise no_articles(scan.folder, (*scan.skipped, *skipped))
    return Corpus(scan.folder, tuple(documents), (*scan.skipped, *skipped))


def _unusable(entry: os.DirEntry[str]) -> tuple[str, os.stat_result | None]:
    """Why a folder entry cannot be an article ("folder" for a sub-folder, which is passed over), or "", and its stat."""
    try:
        entry.name.encode("utf-8")
    except UnicodeEncodeError:
        return "its name is not valid UTF-8: rename it", None
    try:
        info = entry.stat(follow_symlinks=False)
    except OSError as exc:
        return f"cannot be read ({exc.strerror})", None
    if stat.S_ISDIR(info.st_mode):
        return "folder", info
    kind = _kind(info.st_mode)
    return (f"is {kind}; only regular files are read" if kind else ""), info


def _kind(mode: int) -> str:
    """What a non-regular file is, in words; "" for a regular file."""
    if stat.S_ISREG(mode):
        return ""
    for test, name in (
        (stat.S_ISLNK, "a symbolic link"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _printable(name: str) -> str:
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_regular_file(file: Path, limit: int, what: str = "") -> bytes:
    """The bytes of a regular file of at most `limit` bytes; CorpusError for anything else.

    lstat refuses links, pipes and devices before opening; O_NOFOLLOW and O_NONBLOCK guard the open itself
    (a file swapped for a link or a pipe in between), and fstat checks what was opened.
    """
    def refuse(kind: str) -> CorpusError:
        return CorpusError(f"{what}is {kind}; only regular files are read")

    try:
        kind = _kind(os.lstat(file).st_mode)
        if kind:
            raise refuse(kind)
        fd = os.open(file, _OPEN_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise refuse("a symbolic link") from exc
        raise CorpusError(f"{what}cannot be read ({exc.strerror})") from exc
    try:
        info = os.fstat(fd)
        kind = _kind(info.st_mode)
        if kind:
            raise refuse(kind)
        if info.st_size > limit:
            raise CorpusError(f"{what}is {info.st_size:,} bytes, over the {limit:,}-byte limit")
        parts: list[bytes] = []
        size = 0
        while size <= limit:
            part = os.read(fd, min(1 << 20, limit + 1 - size))
            if not part:
                break
            parts.append(part)
            size += len(part)
    except OSError as exc:
        raise CorpusError(f"{what}cannot be read ({exc.strerror})") from exc
    finally:
        os.close(fd)
    if size > limit:  # it grew while being read
        raise CorpusError(f"{what}is over the {limit:,}-byte limit")
    return b"".join(parts)


def read_document(file: Path, doc_id: str) -> tuple[Document, list[SkippedFile]]:
    """Read one article, and what was ignored of its metadata; CorpusError says why it cannot be used."""
    raw = read_regular_file(file, MAX_DOCUMENT_BYTES)
    suffix = file.suffix.lower()
    text, meta = decode_article(raw, suffix)
    sidecar, notes = read_metadata(file)
    meta.update(sidecar)
    if not meta.get("title"):
        meta["title"] = derive_title(text, suffix)
    digest = hashlib.sha256(raw)
    digest.update(json.dumps(meta, sort_keys=True).encode())
    return Document(doc_id=doc_id, file=file.name, text=text, sha256=digest.hexdigest(), **meta), notes


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


# ---------------------------------------------------------------- HTML


def _html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """trafilatura's article text; the page's plain text where trafilatura finds none or fails
    (lxml gives up on very deep nesting, for one)."""
    import trafilatura

    failure = ""
    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
    except Exception as exc:  # any failure inside the parser falls back to the plain text
        text, failure = "", f"{type(exc).__name__}: {exc}"
    if not text.strip():
        try:
            text = html_plain_text(html)
        except Exception as exc:  # html.parser can trip on malformed declarations
            reason = failure or f"{type(exc).__name__}: {exc}"
            raise CorpusError(f"its HTML could not be read ({reason[:200]})") from exc
    meta: dict[str, str] = {}
    try:
        info = trafilatura.extract_metadata(html)
    except Exception:  # the text is what matters; the metadata is a bonus
        info = None
    if info is not None:
        for name, value in (("title", info.title), ("publisher", info.sitename), ("date", info.date)):
            cleaned = clean_field(value) if isinstance(value, str) else ""
            if cleaned:
                meta[name] = cleaned
    return text, meta


class _TextOnly(HTMLParser):
    """Collects a page's text, one line per block element; no tree is built, so nesting depth costs nothing."""

    SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg"})
    BLOCKS = frozenset(
        "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr"
        " li main nav ol p pre section table td th tr ul".split()
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_plain_text(html: str) -> str:
    """Every text node outside scripts and styles, a line per block, spaces collapsed."""
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


# ---------------------------------------------------------------- metadata and titles


def read_metadata(file: Path) -> tuple[dict[str, str], list[SkippedFile]]:
    """The sidecar `<stem>.meta.json`: title, publisher and date as the article shows them.

    Returns the fields that could be used and a note for each thing ignored; never raises, since a
    damaged sidecar costs only the metadata, not the article.
    """
    side = file.with_name(file.stem + META_SUFFIX)
    if not os.path.lexists(side):
        return {}, []

    def ignored(reason: str) -> SkippedFile:
        return SkippedFile(side.name, f"{reason}; the article {file.name} is read without it")

    try:
        raw = read_regular_file(side, MAX_META_BYTES)
        data = json.loads(raw.decode("utf-8"))
    except CorpusError as exc:
        return {}, [ignored(f"metadata ignored: it {exc}")]
    except UnicodeDecodeError:
        return {}, [ignored("metadata ignored: it is not UTF-8 text")]
    except RecursionError:
        return {}, [ignored("metadata ignored: it is nested too deeply to read")]
    except ValueError as exc:  # JSONDecodeError, and numbers too long to convert
        return {}, [ignored(f"metadata ignored: it is not valid JSON ({str(exc)[:200]})")]
    if not isinstance(data, dict):
        return {}, [ignored(f"metadata ignored: it must be a JSON object, not {_json_type(data)}")]
    meta: dict[str, str] = {}
    notes: list[SkippedFile] = []

    def field_ignored(name: str, reason: str) -> SkippedFile:
        return SkippedFile(side.name, f"{reason}; the article {file.name} is read without its {name}", partial=True)

    for name in META_FIELDS:
        value = data.get(name)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            notes.append(field_ignored(name, f"its {name} is {_json_type(value)}, not text, so it is ignored"))
            continue
        cleaned = clean_field(value)
        if name == "date" and cleaned and (why := bad_date(cleaned)):
            notes.append(field_ignored(name, f"its date {cleaned[:40]!r} {why}, so it is ignored"))
            continue
        if cleaned:
            meta[name] = cleaned
    return meta, notes


# a date written as the ISO calendar writes it: a year, then maybe a month and a day ("2025", "2025-02", "2025-02-24",
# "2025-02-24T09:30:00Z")
_ISO_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?(?=$|[T ])")
MIN_YEAR = 1000  # a year before this in an article's date is a mistake ("0000-01-01")


def bad_date(date: str) -> str:
    """Why a metadata date written the ISO way is no calendar date ("2025-13-01": "has no month 13"), or "" where it
    is one or is written some other way (shown as it is)."""
    m = _ISO_DATE.match(date)
    if m is None:
        return ""
    year = int(m.group("year"))
    month = int(m.group("month")) if m.group("month") else 1
    day = int(m.group("day")) if m.group("day") else 1
    if year < MIN_YEAR:
        return f"has the year {year}"
    if not 1 <= month <= 12:
        return f"has no month {month}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return f"has no day {day} in {calendar.month_name[month]} {year}"
    return ""


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true or false", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def clean_field(value: str, limit: int = META_MAX_FIELD_CHARS) -> str:
    """A metadata value fit to show: control and bidi-override characters removed, spaces collapsed, cut to `limit`."""
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cs") or ch in _BIDI_CONTROLS else ch for ch in value[: limit * 4]
    )
    return " ".join(text.split())[:limit].rstrip()


def derive_title(text: str, suffix: str = ".txt") -> str:
    """A title for an article without one: a Markdown file's first `# heading`, else the first line with words,
    cut at a space to TITLE_MAX_CHARS (its first sentence where that fits)."""
    lines = text.splitlines()
    if suffix == ".md":
        for line in lines:
            heading = _MD_HEADING.match(line)
            if heading and any(ch.isalnum() for ch in heading.group("text")):
                return _shorten(clean_field(heading.group("text")))
    for line in lines:
        line = clean_field(_LINE_MARKS.sub("", line, count=1))
        if any(ch.isalnum() for ch in line):
            return _shorten(line)
    return ""


def _shorten(line: str, limit: int = TITLE_MAX_CHARS) -> str:
    if len(line) <= limit:
        return line
    sentences = split_sentences(line[: limit * 4])
    if sentences and sentences[0][1] <= limit:
        return line[sentences[0][0] : sentences[0][1]]
    cut = line.rfind(" ", 0, limit)
    head = line[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:–—-")
    return head + "…"
