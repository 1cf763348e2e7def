"""Articles from files of every format as one pandas frame, plus its companion frames.

``load_articles(*paths)`` reads files or folders (recursively) and returns one row per article
(:data:`COLUMNS`: ``article_id, outlet, url, language, published, kicker, title, lead, text,
n_words, path, format``). The steps, one module each:

1. :mod:`~kursk.articles.files`: find the files, read each one's bytes as text;
2. :mod:`~kursk.articles.formats` and :mod:`~kursk.articles.html`: one parser per format (the
   seed's, Markdown/text with YAML front matter, JSON, JSON Lines, HTML, RSS/Atom);
3. :mod:`~kursk.articles.records`: finish each record (text, date, language, id) and leave out
   duplicates (same ``article_id`` or the same text, case, Unicode form and spacing aside);
4. :mod:`~kursk.articles.load`: the loop over files and the load report;
5. :mod:`~kursk.articles.store`: Parquet; :mod:`~kursk.articles.frames`: paragraphs, sentences,
   quotes, mentions.

Every file seen gets one row in ``df.attrs["load_report"]`` (path, status ``loaded``,
``skipped`` or ``duplicate``, reason, articles, warnings), so files in = loaded + skipped +
duplicates; ``strict=True`` raises :class:`ArticleError` naming the file and the reason instead.
Hostile input: XML and HTML with entity declarations are refused (billion laughs, XXE); JSON
nested too deeply or with over-long numbers, truncated UTF-8, unpaired surrogates and implausible
dates are skipped or repaired with a warning in the report (an error in strict mode).
For corpora beyond one machine, :mod:`kursk.scale` maps :func:`parse_file` over Dask partitions.
"""

from kursk.articles.errors import ArticleError
from kursk.articles.files import discover, display_path, read_text
from kursk.articles.formats import KNOWN_KICKERS, check_xml_safe
from kursk.articles.frames import (
    in_period,
    mention_counts,
    mentions,
    paragraphs,
    quotes,
    sentences,
)
from kursk.articles.html import html_to_text
from kursk.articles.load import (
    COLUMNS,
    REPORT_COLUMNS,
    articles_dtypes,
    load_articles,
    parse_file,
    report_frame,
    to_frame,
)
from kursk.articles.records import (
    Deduplicator,
    article_id,
    count_words,
    parse_published,
    split_paragraphs,
    text_key,
)
from kursk.articles.store import read_parquet, to_parquet

__all__ = [
    "COLUMNS", "KNOWN_KICKERS", "REPORT_COLUMNS", "ArticleError", "Deduplicator", "article_id",
    "articles_dtypes",
    "check_xml_safe", "count_words", "discover", "display_path", "html_to_text", "in_period",
    "load_articles", "mention_counts", "mentions", "paragraphs", "parse_file", "parse_published", "quotes",
    "read_parquet", "read_text", "report_frame", "sentences", "split_paragraphs", "text_key",
    "to_frame", "to_parquet",
]  # fmt: skip
