"""corpuskit: canonical records, converters, a validator and packages for archival news corpora.

>>> from corpuskit import Article, read_records
>>> Article.model_fields["format"].annotation
typing.Literal['corpuskit.article/1']
"""

from corpuskit._version import __version__
from corpuskit.diagnostics import Diagnostic, Severity
from corpuskit.jsonl import read_records, write_records
from corpuskit.models import Article, CorpusManifest

__all__ = [
    "Article",
    "CorpusManifest",
    "Diagnostic",
    "Severity",
    "__version__",
    "read_records",
    "write_records",
]
