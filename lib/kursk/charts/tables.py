"""Tables for readers: the one place where a frame is formatted for people, not programs.

:func:`for_readers` turns any frame into a :class:`Table`: numbers with thousands separators
(``15,000``, not ``15000.0``; shares as percentages), codes as words (``up_to`` → "up to",
metrics and sides by their labels in ``data/datapackage.json``), dates as dates (``6 Nov
2024``), missing values blank (never ``NaN``, ``NaT`` or ``<NA>``), column names in words.

A :class:`Table` shows in a notebook as a plain HTML table, readable everywhere (an untrusted
notebook, GitHub, a text editor's preview); where scripts run (a notebook trusted or run on your
machine, the report's HTML pages) a small inline script makes every column sortable (click its
heading) and gives tables of more than :data:`SEARCH_FROM` rows a search box. Nothing is loaded
from the network, and the HTML holds no random ids, so stored outputs repeat from run to run.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import numbers
from collections.abc import Iterable, Mapping

import pandas as pd

from kursk import schema
from kursk.wording import day_label

#: Tables longer than this get a search box (where scripts run).
SEARCH_FROM = 12
#: Rows shown before the table scrolls (the whole table is in the page).
VISIBLE_ROWS = 25
#: Columns whose values are codes of the claims schema, read as words (``higher_metric``,
#: ``metric_a`` and the like too).
ENUM_COLUMNS = ("claimant_side", "metric", "qualifier", "kind")
#: Words for codes the schema gives no label for.
EXTRA_LABELS: dict[str, dict[str, str]] = {
    "qualifier": {"exact": "exact", "about": "about", "more_than": "more than",
                  "at_least": "at least", "up_to": "up to"},
    "side": {},  # filled from claimant_side below
}
#: Column-name words that mark a share (0–1), shown as a percentage.
_SHARE_WORDS = ("share", "rate", "fraction", "pct", "percent")


def _labels() -> dict[str, dict[str, str]]:
    """Words for the codes of each enum column (schema labels over :data:`EXTRA_LABELS`)."""
    out = {name: dict(words) for name, words in EXTRA_LABELS.items()}
    for column in ENUM_COLUMNS:
        words = out.setdefault(column, {})
        for code, label in schema.labels("claims", column).items():
            if label != code or code not in words:  # the schema's label, where it gives one
                words[code] = label
    out["side"] = dict(out["claimant_side"])
    return out


def _enum_of(column: str, labels: Mapping[str, Mapping[str, str]]) -> str | None:
    """The enum a column holds: its name, or a name it starts or ends with (``metric_a``)."""
    for name in sorted(labels, key=len, reverse=True):
        if column == name or column.startswith(f"{name}_") or column.endswith(f"_{name}"):
            return name
    return None


def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        return bool(pd.isna(value)) if not isinstance(value, (list, tuple, set, dict)) else False
    except (TypeError, ValueError):
        return False


#: Columns shown with more decimals than two: a confidence of 0.987 is below a threshold of 0.99,
#: and must not read as 0.99.
DECIMALS = {"confidence": 3}


def _number(value: float, *, integral: bool, share: bool, decimals: int = 2) -> str:
    if share:
        return f"{value:.0%}"
    if integral:
        return f"{value:,.0f}"
    text = f"{value:,.{decimals}f}"
    return text.lstrip("-") if float(text.replace(",", "")) == 0 else text


def _decimals(values: list[float], most: int) -> int:
    """The decimals a column needs (at most ``most``): all its numbers get as many, so that they
    line up (0.500 beside 0.911)."""
    return max((len(f"{v:.{most}f}".rstrip("0").partition(".")[2]) for v in values), default=0)


def _words(column: object) -> str:
    """A column name for readers: ``claimed_on`` → "claimed on", ``n_reports`` → "reports"."""
    text = str(column)
    if text.startswith("n_") and len(text) > 2:
        text = text[2:]
    return text.replace("_", " ")


def _format_column(values: pd.Series, name: str, labels: Mapping[str, Mapping[str, str]],
                   *, share: bool, times: bool) -> tuple[list[str], list[str | None]]:
    """The shown text and the sort key (None: sort by the text) of each value of a column."""
    enum = _enum_of(name, labels)
    words = labels.get(enum, {}) if enum else {}
    non_null = [v for v in values if not _missing(v)]
    if pd.api.types.is_bool_dtype(values.dtype) or (
            non_null and all(isinstance(v, bool) for v in non_null)):
        shown = ["" if _missing(v) else ("yes" if v else "no") for v in values]
        return shown, [None] * len(shown)
    if pd.api.types.is_datetime64_any_dtype(values.dtype) or (
            non_null and all(isinstance(v, (dt.date, pd.Timestamp)) for v in non_null)):
        shown = ["" if _missing(v) else day_label(v, times=times) for v in values]
        keys = ["" if _missing(v) else pd.Timestamp(v).isoformat() for v in values]
        return shown, keys
    if pd.api.types.is_numeric_dtype(values.dtype) or (
            non_null and all(isinstance(v, numbers.Real) for v in non_null)):
        floats = [float(v) for v in non_null]
        integral = all(f.is_integer() for f in floats)
        share = share or (any(w in name.lower() for w in _SHARE_WORDS)
                          and all(0 <= f <= 1 for f in floats) and not integral)
        decimals = _decimals(floats, DECIMALS.get(name, 2))
        shown = ["" if _missing(v) else _number(float(v), integral=integral, share=share,
                                                decimals=decimals) for v in values]
        keys = ["" if _missing(v) else repr(float(v)) for v in values]
        return shown, keys

    def word(value: object) -> str:
        if _missing(value):
            return ""
        if isinstance(value, (list, tuple, set, frozenset)):
            return ", ".join(word(v) for v in (sorted(value) if isinstance(value, (set, frozenset))
                                                else value))
        text = str(value)
        if words:
            for sep in (" / ", "/", ", "):
                if sep in text and all(p.strip() in words for p in text.split(sep)):
                    return sep.join(words[p.strip()] for p in text.split(sep))
            return words.get(text, text)
        return text

    shown = [word(v) for v in values]
    return shown, [None] * len(shown)


class Table:
    """A frame formatted for readers (:attr:`frame`, all text), shown as a sortable, searchable
    HTML table in notebooks and the report's pages, and as plain text elsewhere."""

    def __init__(self, frame: pd.DataFrame, keys: pd.DataFrame, numeric: set[str],
                 caption: str = "") -> None:
        self.frame, self._keys, self._numeric, self.caption = frame, keys, numeric, caption

    def __len__(self) -> int:
        return len(self.frame)

    def __repr__(self) -> str:
        """The table as text (what a terminal or nbval's text comparison sees)."""
        if self.frame.empty:
            return "(no rows)"
        text = self.frame.to_string(index=False)
        return f"{self.caption}\n{text}" if self.caption else text

    def to_html(self) -> str:
        """The table as one HTML fragment: a plain table, its sort keys in ``data-sort``, and the
        inline script that sorts and filters it where scripts run."""
        cols = list(self.frame.columns)
        num = ' class="num"'
        head = "".join(f"<th{num if c in self._numeric else ''}>{html.escape(str(c))}</th>"
                       for c in cols)
        body = []
        for i in range(len(self.frame)):
            cells = []
            for c in cols:
                text = self.frame.iat[i, cols.index(c)]
                key = self._keys.iat[i, cols.index(c)]
                attrs = f' data-sort="{html.escape(key, quote=True)}"' if key is not None else ""
                if c in self._numeric:
                    attrs += num
                cells.append(f"<td{attrs}>{html.escape(text)}</td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
        caption = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        empty = f'<tr><td colspan="{len(cols)}" style="text-align:left">(no rows)</td></tr>'
        rows = len(self.frame)
        scroll = (f' style="max-height:{1.9 * VISIBLE_ROWS + 2:.0f}em;overflow:auto"'
                  if rows > VISIBLE_ROWS else "")
        return (
            f'<div class="kursk-table" data-rows="{rows}"{scroll}>'
            f"<style>{_CSS}</style>"
            f'<table class="dataframe">{caption}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body) or empty}</tbody></table>"
            f"<script>{_SCRIPT}</script></div>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()


_CSS = (
    ".kursk-table table{border-collapse:collapse;font-size:12px}"
    ".kursk-table th,.kursk-table td{padding:2px 8px;text-align:left;vertical-align:top;"
    "border-bottom:1px solid #e5e5e5}"
    ".kursk-table th{position:sticky;top:0;background:#fff;cursor:pointer;white-space:nowrap}"
    ".kursk-table .num{text-align:right;font-variant-numeric:tabular-nums}"
    ".kursk-table th[aria-sort=ascending]::after{content:' \\25B4'}"
    ".kursk-table th[aria-sort=descending]::after{content:' \\25BE'}"
    ".kursk-table input{margin:0 0 6px;padding:3px 6px;width:18em;font-size:12px}"
    ".kursk-table caption{text-align:left;font-weight:bold;padding:0 0 4px}"
)
# Sorts on a heading's click (numbers as numbers, blanks last) and, for long tables, filters rows
# by a search box it adds; written for any browser, no library, no network.
_SCRIPT = (
    "(function(){var box=document.currentScript&&document.currentScript.parentElement;"
    "if(!box||box.getAttribute('data-ready'))return;box.setAttribute('data-ready','1');"
    "var table=box.querySelector('table'),body=table.tBodies[0],"
    "rows=Array.prototype.slice.call(body.rows),heads=table.tHead.rows[0].cells;"
    "function key(c){var v=c.getAttribute('data-sort');return v===null?c.textContent.toLowerCase():v;}"
    "function cmp(x,y){if(x===''||y==='')return x===y?0:(x===''?1:-1);"
    "var a=parseFloat(x),b=parseFloat(y);"
    "if(/^-?[0-9.e+-]+$/i.test(x)&&/^-?[0-9.e+-]+$/i.test(y)&&!isNaN(a)&&!isNaN(b))"
    "return a-b;return x<y?-1:x>y?1:0;}"
    "Array.prototype.forEach.call(heads,function(th,i){th.title='Sort by this column';"
    "th.addEventListener('click',function(){var asc=th.getAttribute('aria-sort')!=='ascending';"
    "Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});"
    "th.setAttribute('aria-sort',asc?'ascending':'descending');"
    "rows.sort(function(r,s){var x=key(r.cells[i]),y=key(s.cells[i]);"
    "if(x===''||y==='')return cmp(x,y);var c=cmp(x,y);return asc?c:-c;});"
    "rows.forEach(function(r){body.appendChild(r);});});});"
    f"if(rows.length>{SEARCH_FROM})"
    "{var input=document.createElement('input');input.type='search';"
    "input.placeholder='Search the '+rows.length+' rows';input.setAttribute('aria-label','Search');"
    "box.insertBefore(input,table);input.addEventListener('input',function(){"
    "var q=input.value.toLowerCase();rows.forEach(function(r){"
    "r.style.display=r.textContent.toLowerCase().indexOf(q)<0?'none':'';});});}"
    "})();"
)


def for_readers(
    df: pd.DataFrame,
    *,
    columns: Mapping[str, str] | Iterable[str] | None = None,
    ranges: Mapping[str, tuple[str, str]] | None = None,
    percent: Iterable[str] = (),
    times: bool = False,
    caption: str = "",
) -> Table:
    """``df`` formatted for readers, as a :class:`Table` (``.frame`` holds the text).

    ``columns`` picks and orders the columns, and renames them when a mapping (``{"n_words":
    "words"}``); other names are put in words (``claimed_on`` → "claimed on"). ``ranges`` makes a
    column of figures from two (``{"figure": ("low", "high")}``: "15,000", or "200–900" where
    they differ), which ``columns`` can then name. ``percent`` names
    columns of shares (0–1) shown as percentages (columns named like ``share_…`` are found
    alone). ``times`` keeps the time of day of timestamps (dates only by default). A named index
    becomes the first columns; a plain row number is dropped.
    """
    data = df.copy()
    if not isinstance(data.index, pd.RangeIndex) or any(n is not None for n in data.index.names):
        data = data.reset_index()
    data = data.reset_index(drop=True)
    df_low = data
    for name, (low, high) in (ranges or {}).items():
        data[name] = [
            "" if _missing(lo) and _missing(hi) else
            _number(float(hi if _missing(lo) else lo), integral=True, share=False)
            if _missing(hi) or _missing(lo) or float(lo) == float(hi) else
            f"{_number(float(lo), integral=True, share=False)}–"
            f"{_number(float(hi), integral=True, share=False)}"
            for lo, hi in zip(data[low], data[high], strict=True)]
    if columns is not None:
        names = dict(columns) if isinstance(columns, Mapping) else {c: _words(c) for c in columns}
        missing = [c for c in names if c not in data.columns]
        if missing:
            raise KeyError(f"for_readers: no column {missing} in {list(data.columns)}")
        data = data[list(names)]
    else:
        names = {c: _words(c) for c in data.columns}
    labels = _labels()
    percent = set(percent)
    shown, keys, numeric = {}, {}, set()
    for column in data.columns:
        title = names[column]
        text, key = _format_column(data[column], str(column), labels,
                                   share=column in percent, times=times)
        shown[title], keys[title] = text, key
        values = [v for v in data[column] if not _missing(v)]
        if (pd.api.types.is_numeric_dtype(data[column].dtype)
                and not pd.api.types.is_bool_dtype(data[column].dtype)) or (
                values and all(isinstance(v, numbers.Real) and not isinstance(v, bool)
                               for v in values)):
            numeric.add(title)
        if column in (ranges or {}):  # sorted by the low end, set right like numbers
            low, high = ranges[column]
            keys[title] = ["" if _missing(lo) else repr(float(lo)) for lo in df_low[low]]
            numeric.add(title)
    frame = pd.DataFrame(shown, columns=list(shown), dtype=object)
    return Table(frame, pd.DataFrame(keys, columns=list(keys), dtype=object), numeric, caption)
