"""English cue words (see :mod:`kursk.claims.lexicon` for what each key means)."""

_TROOPS = (
    r"soldiers?|troops?|servicemen|service\s?members?|personnel|fighters?|men|people|members"
    r"|commandos?|special\s+forces|special\s+operations\s+(?:forces|troops)|forces|recruits"
    r"|engineers|sappers|deminers|builders|crews?|infantry(?:men)?|gunners|snipers"
    r"|(?:drone\s+)?operators|drone\s+pilots|specialists|contingent|corps|expeditionary\s+force"
    r"|north\s+koreans|koreans|artillerymen|paratroopers|marines|scouts"
    r"|military\s+(?:workers|personnel|builders|engineers)|reinforcements|pows?|prisoners"
    r"|captives|casualties|dead|deaths|wounded|injured|killed|captured|fatalities|officers|generals"
)

_MONTHS = r"january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?"

TABLES = {
    "nk": [
        r"north[\s-]korea(?:n|ns|'s|’s)?", r"dprk", r"kpa", r"pyongyang(?:'s|’s)?",
        r"kim\s+jong[\s-]un(?:'s|’s)?", r"the\s+north(?=\s+(?:has|had|is|was|sent|deployed))",
        r"from\s+the\s+north",
    ],
    "months": [_MONTHS],
    "in_month": [r"in\s+(?:" + _MONTHS + ")"],
    "in_week": [r"in\s+the\s+(?:first|second|third|fourth|fifth)(?:\s+week)?(?!\s+(?:half|quarter|day|month|year|round|wave|contingent|batch))"],
    "rate": [r"(?:a|per|each|every)\s+(?:day|week|month|night)"],
    "troop": [_TROOPS],
    "not_people": [
        r"ships?|containers?|brigades?|battalions?|divisions?|regiments?|units|tanks?"
        r"|missiles?|rockets?|shells?|rounds?|munitions|guns?|howitzers?|launchers?|drones?"
        r"|vehicles?|tonnes?|tons?|aircraft|planes?|jets?|articles?|percent|per\s+cent|%"
        r"|dollars?|euros?|won|roubles?|rubles?|kilomet(?:re|er)s?|km²|m²|km|miles?|met(?:re|er)s?"
        r"|years?|-?years?-old|months?|weeks?|days?|hours?|minutes?|seconds?|times|villages?"
        r"|settlements?|towns?|square|sq|kg|pages?|sorties|flights|trains?|trucks?|calls?"
        r"|ceremonies|workers|households|homes|families|apartments"
        r"|analysts|civilians|labou?rers|refugees|residents|russian\s+soldiers"
        r"|officials|diplomats|lawmakers|journalists|reporters|experts",
        r"billion|bn|trillion",
    ],
    "ordinal": [r"st|nd|rd|th"],  # right after digits: an ordinal ("11th Corps"), never a figure
    "civilians": [],  # (Korean only: the noun before a figure)
    "not_people_before": [r"[$€£₩]", r"us\$", r"aged", r"no\.", r"number", r"page", r"age\s+of"],
    "foreign": [
        r"russian", r"ukrainian", r"moscow(?:'s|’s)",
        r"kyiv(?:'s|’s)", r"russia(?:'s|’s)", r"ukraine(?:'s|’s)",
        r"south\s+korean", r"chechen", r"american", r"(?-i:US|U\.S\.)", r"enemy",
    ],
    "own": [r"(?:its|their)\s+own", r"of\s+its\s+own", r"of\s+its", r"its", r"their"],
    "other_side": [
        r"the\s+enemy",
        r"russia(?:'s|’s)?", r"ukraine(?:'s|’s)?", r"moscow(?:'s|’s)?", r"kyiv(?:'s|’s)?",
        r"kiev", r"the\s+kremlin", r"(?:russian|ukrainian)\s+(?:forces|troops|army|military"
        r"|side|soldiers|units?|commanders?|paratroopers|marines|servicemen|brigades?"
        r"|battalions?|infantry|troopers)",
    ],
    "locative": [r"in|into|inside|near"],
    "place_prep": [r"in|into|to|inside|from|across|against|with|for|of|near|towards?|about"
                   r"|on\s+the\s+side\s+of|alongside|behind"],
    "function_after": [
        r"were|was|are|is|have|has|had|will|would|could|may|might|in|into|to|at|from|by|on"
        r"|near|since|so\s+far|more|already|now|and|or|who|which|that|as|during|between|across"
        r"|inside|along|for|last|this|so|or\s+more|plus|in\s+total|altogether|each|of\s+them"
        r"|if|unless|when|by|within|over|next|still|initially|now|alone|so\s+far"
        r"|sent|deployed|dispatched|stationed|killed|wounded|captured|remain|remaining|arrived"
        r"|of\s+whom|among\s+them|according",
    ],
    "metric": {
        # killed and wounded (or captured) together; auxiliaries may stand between the
        # conjunction and the second word ("killed or were wounded")
        "casualties_phrase": [
            r"(?:killed|dead|died|slain)(?:\s*,\s*(?:wounded|injured|captured))?\s*,?\s+"
            r"(?:or|and)\s+(?:(?:were|was|have|has|had|been|are|is|got|later|badly|seriously"
            r"|severely|critically|lightly)\s+){0,2}(?:wounded|injured|captured|missing)",
            r"(?:wounded|injured|captured)(?:\s*,\s*(?:killed|dead))?\s*,?\s+(?:or|and)\s+"
            r"(?:(?:were|was|have|has|had|been|are|is|got|later)\s+){0,2}(?:killed|dead|died)",
        ],
        "captured": [
            r"captured", r"taken\s+(?:as\s+)?prisoners?", r"prisoners?(?:\s+of\s+war)?",
            r"pows?", r"captives?", r"surrendered", r"in\s+captivity", r"captur\w*",
            r"g(?:ave|ive|iving|iven)\s+themselves\s+up",
            r"(?:being\s+)?held\s+(?:in\s+(?:kyiv|ukraine)|by\s+(?:ukraine|kyiv))", r"in\s+ukrainian\s+(?:hands|custody)",
            r"(?:take[ns]?|took|taking)\s+(?:[\w-]+\s+){0,6}?prisoners?",
            r"in\s+(?:ukrainian\s+)?custody", r"in\s+ukrainian\s+hands",
            r"(?:took|taken|take[ns]?|taking)\s+(?:[\w-]+\s+){0,5}?alive",
            r"held\s+by\s+(?:ukraine|kyiv|ukrainian\s+(?:forces|troops|army))",
        ],
        "killed": [
            r"(?:did\s+not|didn['’]t|never)\s+(?:return|come\s+back|came\s+back|come\s+home|came\s+home)\s+alive",
            r"irrecoverable\s+losses", r"given\s+their\s+lives", r"killed(?:\s+in\s+action)?", r"dead", r"died", r"deaths?", r"fatalities", r"fell",
            r"perished", r"lost\s+their\s+lives", r"war\s+dead", r"kia", r"slain", r"fallen",
            r"death\s+toll", r"were\s+killed", r"bodies", r"buried", r"gave\s+their\s+lives",
            r"kill(?:s|ing)?", r"die[sd]?", r"dying", r"remains\s+of", r"cremated", r"coffins?",
            r"laid\s+down\s+their\s+lives", r"fatally", r"(?:were|was|proved)\s+fatal",
        ],
        "wounded": [r"sanitary\s+losses", r"wounded", r"injured", r"injuries", r"hospitali[sz]ed", r"wounding",
                    r"injuring", r"hurt", r"treated\s+(?:at|in)\s+(?:\w+\s+){0,3}?hospitals?"],
        "casualties": [r"casualties", r"losses", r"loss", r"out\s+of\s+action"],
        "casualties_weak": [r"lost", r"lose", r"losing", r"costs?"],
        "additional": [
            r"reinforcements?", r"(?:second|third|fourth|fifth|new|latest|next|fresh|additional|further|another)\s+"
            r"(?:\w+\s+)?(?:batch|contingent|wave|group|rotation|deployment|round|brigades?)",
            r"(?:a|the)\s+rotation\s+of",
            r"rotated\s+in", r"again", r"re-?deployed", r"sent\s+back", r"additionally",
            r"join\s+(?:their|the)\s+(?:comrades|compatriots)",
        ],
        "total": [r"cumulative\w*"],
        "additional_attached": [r"another", r"additional", r"further", r"more(?!\s+than)",
                                r"fresh", r"extra", r"new", r"replacements?"],
        "later_contingent": [r"(?:military\s+)?builders", r"construction", r"rebuild\w*",
                             r"reconstruction"],
        "engineers": [r"deminers", r"sappers", r"engineers", r"demining", r"mine[\s-]clearing"],
        "replacing": [r"(?:to\s+replace|replac\w+\s+for|make\s+up\s+for)\s+(?:[\w-]+\s+){0,4}?(?:losses|casualties|dead|killed|wounded|fallen)",
                      r"if\s+(?:its\s+|their\s+)?losses",
                      r"(?:fill|plug|close)\s+(?:the\s+)?(?:gaps|holes)"],
        "died": [r"died", r"succumbed"],
        "russia": [r"in\s+russia", r"to\s+russia"],
        "kursk": [r"kursk(?:'s|’s)?", r"sudzha", r"glushkovo", r"korenevo", r"plekhovo",
                  r"tetkino", r"pogrebki", r"sverdlikovo", r"oleshnya", r"martynovka", r"guevo",
                  r"rylsk"],  # villages of the Kursk border districts
        "returned": [r"went\s+(?:back\s+)?home", r"returned\s+(?:home|to\s+(?:north\s+korea|the\s+north|pyongyang))",
                     r"rotated\s+(?:out|home)", r"withdrawn", r"brought\s+(?:back\s+)?home",
                     r"repatriated", r"pulled\s+out"],  # gone home: no metric counts them
        "versus": [r"versus", r"vs\.?", r"compared\s+(?:with|to)", r"up\s+from", r"down\s+from",
                   r"against",
                   r"rather\s+than", r"instead\s+of"],
        "rest": [r"the\s+(?:remaining|other)(?=\s+(?:[\w.]+\s+)?\d)", r"the\s+rest,"],
        "same_as_before": [r"(?:the|this|that|its|their)\s+(?:toll|number|figure|count|tally"
                           r"|estimate)(?!\s+of)", r"puts?\s+it", r"(?:it|this)\s+(?:rose|grew"
                           r"|climbed|reached|stood|has\s+(?:risen|grown|climbed))"],
        "deploy": [
            r"sent|send|sending|deployed|deploy|deploying|dispatched|dispatch|arrived|arrive"
            r"|transferred|moved|stationed|shipped|flown|crossed|based|present|fighting|fight"
            r"|serving|in\s+russia|to\s+russia|deployment|number(?:s|ed)?|total(?:s|led)?"
            r"|reached|training|trained|stood|remain(?:ed|s(?!\s+of))?|massed|stationed"
            r"|put\s+the\s+number|put\s+at|estimated\s+at|strong",
        ],
    },
    "region": [r"(?:the|that)\s+region", r"the\s+area",
               r"there(?!\s+(?:are|is|were|was|have|has|had|will|would|could|may|might|remain))"],
    "intelligence": ['intelligence', 'spy\\s+agency'],
    "self_cited": [r"sources", r"estimates", r"figures", r"data"],
    "fraction": [r"half", r"a\s+third", r"two\s+thirds", r"a\s+quarter", r"most", r"majority",
                 r"percent", r"\d+\s*%"],
    "subgroup": [
        r"of\s+them", r"of\s+whom", r"among\s+them", r"including", r"among\s+whom",
        r"of\s+those", r"of\s+these", r"out\s+of\s+them",
    ],
    "partitive": [r"of\s+the", r"out\s+of\s+(?:the\s+)?", r"of\s+an?\s+(?:estimated\s+)?",
                  r"among\s+the", r"from\s+the"],
    "qualifier_before": {
        "up_to": [r"up\s+to", r"as\s+many\s+as", r"nearly", r"almost", r"close\s+to",
                  r"approaching", r"no\s+more\s+than", r"not\s+more\s+than", r"fewer\s+than",
                  r"less\s+than", r"under", r"just\s+under", r"grow\s+to", r"at\s+most",
                  r"a\s+maximum\s+of", r"rise\s+to", r"reach", r"near", r"nearing"],
        "about": [r"about", r"around", r"some", r"roughly", r"approximately", r"an\s+estimated",
                  r"circa", r"ca\.", r"approx\.", r"an\s+approximate",
                  r"in\s+the\s+region\s+of", r"on\s+the\s+order\s+of", r"put\s+at\s+about"],
        "more_than": [r"more\s+than", r"over", r"greater\s+than", r"exceeding", r"exceeds?",
                      r"exceeded", r"in\s+excess\s+of", r"well\s+over", r"just\s+over",
                      r"above", r"surpassing", r"topping", r"top", r"tops"],
        "at_least": [r"at\s+least", r"no\s+fewer\s+than", r"no\s+less\s+than",
                     r"not\s+less\s+than", r"upwards\s+of", r"upward\s+of",
                     r"a\s+minimum\s+of", r"not\s+fewer\s+than"],
    },
    "qualifier_after": {
        "at_least": [r"or\s+more", r"and\s+more", r"-?plus", r"\+", r"at\s+least"],
        "about": [r"or\s+so"],
    },
    "hedge": [
        r"believes?", r"believed", r"likely", r"probably", r"possibly", r"estimat\w*",
        r"reportedly", r"allegedly", r"apparently", r"could", r"(?-i:may)", r"might",
        r"expected", r"expects?", r"plans?\s+to", r"planning\s+to", r"prepar(?:es?|ing)", r"thought\s+to", r"suspected", r"presumably",
        r"is\s+said\s+to", r"are\s+said\s+to", r"were\s+said\s+to", r"assessed", r"assesses",
        r"unconfirmed", r"unverified",
    ],
    "forecast": [
        r"(?:promised|pledged|agreed|undertaken|committed)\s+to\s+(?:send|supply|provide|deploy|dispatch)",
        r"readying", r"decided\s+to\s+(?:send|deploy|dispatch)", r"on\s+(?:the|their)\s+way", r"expects?\s+(?:\w+\s+){0,3}to\s+have", r"will\s+arrive", r"arriving\s+soon",
        r"(?:could|may|might|would|will|shall)\s+(?:\w+\s+){0,2}?(?:be\s+)?(?:sent|deployed"
        r"|dispatched|transferred|grow|rise|reach|exceed|increase|climb|arrive|go|send|deploy"
        r"|dispatch|follow|join|joined|top|number|total|swell|double|leave|add|bring)",
        r"(?<![\w])to\s+(?:double|triple|grow|rise|climb|swell)\s+to", r"preparing\b(?=[^.;]{0,80}\bfor\s+deployment)",
        r"expected", r"(?:scheduled|due|poised|set|slated|likely)\s+to",
        r"(?:plans?|planned|planning|prepares|preparing|intends?|intending|aims?|aiming|ready)"
        r"\s+to\s+(?:send|deploy|dispatch|transfer|add|raise|increase|expand|boost|bring)",
        r"(?:could|may|might|would|will)\s+have(?=\s+(?:as\s+many\s+as\s+|up\s+to\s+|about\s+|some\s+)?\d)",
        r"will\s+(?:\w+\s+)?be\s+(?:relieved|replaced|rotated|reinforced)",
        r"in\s+the\s+(?:coming|next)\s+(?:days|weeks|months)", r"planned", r"a\s+planned",
        r"prepar(?:es|ing)\s+(?:an?\s+)?(?:\w+\s+)?(?:deployment|dispatch)",
        r"(?<![\w])to\s+(?:dispatch|send|deploy)(?=\s+\d)", r"could\s+follow", r"to\s+follow",
        r"by\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:year|spring|summer|autumn|winter)"
        r"(?<=\w)(?=.*\b(?:could|may|might|would|will)\b)",
    ],
    "period": [
        r"(?:a|the|one)\s+(?:night|dawn|failed|single)\s+(?:attack|assault|raid|strike)", r"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+alone", r"(?:yesterday|today)\s+alone",
        r"(?:a|per|each|every)\s+(?:week|month)(?!\s+(?:ago|earlier|later|before|after))", r"weekly", r"monthly", r"in\s+the\s+(?:\w+|\d+)\s+days\s+(?:to|through|up\s+to)",
        r"this\s+(?:morning|afternoon|evening)", r"(?:so\s+far|earlier)\s+this\s+(?:week|month)", r"since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+(?:week|month)",
        r"in\s+the\s+(?:fighting|battles?|clashes)\s+(?:for|near|around|over)", r"(?:in|over)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:days|weeks)", r"over\s+(?:two|three|four|five|several|\d+)\s+days", r"in\s+(?:two|three|four|five|\d+)\s+days", r"during\s+the\s+(?:month|week|night)", r"in\s+a\s+week",
        r"(?:in|within|over|during)\s+(?:a|one|the|a\s+single|the\s+past|the\s+last"
        r"|the\s+previous)\s+(?:single\s+)?(?:day|week|24\s+hours|48\s+hours|night)",
        r"(?:in|during)\s+(?:a|an|the|one|its)\s+(?:[\w-]+\s+){0,2}?(?:drone\s+)?(?:strike"
        r"|attack|assault|raid|battle|engagement|ambush|offensive\s+operation)",
        r"during\s+the\s+battle\s+for", r"in\s+a\s+single", r"in\s+one\s+day",
        r"per\s+day", r"a\s+day", r"(?-i:daily)", r"in\s+(?:january|february|march|april|may|june"
        r"|july|august|september|october|november|december)\s+alone", r"alone\s+in",
        r"within\s+(?:an|one|a\s+single)\s+(?:hour|day)",
        r"in\s+the\s+(?:final|last|first)\s+(?:days|hours|week)",
        r"a\s+single\s+(?:[\w-]+\s+){0,2}?(?:strike|attack|assault|raid|battle|engagement"
        r"|ambush)", r"(?:a|one|the)\s+(?:[\w-]+\s+){0,2}?(?:drone|missile|artillery|rocket|himars"
        r"|air)\s+strike",
        r"(?:an|the)\s+overnight\s+(?:[\w-]+\s+){0,2}?(?:assault|attack|strike|raid)",
        r"(?:\w+|\d+)\s+days?\s+of\s+(?:fighting|combat|battle|clashes)",
        r"over\s+the\s+(?:following|next|previous)\s+(?:\w+\s+)?(?:days|weeks|hours)",
        r"(?:in|during)\s+(?:their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:strike|attack|assault|raid"
        r"|battle|engagement|ambush)",
    ],
    "dated": [
        r"overnight", r"(?:over|in|during)\s+the\s+same\s+(?:period|span|time|week|month|days)",
        r"between\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+and\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)",
        r"between\s+\d{1,2}\s+and\s+\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)",
        r"between\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}\s+and\s+\d{1,2}",
        r"(?:over|during|at)\s+the\s+weekend",
        r"(?:last|this)\s+weekend",
    ],
    "attr_pre": [
        r"according\s+to", r"in\s+the\s+words\s+of", r"in\s+the\s+(?:view|assessment|estimation)\s+of",
        r"estimates?\s+by", r"data\s+from", r"figures\s+from",
    ],
    "attr_post": [
        r"said", r"says", r"say", r"told", r"tells", r"reported", r"reports", r"report",
        r"estimated", r"estimates", r"estimate", r"believes", r"believe", r"believed",
        r"claimed", r"claims", r"claim", r"warned", r"warns", r"put", r"puts", r"announced",
        r"confirmed", r"stated", r"added", r"wrote", r"noted", r"assessed", r"assesses",
        r"thinks", r"think", r"revealed", r"disclosed", r"briefed", r"informed", r"counted",
        r"counts", r"tallied", r"acknowledged", r"admitted", r"insisted", r"testified",
        r"expects", r"fears", r"warns", r"admits", r"acknowledges", r"suggested", r"suggests",
        r"released", r"published", r"(?:updated|raised|lowered|revised|cut)\s+(?:its|their|his|her)\s+(?:\w+\s+)?(?:count|tally|estimate|toll|figure)",
        r"(?:first|later|then|now|since|also|earlier)\s+(?:put|said|spoke\s+of|estimated|reported)",
        r"(?:has|had)\s+(?:\w+\s+)?(?:said|told|estimated|reported|claimed|spoken\s+of|put)",
        r"spoke\s+of", r"spoken\s+of", r"talked\s+of", r"spoke\s+about", r"mentioned",
    ],
    "attr_origin": [r"citing", r"cited", r"quoting", r"quoted", r"briefing\s+(?:by|from)",
                    r"briefed\s+by", r"relaying", r"based\s+on\s+(?:a\s+)?(?:briefing|report)"],
    "refs": {
        "person": [r"(?:he|she)\s+(?:said|says|told|added|estimated|claimed|noted|wrote|warned)",
                   r"(?:said|told|added)\s+(?:he|she)", r"according\s+to\s+(?:him|her)",
                   r"the\s+(?:minister|president|official|spokesman|spokeswoman|general"
                   r"|commander|chief|lawmaker)\s+(?:said|added|told|estimated|noted)",
                   r"he\s+told", r"she\s+told"],
        "agency": [r"the\s+(?:spy\s+|intelligence\s+|state\s+news\s+|news\s+)?agency",
                   r"the\s+intelligence\s+service", r"the\s+(?:general\s+)?staff",
                   r"the\s+service", r"the\s+directorate", r"the\s+spy\s+service"],
        "ministry": [r"the\s+(?:defen[cs]e\s+)?ministry", r"the\s+department"],
        "any": [r"(?:they|it)\s+(?:said|says|told|added|estimated|claimed|noted|reported)",
                r"according\s+to\s+(?:them|the\s+(?:report|briefing|statement|assessment"
                r"|estimate|agency|ministry|same\s+source))", r"the\s+report\s+said",
                r"the\s+(?:briefing|statement|assessment)", r"per\s+the\s+report"],
    },
    "forward": [r"(?:that|this)\s+(?:is|was)\s+according\s+to", r"that['’]s\s+according\s+to"],
    "unnamed": [r"western\s+(?:officials|intelligence|estimates|sources|governments|diplomats"
                r"|analysts|assessments)", r"(?:officials|sources)\s+in\s+the\s+west", r"allied\s+officials",
                r"(?:russian|north\s+korean|chinese)\s+state\s+(?:media|television|tv)",
                r"(?:people|persons|sources)\s+(?:familiar|close)\s+(?:with|to)\s+the\s+(?:matter|situation|talks|issue|discussions|plans?|intelligence|deployment|findings)",
                r"anonymous\s+sources"],
    "relay": [r"lawmakers?", r"legislators?", r"mps?", r"parliamentar\w+",
              r"intelligence\s+committee", r"closed-door", r"briefing", r"briefed"],
    "offices": [r"(?!)"],
    # "told Reuters", "in an interview with the BBC": the outlet spoken to, not the speaker
    "addressee": [r"told", r"tells", r"telling", r"(?:said|spoke|speaking|talking)\s+to",
                  r"interview\s+(?:with|to)", r"remarks\s+to", r"interviewed\s+by"],
    "comitative": [r"with", r"meeting\s+of"],
    # "well above the 600 the NIS gave", "twice what Seoul says": the name's figure is another one
    "own_view": [r"in\s+(?:his|her)\s+own\s+(?:view|assessment|estimate)", r"speaking\s+for\s+(?:himself|herself)", r"(?:his|her)\s+own\s+(?:view|estimate|assessment|guess)", r"(?:by|from|according\s+to)\s+(?:our|his|her)\s+own\s+(?:count|data|figures|estimates?|information)"],
    "against": [r"against\s+(?:the\s+)?"],
    "relative": [r"that", r"which", r"who"],
    "gap_to": [r"at"],
    "article": [r"the\s+"],
    "cited_by": [r",?\s*(?:quoted|cited)\s+by"],
    "denial": [r"(?:denied|dismissed|rejected|disputed|refuted)",
                r"called\s+(?:\w+\s+){0,5}?(?:a\s+)?(?:fabricat\w*|fiction|fantasy|lies?|false|propaganda|nonsense)"],
    "figures_of": [r"(?:figures?|estimates?|reports?|claims?|numbers?|data|count)\s+(?:by|from|of)\s+(?:the\s+)?"],
    "compared": [r"(?:well\s+|far\s+|much\s+)?(?:above|below)\s+the",
                 r"(?:twice|double|triple|half|three\s+times)\s+(?:the|what)",
                 r"(?:more|fewer|higher|lower)\s+than\s+(?:the|what)"],
    "bare_ministry": [r"(?!)"],
    "contrast": [r"but", r"whereas", r"although", r"though"],
    "running": [r"since", r"so\s+far", r"in\s+(?:all|total)", r"altogether", r"overall", r"bringing", r"taking", r"to\s+date", r"all\s+told"],
    "conj": [r"and", r"but", r"while", r"whereas", r"although", r"though", r"yet",
             r"and\s+that", r"plus", r"as\s+well\s+as"],
    "gov": {
        "ukraine": [r"(?:ukrainian|ukraine's|ukraine’s)\s+(?:senior\s+|military\s+|government\s+)?(?:officials?"
                    r"|government|authorities|sources|side|military|forces|army|commanders?"
                    r"|officers?|spokesm[ae]n|spokeswoman|troops|defen[cs]e\s+sources"
                    r"|drone\s+unit|unit|soldiers|presidential\s+office)",
                    r"(?:ukraine's\s+|ukraine’s\s+)?office\s+of\s+the\s+president(?:\s+of\s+ukraine)?",
                    r"officials\s+in\s+(?:kyiv|kiev)"],
        "south_korea": [r"(?:south\s+korean|south\s+korea's|south\s+korea’s)\s+(?:senior\s+|government\s+)?"
                        r"(?:officials?|government|authorities|sources|side|president"
                        r"|lawmakers?|presidential\s+office)",
                        r"officials\s+in\s+seoul"],
        "us": [r"(?:us|u\.s\.|american)\s+(?:senior\s+)?(?:defen[cs]e\s+)?(?:officials?"
               r"|government|authorities|sources|administration|intelligence)",
               r"a\s+senior\s+(?:us|u\.s\.)\s+(?:defen[cs]e\s+)?official",
               r"officials\s+in\s+washington"],
        "russia": [r"(?:russian|russia's|russia’s)\s+(?:officials?|government|authorities"
                   r"|side|military)"],
        "dprk": [r"(?:north\s+korean|north\s+korea's|north\s+korea’s)\s+(?:officials?"
                 r"|government|authorities|state\s+media|military)"],
        "uk": [r"british\s+(?:officials?|government)"],
    },
    "roles": {
        "volodymyr_zelensky": [r"ukrainian\s+president", r"ukraine(?:'s|’s)\s+president",
                               r"president\s+of\s+ukraine"],
        "vladimir_putin": [r"russian\s+president", r"russia(?:'s|’s)\s+president",
                           r"president\s+of\s+russia"],
        "kim_jong_un": [r"north\s+korean\s+leader", r"north\s+korea(?:'s|’s)\s+leader"],
        "kyrylo_budanov": [r"head\s+of\s+(?:ukraine(?:'s|’s)\s+)?(?:military\s+intelligence|hur|gur)",
                           r"(?:ukraine(?:'s|’s)\s+)?(?:military\s+)?intelligence\s+chief",
                           r"(?:hur|gur)\s+(?:chief|head)"],
        "sergei_shoigu": [r"(?:russia(?:'s|’s)\s+)?security\s+council\s+secretary",
                          r"secretary\s+of\s+(?:russia(?:'s|’s)\s+)?security\s+council"],
    },
}
