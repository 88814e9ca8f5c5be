"""The exceptions the library raises; the CLI and UI turn them into one clear message.

RagError
 ├── QuestionError            the question cannot be asked as written
 ├── CorpusError              the corpus folder is missing, empty or unusable
 ├── IndexStoreError          the index folder cannot be used
 │    ├── IndexMissing        there is no index there yet
 │    ├── IndexCorrupt        files are missing, unreadable or do not match their checksums
 │    └── ModelMismatch       it was built by another embedding model
 ├── FigureQueryError         a figure lookup query holds no figure
 └── UploadError              an uploaded article was refused
"""


class RagError(Exception):
    """Base class: every message says what is wrong and what to do."""


class QuestionError(RagError):
    pass


class CorpusError(RagError):
    pass


class IndexStoreError(RagError):
    pass


class IndexMissing(IndexStoreError):
    pass


class IndexCorrupt(IndexStoreError):
    """The index (or one segment of it: `segment` names it, where known) is damaged."""

    segment: str | None = None


class IndexOutdated(IndexCorrupt):
    """The index was written in another format (by another version of rag): it is built again."""


class ModelMismatch(IndexStoreError):
    pass


class FigureQueryError(RagError):
    pass


class UploadError(RagError):
    pass
