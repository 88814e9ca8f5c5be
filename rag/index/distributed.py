"""The Ray build as the store sees it: a `process` step that replaces local reading, parsing and embedding."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rag.config import DEFAULT_CHUNK_SETTINGS, DEFAULT_SENTENCE_VECTORS, ChunkSettings
from rag.corpus import CorpusScan, FileEntry
from rag.embedding import Embedder, default_embedder
from rag.index.parts import DocPart
from rag.records import SkippedFile

# (scan, changed entries, sentence-vector route) -> (built parts with their vectors, skipped files)
Process = Callable[[CorpusScan, Sequence[FileEntry], str], tuple[list[tuple[DocPart, object]], list[SkippedFile]]]


def ray_processor(
    address: str | None, settings: ChunkSettings = DEFAULT_CHUNK_SETTINGS, embedder_factory: Callable[[], Embedder] = default_embedder,
) -> Process:
    """A `process` for `ensure_index`: the changed files of a scan, read, cut and embedded on a Ray cluster
    (`address` None: a local Ray). Its output goes into a segment like the local build's."""

    def process(
        scan: CorpusScan, entries: Sequence[FileEntry], route: str = DEFAULT_SENTENCE_VECTORS,
    ) -> tuple[list[tuple[DocPart, object]], list[SkippedFile]]:
        from rag.index.ray_build import ray_process

        built, skipped = ray_process(scan.folder, entries, settings, embedder_factory, address, route=route)
        return [(b.part, (b.chunk_vectors, b.sentence_vectors)) for b in built], skipped

    return process
