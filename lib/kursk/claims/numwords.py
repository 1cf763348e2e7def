"""How numbers are written in each of the six languages: the tables the number reader
(:mod:`kursk.claims.numbers`) uses, and the grammars of numbers written in words.

* Number words: English, German and French through text2num (German compounds such as
  "zwölftausend", French "quatre-vingt-dix"), with the forms it does not read handled here ("a
  dozen", "two dozen", "half a million", "two and a half thousand", "zweieinhalbtausend",
  "anderthalb", "et demi"). Russian and Ukrainian through the inflected forms of every cardinal
  that pymorphy3 knows ("двенадцати", "трьох", "півтори"), summed by a small grammar
  (:func:`_sum_tokens`): units add up, a scale word (тысяча, тисяча, миллион) multiplies what
  stands before it, "с половиной" / "з половиною" adds a half. Korean writes digits with the units
  만 (10,000), 천 (1,000) and 백 (100): "1만1000", "1만 1천", "1.5만".
* Multipliers after digits ("12K", "1,5 Tausend", "1,1 тыс.", "3 mille").
* Vague quantities and their fixed ranges (tests/gold/GUIDE.md): "several hundred", "Tausende",
  "десятки тысяч", "des milliers", "수천"; "une dizaine" is one value.
* The words that join the two ends of a range ("to", "bis", "до", "à", "~") and open one
  ("between", "zwischen", "от", "між", "entre"), and verbs of change that make "from 3,000 to
  11,000" two figures rather than a range.
"""

from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import text2num

_I = re.IGNORECASE

# --------------------------------------------------------------------------- English

EN_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
EN_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12}
_EN_NUM = "|".join(sorted([*EN_UNITS, *EN_SCALES], key=len, reverse=True))
_EN_RUN = (
    rf"(?<![\w-])(?:(?:an?|half)[\s-]+)*(?:{_EN_NUM})"
    rf"(?:(?:[\s-]+and)?(?:[\s-]+an?)?(?:[\s-]+half(?:[\s-]+an?)?)?[\s-]+(?:{_EN_NUM}))*"
    rf"(?:\s+and\s+a\s+half)?(?![\w-])"
)

# --------------------------------------------------------------------------- German

_DE_MORPH = (
    "zwanzig|dreißig|dreissig|vierzig|fünfzig|fuenfzig|sechzig|siebzig|achtzig|neunzig|"
    "hundert|tausend|zwölf|zwoelf|sechs|sieben|sech|sieb|zwei|zwo|drei|vier|fünf|fuenf|acht|"
    "neun|zehn|elf|einhalb|anderthalb|eins|ein|und"
)
_DE_SCALE_WORDS = "Millionen|Million|Milliarden|Milliarde|Dutzend|Tausend|Hundert"
_DE_RUN = (
    rf"(?<![\w-])(?:(?:{_DE_MORPH})+)(?:\s+(?:{_DE_SCALE_WORDS}))*"
    r"(?:-(?=\s+(?:bis|oder|und)\b))?(?![\w])"
)
_DE_NOT_ALONE = frozenset({"ein", "eins", "und", "eine"})
_DE_SCALE = {"hundert": 100, "tausend": 1000, "million": 1e6, "millionen": 1e6,
             "milliarde": 1e9, "milliarden": 1e9, "dutzend": 12}  # fmt: skip

# --------------------------------------------------------------------------- French

_FR_NUM = (
    "quatorze|cinquante|soixante|quarante|millions|milliards|million|milliard|treize|quinze|"
    "douze|seize|trente|vingts|vingt|quatre|trois|cents|cent|mille|deux|cinq|sept|huit|neuf|"
    "onze|six|dix|une|un"
)
_FR_RUN = (
    rf"(?<![\w-])(?:{_FR_NUM})(?:(?:[\s-]+et)?[\s-]+(?:{_FR_NUM}))*(?:\s+et\s+demie?)?(?![\w-])"
)
_FR_SCALE = {"cent": 100, "cents": 100, "mille": 1000, "million": 1e6, "millions": 1e6}

# --------------------------------------------------------------------------- Russian, Ukrainian

_CARDINALS = {
    "ru": "два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать "
          "тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать "
          "девятнадцать двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят "
          "девяносто сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот",
    "uk": "два три чотири п'ять шість сім вісім дев'ять десять одинадцять дванадцять "
          "тринадцять чотирнадцять п'ятнадцять шістнадцять сімнадцять вісімнадцять "
          "дев'ятнадцять двадцять тридцять сорок п'ятдесят шістдесят сімдесят вісімдесят "
          "дев'яносто сто двісті триста чотириста п'ятсот шістсот сімсот вісімсот дев'ятсот",
}  # fmt: skip
_CYR_SCALES = {"ru": {"тысяча": 1000, "миллион": 1e6}, "uk": {"тисяча": 1000, "мільйон": 1e6}}
#: Forms pymorphy3 does not give, or gives as another part of speech.
_CYR_EXTRA = {
    "ru": {"один": 1, "одна": 1, "одну": 1, "одного": 1, "одной": 1, "полтора": 1.5,
           "полторы": 1.5, "полутора": 1.5, "тыс": 1000, "двое": 2, "трое": 3, "четверо": 4,
           "пятеро": 5, "шестеро": 6, "семеро": 7, "восьмеро": 8, "девятеро": 9, "десятеро": 10},
    "uk": {"один": 1, "одна": 1, "одну": 1, "одного": 1, "однієї": 1, "півтора": 1.5,
           "півтори": 1.5, "тис": 1000, "двоє": 2, "троє": 3, "четверо": 4, "п'ятеро": 5,
           "шестеро": 6, "семеро": 7, "восьмеро": 8, "дев'ятеро": 9, "десятеро": 10},
}  # fmt: skip
#: Forms left out: words that are more often something else ("семью": a family).
_CYR_SKIP = {"ru": {"семью", "сорока"}, "uk": {"сорока", "сороки"}}
_HALF = {"ru": r"с\s+половиной", "uk": r"з\s+половиною"}


def _ru_lexemes() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The case forms of the Russian cardinals and scale nouns, from pymorphy3 (its NUMR parse)."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer(lang="ru")
    cards = {}
    for word in _CARDINALS["ru"].split():
        parses = [p for p in morph.parse(word) if p.tag.POS == "NUMR"]
        cards[word] = [f.word for p in parses[:1] for f in p.lexeme] or [word]
    scales = {w: [f.word for f in morph.parse(w)[0].lexeme] for w in _CYR_SCALES["ru"]}
    return cards, scales


def _uk_lexemes() -> dict[str, list[str]]:
    """The case forms of the Ukrainian cardinals, by the grammar's declension classes (written
    here: pymorphy3's Ukrainian dictionary is GPL-licensed, the project is MIT)."""
    out = {"два": ["два", "дві", "двох", "двом", "двома"], "три": ["три", "трьох", "трьом", "трьома"],
           "чотири": ["чотири", "чотирьох", "чотирьом", "чотирма"],
           "шість": ["шість", "шести", "шістьох", "шістьом", "шістьма", "шістьома"],
           "сім": ["сім", "семи", "сімох", "сімом", "сьома", "сімома"],
           "вісім": ["вісім", "восьми", "вісьмох", "вісьмом", "вісьма", "вісьмома"],
           "сорок": ["сорок", "сорока"], "дев'яносто": ["дев'яносто", "дев'яноста"],
           "сто": ["сто", "ста"],
           "двісті": ["двісті", "двохсот", "двомстам", "двомастами", "двохстах"],
           "триста": ["триста", "трьохсот", "трьохста", "трьомстам", "трьомастами",
                      "трьохстах"],
           "чотириста": ["чотириста", "чотирьохсот", "чотирьохста", "чотирьомстам",
                         "чотирмастами", "чотирьохстах"]}  # fmt: skip
    for word in _CARDINALS["uk"].split():
        if word in out:
            continue
        if word.endswith("ять") or word.endswith("цять"):  # п'ять, десять, двадцять
            stem = word[:-1]
            out[word] = [word, stem + "и", stem + "ьох", stem + "ьом", stem + "ьма", stem + "ьома"]
        elif word.endswith("десят"):  # п'ятдесят … вісімдесят
            out[word] = [word, word + "и", word + "ьох", word + "ьом", word + "ьма", word + "ьома"]
        elif word.endswith("сот"):  # п'ятсот … дев'ятсот: the unit's genitive + сот
            unit = {"п'ятсот": "п'яти", "шістсот": "шести", "сімсот": "семи",
                    "вісімсот": "восьми", "дев'ятсот": "дев'яти"}[word]  # fmt: skip
            out[word] = [word, unit + "сот", unit + "ста", unit + "стам", unit + "стами",
                         unit + "стах", unit[:-1] + "ьмастами"]  # fmt: skip
    return out


_UK_SCALES = {
    "тисяча": ["тисяча", "тисячі", "тисячу", "тисячею", "тисяче", "тисяч", "тисячам", "тисячами",
               "тисячах"],
    "мільйон": ["мільйон", "мільйона", "мільйону", "мільйоном", "мільйоні", "мільйони",
                "мільйонів", "мільйонам", "мільйонами", "мільйонах"],
}  # fmt: skip


@lru_cache(maxsize=2)
def cyrillic_forms(lang: str) -> dict[str, tuple[float, bool]]:
    """Every inflected form of the cardinals of ``lang`` ("ru" or "uk"): form -> (value, scale).

    Russian: the lexemes pymorphy3 gives for each cardinal (its NUMR parse) and for the scale
    nouns. Ukrainian: the declension classes of :func:`_uk_lexemes`. "ё" is also written "е",
    the apostrophe of Ukrainian in its three spellings.
    """
    out: dict[str, tuple[float, bool]] = {}

    def add(form: str, value: float, scale: bool) -> None:
        for f in {form, form.replace("ё", "е")}:
            for a in ("'", "’", "ʼ"):
                if f not in _CYR_SKIP[lang]:
                    out.setdefault(f.replace("'", a), (value, scale))

    lexemes, scales = (_ru_lexemes() if lang == "ru" else (_uk_lexemes(), _UK_SCALES))
    for i, word in enumerate(_CARDINALS[lang].split()):
        value = i + 2 if i < 18 else (20 + 10 * (i - 18) if i < 26 else 100 * (i - 25))
        for f in lexemes.get(word, [word]):
            add(f, value, False)
    for word, value in _CYR_SCALES[lang].items():
        for f in scales[word]:
            add(f, value, True)
    for word, value in _CYR_EXTRA[lang].items():
        add(word, value, value >= 1000)
    return out


def lower_pattern(pattern: str) -> str:
    r"""``pattern`` for lower-case text: its letters lower-cased, its escapes (``\s``, ``\S``,
    ``\b``) kept."""
    return re.sub(r"\\.|[^\\]+", lambda m: m[0] if m[0][0] == "\\" else m[0].lower(), pattern)


@lru_cache(maxsize=2)
def _cyrillic_run(lang: str) -> re.Pattern:
    forms = sorted(cyrillic_forms(lang), key=len, reverse=True)
    alt = "|".join(re.escape(f) for f in forms)
    return re.compile(
        rf"(?<![\w'’ʼ])(?:{alt})(?:\.(?<=тыс\.)|\.(?<=тис\.))?"
        rf"(?:\s+(?:{_HALF[lang]})(?=\s)|\s+(?:{alt})(?:\.(?<=тыс\.)|\.(?<=тис\.))?)*(?![\w'’ʼ])",
    )


# --------------------------------------------------------------------------- multipliers

#: Words that multiply digits written before them ("12K", "1,5 Tausend", "1,1 тыс.").
MULTIPLIERS = {
    "en": {r"(?-i:[Kk])": 1000, r"thousand": 1000, r"hundred": 100, r"million": 1e6,
           r"(?-i:m)(?=\s)": 1e6},
    "de": {r"Tausend": 1000, r"Tsd\.?": 1000, r"Hundert": 100, r"Millionen": 1e6,
           r"Million": 1e6, r"Mio\.?": 1e6, r"(?-i:[Kk])": 1000},
    "fr": {r"mille": 1000, r"milliers?": 1000, r"millions?": 1e6, r"(?-i:[Kk])": 1000},
    "ru": {r"тыс\.?": 1000, r"тысяч[аиуей]?": 1000, r"тысячами": 1000, r"млн\.?": 1e6,
           r"миллион(?:а|ов)?": 1e6, r"(?-i:[Kk])": 1000},
    "uk": {r"тис\.?": 1000, r"тисяч[аіуею]?": 1000, r"тисячами": 1000, r"млн\.?": 1e6,
           r"мільйон(?:а|ів)?": 1e6, r"(?-i:[Kk])": 1000},
    "ko": {},
}  # fmt: skip

# --------------------------------------------------------------------------- vague quantities

H, T, D, TT, HT = (200, 900), (2000, 9000), (20, 90), (20_000, 90_000), (200_000, 900_000)
#: Vague quantities, per language: (pattern, low, high). Tried in order, first match wins.
VAGUE = {
    "en": [
        (r"hundreds\s+of\s+thousands", *HT),
        (r"tens\s+of\s+thousands", *TT),
        (r"a\s+couple(?:\s+of)?\s+thousand", 2000, 2000),
        (r"a\s+couple(?:\s+of)?\s+hundred", 200, 200),
        (r"(?:several|a\s+few|some)\s+thousands?", *T),
        (r"(?:several|a\s+few|some)\s+hundreds?", *H),
        (r"(?:several|a\s+few|some)\s+dozens?", *D),
        (r"thousands", *T), (r"hundreds", *H), (r"dozens", *D),
    ],
    "de": [
        (r"hunderttausende[n]?", *HT),
        (r"zehntausende[n]?", *TT),
        (r"ein\s+paar\s+tausend", 2000, 2000),
        (r"ein\s+paar\s+hundert", 200, 200),
        (r"(?:mehrere[n]?|einige[n]?|wenige[n]?)\s+tausend", *T),
        (r"(?:mehrere[n]?|einige[n]?|wenige[n]?)\s+hundert", *H),
        (r"(?:mehrere[n]?|einige[n]?)\s+dutzend", *D),
        (r"tausende[nr]?", *T), (r"hunderte[n]?", *H), (r"dutzende[n]?", *D),
    ],
    "fr": [
        (r"(?:des|plusieurs|quelques)\s+centaines\s+de\s+milliers", *HT),
        (r"(?:des|plusieurs|quelques)\s+dizaines\s+de\s+milliers", *TT),
        (r"(?:des|plusieurs|quelques)\s+milliers", *T),
        (r"(?:des|plusieurs|quelques)\s+centaines", *H),
        (r"(?:des|plusieurs|quelques)\s+dizaines", *D),
        (r"une\s+dizaine\s+de\s+milliers", 10_000, 10_000),
        (r"une\s+quinzaine\s+de\s+milliers", 15_000, 15_000),
        (r"une\s+vingtaine\s+de\s+milliers", 20_000, 20_000),
        (r"un\s+millier", 1000, 1000), (r"(?:le|du)\s+millier", 1000, 1000),
        (r"une\s+centaine", 100, 100), (r"une\s+quinzaine", 15, 15),
        (r"une\s+dizaine", 10, 10), (r"une\s+vingtaine", 20, 20),
        (r"une\s+trentaine", 30, 30), (r"une\s+quarantaine", 40, 40),
        (r"une\s+cinquantaine", 50, 50), (r"une\s+soixantaine", 60, 60),
        (r"une\s+douzaine", 12, 12), (r"deux\s+milliers", 2000, 2000),
        (r"quelques\s+milliers", *T),
    ],
    "ru": [
        (r"сотни\s+тысяч|сотен\s+тысяч|сотнями\s+тысяч", *HT),
        (r"десятки\s+тысяч|десятков\s+тысяч|десятками\s+тысяч", *TT),
        (r"(?:несколько|нескольких|пара|пару)\s+тысяч", *T),
        (r"(?:несколько|нескольких)\s+сот(?:ен)?|несколько\s+сотен|нескольких\s+сотен", *H),
        (r"(?:несколько|нескольких)\s+десятков", *D),
        (r"тысячи|тысячами|тысяч(?=\s+(?:человек|военн|солдат|бойц|северокоре))", *T),
        (r"сотни|сотнями|сотен", *H), (r"десятки|десятков|десятками", *D),
    ],
    "uk": [
        (r"сотні\s+тисяч|сотень\s+тисяч|сотнями\s+тисяч", *HT),
        (r"десятки\s+тисяч|десятків\s+тисяч|десятками\s+тисяч", *TT),
        (r"(?:кілька|декілька|кількох|декількох|пару|пара)\s+тисяч", *T),
        (r"(?:кілька|декілька|кількох|декількох)\s+сотень|кількасот", *H),
        (r"(?:кілька|декілька|кількох|декількох)\s+десятків", *D),
        (r"тисячі|тисячами|тисяч(?=\s+(?:осіб|людей|військов|солдат|бійц|вояк|північнокоре))",
         *T),
        (r"сотні|сотнями|сотень", *H), (r"десятки|десятків|десятками", *D),
    ],
    "ko": [
        (r"수십만", *HT), (r"수만(?!\s?[발개대원])", *TT), (r"수천(?!만|억)", *T),
        (r"수백(?!만|억)", *H), (r"수십(?!만|억)", *D),
    ],
}

#: Number words with a fixed value that the grammars do not read (exact, not vague).
FIXED = {
    "en": [(r"half\s+a\s+dozen", 6)],
    "de": [(r"(?:eine\s+)?halbe\s+Million", 500_000), (r"ein\s+halbes\s+Dutzend", 6)],
    "fr": [(r"(?:un\s+)?demi-million", 500_000)],
    "ru": [(r"полмиллиона", 500_000), (r"полтысячи", 500), (r"сотню|сотня", 100)],
    "uk": [(r"пів\s?мільйона", 500_000), (r"пів\s?тисячі", 500), (r"сотню|сотня", 100)],
    "ko": [],
}

#: Qualifier words right before a bare "тысячи"/"тисячі" that make it one thousand (genitive
#: singular: "около тысячи" is about 1,000, "тысячи солдат" is thousands).
ONE_THOUSAND_AFTER = {
    "ru": r"(?:около|более|свыше|почти|менее|меньше|больше|порядка|до|от|не\s+менее|не\s+более"
          r"|как\s+минимум|минимум|максимум)\s+$",
    "uk": r"(?:близько|понад|більше|майже|менше|до|від|не\s+менше|не\s+більше|приблизно"
          r"|щонайменше|принаймні|мінімум|максимум|щонайбільше|по)\s+$",  # "по тисячі": 1,000 each
}

# --------------------------------------------------------------------------- ranges

#: Between the two ends of a range (after the first end).
RANGE_GAP = {
    "en": r"\s*(?:-|–|—|to|or)\s*",
    "de": r"\s*(?:-|–|—|bis|oder)\s*",
    "fr": r"\s*(?:-|–|—|à|a|ou)\s*",
    "ru": r"\s*(?:-|–|—|до|или)\s*",
    "uk": r"\s*(?:-|–|—|до|або|чи)\s*",
    "ko": r"\s*(?:(?:여\s*)?명\s*)?(?:~|∼|-|–|—|에서|내지)\s*",
}
#: Before the first end of a range whose ends are joined by "and" ("between 10 and 12").
RANGE_OPEN = {
    "en": (r"between\s+$", r"\s+and\s+"),
    "de": (r"zwischen\s+$", r"\s+und\s+"),
    "fr": (r"entre\s+$", r"\s+et\s+"),
    "ru": (r"(?:между|от)\s+$", r"\s+(?:и|до)\s+"),
    "uk": (r"(?:між|від)\s+$", r"\s+(?:і|й|та|до)\s+"),
    "ko": (r"(?!)", r"(?!)"),
}
#: Verbs of change: "rose from 3,000 to 11,000" gives two figures, not a range.
CHANGE = {
    "en": r"(?:rose|risen|grew|grown|increased|climbed|jumped|fell|dropped|declined|up|down"
          r"|raised|revised|lifted|lowered|corrected|cut)"
          r"\s+(?:[\w'’]+\s+){0,6}from\s+(?:[^\W\d]+\s+){0,2}$",  # "from (about) 200"
    "de": r"(?:(?:stieg|gestiegen|wuchs|gewachsen|sank|gesunken|erhöht|verringert|hob|hoben|angehoben"
          r"|korrigiert|senkte|gesenkt)\w*\s+(?:\w+\s+){0,3}von\s+"
          r"|(?<![\w])von\s+(?:zuvor|bisher|ursprünglich|anfangs)\s+)$",  # "von zuvor 3.800 auf 5.000"
    "fr": r"(?:passé|passant|augmenté|grimpé|baissé|chuté|relevé|revu|révisé|corrigé)\w*\s+"
          r"(?:[\w'’]+\s+){0,5}?(?:de\s+|d['’])(?:[^\W\d]+\s+){0,2}$",
    "ru": r"(?:вырос\w*|увеличил\w*|сократил\w*|снизил\w*|поднял\w*|повысил\w*|понизил\w*"
          r"|пересмотрел\w*)\s+(?:[\w.]+\s+){0,6}(?:с|на)\s+$",
    "uk": r"(?:зрос\w*|збільшил\w*|скоротил\w*|знизил\w*|підня\w*|підвищил\w*|понизил\w*"
          r"|переглянул\w*|переглянув)\s+(?:[\w.']+\s+){0,6}(?:з|на)\s+$",
    "ko": r"(?:기존|종전)\s+$",
}  # fmt: skip
#: Between the two figures of a change, where the range words do not cover it ("von 300 auf 600";
#: in Korean words may stand between them).
CHANGE_TO = {"de": r"\s*(?:bis\s+)?auf\s*",
             "uk": r"\s*[—–-]?\s*до\s+(?:близько|понад|майже|приблизно)?\s*",  # "на 800 — до 2 тис."
             "ru": r"\s*[—–-]?\s*до\s+(?:около|более|почти|примерно)?\s*",
             "ko": r"\s*(?:(?:여\s*)?명\s*)?(?:가량|정도|쯤|안팎|내외)?\s*에서\s+(?:\S+\s+){1,3}"}  # "2천 명에서 3주 만에 2천600명으로"
#: A verb of change standing between the two figures, with at most two words of the first
#: figure's noun before it ("le chiffre de 300 morts, porté à 600", "2,000, later raised to 3,000").
CHANGE_BETWEEN = {
    "en": r",?\s*(?:[^\W\d]+,?\s+){0,2}?(?:later\s+|since\s+|then\s+|now\s+)?(?:raised|revised\s+(?:up|down)"
          r"|increased|lifted|lowered|cut)\s+to\s+(?:about\s+|around\s+|some\s+)?",
    "fr": r",?\s*(?:[^\W\d]+,?\s+){0,2}?(?:puis\s+|depuis\s+|ensuite\s+)?(?:porté|relevé|ramené|abaissé"
          r"|revu\s+à\s+la\s+(?:hausse|baisse))e?s?\s+à\s+(?:environ\s+|quelque\s+)?",
    "ru": r",?\s*(?:[^\W\d]+,?\s+){0,2}?(?:затем\s+|позже\s+|потом\s+)?(?:повышен|увеличен|пересмотрен"
          r"|снижен)\w*\s+до\s+(?:около\s+|примерно\s+)?",
    "uk": r",?\s*(?:[^\W\d]+,?\s+){0,2}?(?:згодом\s+|потім\s+|пізніше\s+)?(?:підвищен|збільшен"
          r"|переглянут|знижен)\w*\s+до\s+(?:близько\s+|приблизно\s+)?",
}
#: An arrow between two figures makes a change in any language ("2천→2천600명").
CHANGE_ARROW = r"\s*(?:명\s*)?[→⇒➝]\s*"
#: Verbs of change after the second figure: "1천100명에서 3천 명으로 늘었다" (Korean puts them last).
CHANGE_AFTER = {
    "ko": r"\s*(?:여\s*)?명?\s*(?:가량|정도|쯤|안팎|내외)?\s*(?:으로|로)\s*(?:\S+\s+)?(?:늘|증가|줄|감소|확대|축소|불어|급증|상향|하향"
          r"|많아|적어|치솟|올렸|올려|고쳐|수정|낮췄|낮춰|조정)",
}
#: A range's ends given by "or" ("two or three thousand") only when both are small words/digits.
OR_WORDS = frozenset({"or", "oder", "ou", "или", "або", "чи"})


# --------------------------------------------------------------------------- grammars


@lru_cache(maxsize=8)
def word_run_pattern(lang: str) -> re.Pattern | None:
    """The pattern of a run of number words in ``lang`` (None for Korean), for lower-case text
    (:func:`kursk.text.fold`)."""
    if lang in ("ru", "uk"):
        return _cyrillic_run(lang)
    runs = {"en": _EN_RUN, "de": _DE_RUN, "fr": _FR_RUN}
    return re.compile(lower_pattern(runs[lang])) if lang in runs else None


_SPLIT = {
    # "and" joins English number words only after a scale word ("one hundred and twenty"), so
    # "between ten and twelve thousand" is two numbers
    "en": re.compile(r"(?<!hundred)(?<!thousand)(?<!million)(?<!\s)\s+and\s+(?!a\s+half)", _I),
    # "et" joins French ones only in "vingt et un" ... and "et demi"
    "fr": re.compile(r"(?<!vingt)(?<!trente)(?<!quarante)(?<!cinquante)(?<!soixante)"
                     r"(?<!\s)\s+et\s+(?!demie?\b)", _I),
}


def split_run(run: str, lang: str) -> list[tuple[int, int]]:
    """Spans (in ``run``) of the numbers a run of number words holds: one, or two where "and"
    or "et" joins numbers rather than the parts of one."""
    pattern = _SPLIT.get(lang)
    if pattern is None:
        return [(0, len(run))]
    spans, a = [], 0
    for m in pattern.finditer(run):
        spans.append((a, m.start()))
        a = m.end()
    spans.append((a, len(run)))
    return spans


def word_value(run: str, lang: str) -> tuple[float, float] | None:
    """(value, multiplier of its last scale word) of a run of number words, or None.

    The multiplier is 1 when the run does not end in a scale word; "zwölftausend" gives
    (12000, 1000), which lets "zehn- bis zwölftausend" read as 10,000 to 12,000.
    """
    words = " ".join(run.lower().split())
    try:
        if lang == "en":
            return _en_value(words)
        if lang == "de":
            return _de_value(words, run)
        if lang == "fr":
            return _fr_value(words)
        if lang in ("ru", "uk"):
            return _cyr_value(words, lang)
    except (ValueError, KeyError, ZeroDivisionError):
        return None
    return None


def _last_scale(words: list[str], scales: dict[str, float]) -> float:
    return scales.get(words[-1], 1.0) if words else 1.0


def _en_value(words: str) -> tuple[float, float] | None:
    tokens = words.replace("-", " ").split()
    while tokens and tokens[-1] in ("a", "an", "and"):
        tokens.pop()
    numerals = [t for t in tokens if t in EN_UNITS or t in EN_SCALES]
    if not numerals:
        return None
    mult = _last_scale(tokens, EN_SCALES) if tokens[-1] != "dozen" else 1.0
    plain = all(t in EN_UNITS or t in EN_SCALES or t == "and" for t in tokens)
    if plain and "dozen" not in tokens:
        try:
            return float(text2num(" ".join(tokens), "en")), mult
        except ValueError:
            pass
    return _sum_tokens(tokens, lambda t: _en_token(t)), mult


def _en_token(t: str) -> tuple[float, bool] | None:
    if t in EN_UNITS:
        return EN_UNITS[t], False
    if t in EN_SCALES:
        return EN_SCALES[t], True
    if t == "half":
        return 0.5, False
    return None  # "a", "an", "and": no value


def _sum_tokens(tokens: list[str], value_of) -> float:
    """The value of number words in order: units add up, "hundred" and "dozen" multiply the
    current group, "thousand"/"million" close it; a half adds 0.5 to the group (or is 0.5)."""
    total, cur = 0.0, 0.0
    for t in tokens:
        v = value_of(t)
        if v is None:
            continue
        value, scale = v
        if not scale:
            cur += value
        elif value < 1000:
            cur = (cur or 1) * value
        else:
            total += (cur or 1) * value
            cur = 0.0
    return total + cur


def _de_value(words: str, run: str) -> tuple[float, float] | None:
    parts = words.rstrip("-").split()
    if len(parts) == 1 and parts[0] in _DE_NOT_ALONE:
        return None
    if len(parts) == 1 and parts[0] in ("tausend", "hundert") and run[:1].isupper():
        return None  # "Claudia Tausend": a surname, or a noun needing a number before it
    head, scales = parts[0], parts[1:]
    for a, b in (("fuenf", "fünf"), ("zwoelf", "zwölf"), ("dreissig", "dreißig"), ("zwo", "zwei")):
        head = head.replace(a, b)
    value = _de_compound(head)
    if value is None:
        return None
    for s in scales:
        value *= _DE_SCALE[s]
    mult = _DE_SCALE.get(scales[-1], 1.0) if scales else _de_tail(head)
    if scales and scales[-1] == "dutzend":
        mult = 1.0
    return value, mult


def _de_compound(word: str) -> float | None:
    """The value of one German number word, "einhalb" and "anderthalb" included."""
    for half, base in (("anderthalb", 1.5), ("einhalb", 0.5)):
        if half in word:
            left, right = word.split(half, 1)
            lv = (_de_plain(left) if left else 0.0) + base
            return lv * (_de_plain(right) if right else 1.0)
    return _de_plain(word)


def _de_plain(word: str) -> float:
    if word in ("ein", "eins"):
        return 1.0
    return float(text2num(word, "de"))


def _de_tail(word: str) -> float:
    for tail, m in (("tausend", 1000.0), ("hundert", 100.0)):
        if word.endswith(tail):
            return m
    return 1.0


def _fr_value(words: str) -> tuple[float, float] | None:
    tokens = words.replace("-", " ").split()
    if tokens in (["un"], ["une"]):
        return None
    half = tokens[-2:] in (["et", "demi"], ["et", "demie"])
    if half:
        tokens = tokens[:-2]
    mult = _last_scale(tokens, _FR_SCALE)
    value = float(text2num(" ".join(tokens), "fr"))
    if half:
        value += 0.5 * (mult if mult > 1 else 1)
    return value, mult


def _cyr_value(words: str, lang: str) -> tuple[float, float] | None:
    forms = cyrillic_forms(lang)
    tokens = [t.rstrip(".") for t in words.split()]
    half = {"ru": ("с", "половиной"), "uk": ("з", "половиною")}[lang]

    def value_of(t: str) -> tuple[float, bool] | None:
        if t == half[1]:
            return 0.5, False
        return forms.get(t)

    values = [value_of(t) for t in tokens if t != half[0]]
    if not any(values):
        return None
    last = values[-1]
    mult = last[0] if last and last[1] else 1.0
    return _sum_tokens([t for t in tokens if t != half[0]], value_of), mult


# --------------------------------------------------------------------------- Korean

#: A number in Korean notation: digits and the units 만, 천, 백 ("1만1000", "1만 1천", "1.5만",
#: "만2천" with 만 standing for 1만).
KO_NUMBER = re.compile(
    r"(?<![\d.,])(?:(?:\d+(?:[.,]\d+)*\s?|(?<![\w])(?=만\s?\d+\s?[천백]))(?:만|천|백)(?:\s?\d+(?:,\d{3})*\s?(?:천|백)?)*"
    r"(?:\s?\d+(?:,\d{3})*)?)(?=\s?(?:여|명|이상|가량|정도|쯤|안팎|내외|~|∼|에서|\s|[^\w]|$))"
)
#: A unit word standing alone for its number: "만 명" (ten thousand people), "만∼만2천 명".
KO_BARE = re.compile(r"(?<![\w\d])(?:만|천)(?=\s?(?:여\s?)?명|\s?[~∼]\s?(?:만|\d))")
_KO_UNIT = {"만": 10_000, "천": 1000, "백": 100}
_KO_PART = re.compile(r"(\d+(?:[.,]\d+)*)?\s?(만|천|백)?")


def ko_value(number: str) -> tuple[float, float] | None:
    """(value, multiplier) of a number in Korean notation ("1만1000" -> 11000)."""
    total, small, mult = 0.0, 0.0, 1.0
    for m in _KO_PART.finditer(number.replace(" ", "")):
        digits, unit = m.group(1), m.group(2)
        if not digits and not unit:
            continue
        n = _ko_digits(digits) if digits else 1.0
        if unit == "만":
            total += (small + (n if digits else (0 if small else 1))) * 10_000
            small, mult = 0.0, 10_000
        elif unit:
            small += n * _KO_UNIT[unit]
            mult = _KO_UNIT[unit]
        else:
            small += n
            mult = 1.0
    return total + small, mult


def _ko_digits(d: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", d):
        return float(d.replace(",", ""))
    return float(d.replace(",", "."))


#: Korean native numbers before the counter 명 ("세 명", "열네 명", "마흔 명 남짓", "두세 명") and
#: Sino-Korean pairs for a range ("이삼천 명": 2,000 to 3,000; "칠팔백": 700 to 800).
_KO_TENS = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60,
            "일흔": 70, "여든": 80, "아흔": 90}
_KO_ONES = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8,
            "아홉": 9}
_KO_PAIRS = {"두세": (2, 3), "서너": (3, 4), "너덧": (4, 5), "네다섯": (4, 5), "대여섯": (5, 6)}
_KO_SINO = {"이삼": (2, 3), "삼사": (3, 4), "사오": (4, 5), "오륙": (5, 6), "육칠": (6, 7),
            "칠팔": (7, 8), "팔구": (8, 9)}
KO_NATIVE = re.compile(
    rf"(?<![\uAC00-\uD7A3])(?:(?P<pair>{'|'.join(_KO_PAIRS)})|(?P<tens>{'|'.join(_KO_TENS)})?"
    rf"\s?(?P<ones>{'|'.join(sorted(_KO_ONES, key=len, reverse=True))})?)(?=\s?(?:여\s?)?명)"
    rf"|(?<![\uAC00-\uD7A3])(?P<sino>{'|'.join(_KO_SINO)})(?P<unit>만|천|백)(?=\s?(?:여\s?)?명|\s)"
)


#: Sino-Korean number words before 명 ("이천오백 명", "삼백 명"): digits and the units 십, 백, 천, 만.
_KO_SINO_DIGITS = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
_D = "[이삼사오육칠팔구]"
KO_SINO_WORDS = re.compile(
    rf"(?<![\uAC00-\uD7A3])(?=[일이삼사오육칠팔구십백천만\s]*[십백천만])"
    rf"(?P<man>{_D}?만)?\s?(?P<cheon>{_D}?천)?(?P<baek>{_D}?백)?(?P<sip>{_D}?십)?"
    rf"(?P<il>[일이삼사오육칠팔구])?(?=\s?(?:여\s?)?명)"
)
_KO_SINO_UNITS = {"man": 10_000, "cheon": 1000, "baek": 100, "sip": 10, "il": 1}


def ko_sino(m: re.Match) -> tuple[float, float] | None:
    """(value, value) of a :data:`KO_SINO_WORDS` match ("이천오백" -> 2500), None for an empty one."""
    total = 0
    for unit, size in _KO_SINO_UNITS.items():
        part = m.group(unit) or ""
        if part:  # "이천": 2 x 1000; "천": 1000; "오" (ones): 5
            total += _KO_SINO_DIGITS.get(part[0] if unit == "il" or len(part) > 1 else "", 1) * size
    return (float(total), float(total)) if total else None


def ko_native(m: re.Match) -> tuple[float, float] | None:
    """(low, high) of a :data:`KO_NATIVE` match, None for an empty one."""
    if m.group("sino"):
        lo, hi = _KO_SINO[m.group("sino")]
        unit = _KO_UNIT[m.group("unit")]
        return lo * unit, hi * unit
    if m.group("pair"):
        return _KO_PAIRS[m.group("pair")]
    if not (m.group("tens") or m.group("ones")):
        return None
    n = _KO_TENS.get(m.group("tens") or "", 0) + _KO_ONES.get(m.group("ones") or "", 0)
    return n, n

