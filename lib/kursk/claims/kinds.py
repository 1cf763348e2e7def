"""Whether a figure is a running count, a forecast or a count for one period (the ``kind`` of
``data/claims.csv``), from the words around it.

* ``forecast``: an expected, planned or possible total. A modal or future verb tied to sending,
  arriving or growing ("could be sent", "will go to Kursk", "expected to", "preparing to send",
  "könnten eingesetzt werden", "könnte auf 15.000 steigen", "sollen nach Kursk kommen",
  "voraussichtlich", "bis Dezember sollen", "could number 20,000 by the end of the year"), or
  "in the coming weeks".
* ``period``: a count for a stated short period or a single engagement only, not a running total
  ("in a week", "innerhalb einer Woche", "in a drone strike", "beim Angriff").
* ``count`` otherwise, including hedged present or past figures ("may already be in Russia",
  "sollen sich in Russland aufhalten", "soll geschickt haben", "will verwundet haben").

A forecast cue wins over a period cue. The rules read the part of the sentence that belongs to the
figure (as the metric does), so "3,000 sent, 10,000 expected" gives a count and a forecast.
"""

from __future__ import annotations

import re

from kursk.claims.metrics import lower_pattern

COUNT, FORECAST, PERIOD = "count", "forecast", "period"
_I = re.IGNORECASE

_MONTHS_DE = (
    "januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|"
    "jahresende|frühjahr|sommer|herbst|winter"
)
# words between a modal and its verb, within the sentence (a dot only inside a number: "15.000")
_GAP = r"(?:[^.;!?]|\.(?=\d)){0,160}?"
_BY_EN = (
    r"\bby\s+(?:the\s+)?(?:(?:end|middle|start|beginning)\s+of\s+(?:the\s+)?)?"
    r"(?:year|year-end|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|spring|summer|autumn|fall|winter)\b"
)

_FORECAST = {
    "en": re.compile(
        r"\b(?:could|may|might|would|will|shall)\s+(?:\w+\s+){0,2}?(?:be\s+)?"
        r"(?:sent|deployed|dispatched|transferred|grow|rise|reach|exceed|increase|climb|arrive|"
        r"go|send|deploy|dispatch|follow|join|top)\b"
        r"|\bexpected\b|\b(?:scheduled|due|poised|set|slated)\s+to\b"
        r"|\b(?:plans?|planned|planning|prepares|preparing|intends?|intending|aims?|aiming)\s+to\s+"
        r"(?:send|deploy|dispatch|transfer|add)\b"
        r"|\bin\s+the\s+(?:coming|next)\s+(?:days|weeks|months)\b"
        r"|\b(?:could|may|might|would|will)\b" + _GAP + _BY_EN,
        _I,
    ),
    "de": re.compile(
        r"\b(?:könnte|könnten|dürfte|dürften|würde|würden|soll|sollen|wird|werden)\b" + _GAP
        + r"\b(?:geschickt|entsandt|eingesetzt|verlegt|gesandt|überstellt)\s+werden\b"
        r"|\b(?:könnte|könnten|dürfte|dürften|würde|würden)\b" + _GAP
        + r"\b(?:steigen|ansteigen|anwachsen|wachsen|schicken|entsenden|senden|verlegen|kommen|"
        r"folgen|eintreffen|erreichen|übersteigen)\b"
        r"|\b(?:soll|sollen|wird|werden)\b" + _GAP
        + r"\b(?:kommen|folgen|eintreffen|ankommen|hinzukommen|schicken|entsenden)\b(?!\s+(?:sein|haben))"
        r"|\b(?:will|wollen|plant|planen|beabsichtigt|beabsichtigen)\b" + _GAP
        + r"\b(?:schicken|entsenden|senden|verlegen)\b"
        r"|\bvoraussichtlich\b|\berwartet\b|\bin\s+den\s+(?:kommenden|nächsten)\s+"
        r"(?:Tagen|Wochen|Monaten)\b"
        r"|\bbis\s+(?:(?:Ende|Anfang|Mitte)\s+)?(?:" + _MONTHS_DE + r")\b" + _GAP
        + r"\b(?:soll|sollen|wird|werden|könnte|könnten)\b"
        r"|\b(?:soll|sollen|wird|werden|könnte|könnten)\b" + _GAP
        + r"\bbis\s+(?:(?:Ende|Anfang|Mitte)\s+)?(?:" + _MONTHS_DE + r")\b",
        _I,
    ),
}

_ENGAGEMENT_EN = r"(?:drone\s+)?(?:strike|attack|assault|raid|battle|engagement|ambush)"
_PERIOD = {
    "en": re.compile(
        r"\b(?:in|within|over|during)\s+(?:a|one|the|a\s+single|the\s+past|the\s+last|"
        r"the\s+previous)\s+(?:single\s+)?(?:day|week|24\s+hours|48\s+hours)\b"
        r"|\b(?:in|during)\s+(?:a|an|the|one|its)\s+(?:[\w-]+\s+){0,2}?" + _ENGAGEMENT_EN + r"\b",
        _I,
    ),
    "de": re.compile(
        r"\b(?:innerhalb|binnen)\s+(?:einer|eines|von\s+\w+)\s+(?:einzigen\s+)?"
        r"(?:Woche|Tages|Tag|Tagen|24\s+Stunden)\b"
        r"|\bin\s+(?:einer|der\s+(?:vergangenen|letzten))\s+(?:einzigen\s+)?(?:Woche|Nacht)\b"
        r"|\bin\s+(?:den\s+)?(?:vergangenen|letzten)\s+24\s+Stunden\b"
        r"|\b(?:bei|beim)\s+(?:einem\s+|dem\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:Drohnenangriff|Angriff|Gefecht|Sturmangriff|Hinterhalt|Schlag|Luftangriff)\b",
        _I,
    ),
}


# The same patterns for lower-cased text, without IGNORECASE (about twice as fast here).
_FORECAST_LC = {k: re.compile(lower_pattern(p.pattern)) for k, p in _FORECAST.items()}
_PERIOD_LC = {k: re.compile(lower_pattern(p.pattern)) for k, p in _PERIOD.items()}


def kind(window: str, lang: str) -> str:
    """``forecast``, ``period`` or ``count`` for a figure, from ``window``: the part of its
    sentence between the neighbouring figures (or the whole sentence)."""
    lang = lang if lang in _FORECAST else "en"
    low = window.lower()
    if len(low) == len(window):
        forecast, period, window = _FORECAST_LC[lang], _PERIOD_LC[lang], low
    else:
        forecast, period = _FORECAST[lang], _PERIOD[lang]
    if forecast.search(window):
        return FORECAST
    if period.search(window):
        return PERIOD
    return COUNT
