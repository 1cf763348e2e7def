"""German cue words (see :mod:`kursk.claims.lexicon` for what each key means)."""

_TROOPS = (
    r"\w*soldat\w*|\w*truppen?|\w*kräfte\w*|\w*kämpfer\w*|\w*pionier\w*|\w*räumer\w*"
    r"|militär\w*arbeiter\w*|soldat\w*|truppen?|mann|männer\w*|kämpfer\w*|militärangehörige\w*|armeeangehörige\w*"
    r"|angehörige\w*|nordkoreaner\w*|spezialkräfte\w*|spezialeinheit\w*|elitesoldaten"
    r"|pionier\w*|kontingent\w*|militärarbeiter\w*|bausoldaten|bauarbeiter\w*|minenräumer\w*"
    r"|militärs|rekruten|personen|menschen|leute|einsatzkräfte\w*|streitkräfte\w*"
    r"|kriegsgefangene\w*|gefangene\w*|tote[n]?|gefallene\w*|verwundete\w*|verletzte\w*"
    r"|verluste\w*|opfer|todesopfer|getötete\w*|infanteristen|scharfschützen|besatzung\w*"
    r"|kräfte|offiziere\w*|generäle\w*|kommandeure\w*|artilleristen|bedienmannschaft\w*"
    r"|drohnenbediener\w*|drohnenpilot\w*"
)

_MONTHS = r"januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|jan\.?|feb\.?|aug\.?|sept?\.?|okt\.?|nov\.?|dez\.?"

TABLES = {
    "nk": [
        r"nord-?korea\w*", r"dvrk", r"kpa", r"pjöngjang\w*", r"pjongjang\w*",
        r"pyongyang\w*", r"kim\s+jong[\s-]un\w*", r"aus\s+dem\s+norden",
    ],
    "months": [_MONTHS],
    "in_month": [r"im\s+(?:" + _MONTHS + ")"],
    "in_week": [r"in\s+der\s+(?:erst|zweit|dritt|viert|fünft)en(?:\s+[\wäöü]*woche)?(?![\w-]|\s+(?:Hälfte|Welle|Runde))"],
    "rate": [r"(?:pro|je|am|jeden)\s+(?:Tag|Woche|Monat|Nacht)", r"täglich", r"wöchentlich", r"monatlich"],
    "troop": [_TROOPS],
    "not_people": [
        r"schiffe\w*|container\w*|brigaden?|bataillon\w*|division\w*|regiment\w*|einheiten"
        r"|panzer\w*|raketen\w*|granaten|geschosse\w*|geschütze\w*|haubitzen|raketenwerfer"
        r"|drohnen|fahrzeuge\w*|tonnen|flugzeuge\w*|artikel|prozent|%|dollar|euro|won|rubel"
        r"|kilomet\w*|km²|m²|km|meter\w*|meilen|jahre\w*|jahr|-?jährig\w*|monate\w*|monat|wochen"
        r"|woche|tage\w*|tag|stunden|stunde|minuten|uhr|schuss|kg|dörfer|orte|siedlungen"
        r"|quadratkilometer\w*|hektar\w*|mal|milliarden|seiten|züge|lastwagen|flüge|einsätze|zivilisten"
        r"|arbeiter\w*|arbeitskräfte|gastarbeiter\w*|-?tägig\w*|-?stündig\w*|-?wöchig\w*"
        r"|-?monatig\w*|haushalte|wohnungen"
        r"|flüchtlinge|einwohner|russische[n]?\s+soldaten|zivile?[nr]?",
    ],
    "ordinal": [r"\.\s+(?:jahrestag\w*|jubiläum\w*|geburtstag\w*|austausch\w*|gefangenenaustausch\w*"
                r"|mal|jahrhundert\w*|\w*korps|\w*brigade|\w*division|\w*regiment\w*)"],  # right after digits: an ordinal ("11th Corps"), never a figure
    "civilians": [],  # (Korean only: the noun before a figure)
    "not_people_before": [r"[$€£₩]", r"us-\$", r"nr\.", r"nummer", r"seite", r"alter\s+von",
                          r"im\s+alter\s+von"],
    "foreign": [
        r"russische[nmrs]?", r"ukrainische[nmrs]?", r"moskaus", r"kiews", r"russlands",
        r"der\s+ukraine",
        r"südkoreanische[nmrs]?", r"amerikanische[nmrs]?", r"us-soldaten", r"us-truppen",
        r"tschetschenische[nmrs]?", r"feindliche[nmrs]?",
    ],
    "own": [r"eigene[nmrs]?", r"ihre[nmrs]?", r"seine[nmrs]?"],
    "other_side": [
        r"der\s+feind", r"der\s+gegner",
        r"russland", r"die\s+ukraine", r"der\s+ukraine", r"ukraine", r"moskau", r"kiew",
        r"der\s+kreml", r"(?:russische|ukrainische)[nmrs]?\s+(?:streitkräfte\w*|truppen|armee"
        r"|militär\w*|seite|soldaten|einheit\w*|kommandeur\w*|fallschirmjäger|marineinfanterist"
        r"\w*|brigade\w*)",
    ],
    "locative": [r"in|im|ins|aus"],
    "place_prep": [r"in|im|ins|nach|aus|gegen|für|bei|von|über|mit|zwischen|an\s+der|an\s+die"
                   r"|an\s+der\s+seite|auf\s+seiten|aufseiten|auf\s+der\s+seite"],
    "function_after": [
        r"wurden|worden|waren|sind|seien|sei|haben|hatten|hat|habe|wird|werden|würden|könnten"
        r"|sollen|in|im|nach|aus|bei|an|auf|seit|bisher|bereits|schon|inzwischen|mittlerweile"
        r"|und|oder|die|der|weitere|mehr|insgesamt|davon|darunter|zufolge|laut|allein|getötet"
        r"|verwundet|gefallen|verletzt|gefangen|ums|zu|zum|zur|an\s+der|ins|gegen|um"
        r"|beziffer\w*|geschätzt|schätzte\w*|gestiegen|angestiegen|angewachsen|gewachsen|gesunken"
        r"|erhöht|gesenkt|korrigiert|veranschlagt|taxiert|angegeben|geklettert|einsatzfähig|kampffähig",  # verb-final
    ],
    "metric": {
        "casualties_phrase": [
            r"tod\w*\s+(?:oder|und|bzw\.)\s+verwundung\w*",
            r"(?:getötet\w*|tot|tote[n]?|gefallen\w*|gestorben|umgekommen)\s*,?\s+(?:oder|und"
            r"|bzw\.)\s+(?:(?:wurden|worden|sind|seien|waren|wurde|ist|sei)\s+){0,2}(?:verwundet\w*|verletzt\w*|verwundete\w*"
            r"|verletzte\w*|gefangen\w*)",
            r"(?:verwundet\w*|verletzt\w*|verwundete\w*|verletzte\w*|gefangen\w*)\s*,?\s+"
            r"(?:oder|und|bzw\.)\s+(?:(?:wurden|worden|sind|seien|waren|wurde|ist|sei)\s+){0,2}(?:getötet\w*|tot|tote[n]?"
            r"|gefallen\w*)",
        ],
        "captured": [
            r"gefangen\s*genommen", r"gefangengenommen", r"gefangen\s*nahm\w*", r"kriegsgefangen\w*",
            r"gefangene\w*", r"in\s+gefangenschaft", r"festgenommen", r"ergeben",
            r"gefangennahme", r"\w*gefangenschaft", r"(?:lebend\s+)?gefasst",
            r"in\s+ukrainischer\s+hand", r"in\s+ukrainischen\s+händen",
            r"in\s+(?:ukrainischem\s+)?gewahrsam", r"festgehalten\w*",
            r"(?:hält|halten|hielt|hielten)\s+(?:[\w-]+\s+){0,8}?fest(?![\w])",
        ],
        "killed": [
            r"unwiederbringlich\w*\s+verlust\w*", r"nicht\s+lebend\s+zurück\w*", r"getötet\w*", r"tot", r"tote[n]?", r"todesopfer", r"gefallen\w*", r"starben",
            r"gestorben", r"ums\s+leben\s+gekommen", r"umgekommen", r"verstorben", r"fielen",
            r"getötete\w*", r"leichen", r"begraben", r"beerdigt\w*", r"nicht\s+lebend",
            r"(?:ihren\s+)?(?:verletzungen|verwundungen)\s+erlegen",
            r"ums\s+leben", r"tötete\w*", r"\w+tote[n]?", r"todesfäll\w*", r"todesfall",
            r"starb", r"sterben", r"leben\s+verlor\w*", r"fallen", r"fällt", r"fiel",
            r"tödlich\w*", r"begraben", r"beerdigt", r"bestattet",
        ],
        "wounded": [r"verwundet\w*", r"verletzt\w*", r"sanitäre[n]?(?:\s+verlust\w*)?", r"verwundete\w*", r"verletzte\w*",
                    r"verwundung\w*", r"verletzung\w*", r"\w*krankenh[äa]us\w*", r"lazarett\w*",
                    r"sanitätsz[üu]g\w*"],
        "casualties": [r"gesamtverlust\w*", r"verluste\w*", r"verlust\w*", r"opfer", r"ausfälle\w*", r"ausgefallen",
                       r"kampfunfähig\w*", r"außer\s+gefecht"],
        "casualties_weak": [r"verloren", r"verlor", r"verlieren", r"eingebüßt", r"einbüßt\w*"],
        "additional": [
            r"erneut", r"nochmals", r"noch\s+einmal", r"verstärkung\w*", r"als\s+ersatz", r"(?:als|zur)\s+ablösung",
            r"nachrücken\w*", r"nachgerückt", r"aufgefüllt", r"auffüllen", r"aufzufüllen",
            r"nachschub", r"nachgeschickt", r"nachschicken", r"nachlegen", r"hinzukommen",
            r"hinzugekommen",
            r"zusätzlich", r"(?:zweite|dritte|vierte|fünfte|neue|nächste|weitere|zusätzliche)[nrs]?"
            r"\s+(?:\w+\s+)?"
            r"(?:kontingent\w*|welle|gruppe|rotation|truppenentsendung|entsendung|einsatz)",
        ],
        "total": [r"kumuliert\w*"],
        "additional_attached": [r"weitere[nrsm]?", r"zusätzliche\w*", r"neue[nrsm]?",
                                r"frisch(?:e[nrsm]?)?(?:\s+ausgebildete[nrsm]?)?",
                                r"noch\s+(?:einmal\s+)?(?=\d)"],
        "later_contingent": [r"wiederaufbau\w*", r"bausoldaten", r"\w*bauarbeiter\w*",
                             r"militärbau\w*"],
        "engineers": [r"\w*pionier\w*", r"\w*minenräum\w*", r"entminung\w*",
                      r"\w*ingenieur\w*"],
        "replacing": [r"(?:als\s+)?ersatz\s+für\s+(?:\w+\s+){0,2}?(?:gefallen\w*|verlust\w*|verwundet\w*|tote\w*)", r"als\s+ersatz\s+für",
                      r"lücken\s+(?:\w+\s+){0,3}?(?:zu\s+)?schließen"],
        "died": [r"starben", r"gestorben", r"verstorben", r"erlagen", r"erlegen"],
        "russia": [r"in\s+russland", r"nach\s+russland"],
        "kursk": [r"kursk\w*", r"sudscha", r"sudzha", r"gluschkowo", r"glushkovo", r"korenewo",
                  r"korenevo", r"pljochowo", r"plekhovo", r"tjotkino", r"pogrebki", r"swerdlikowo",
                  r"martynowka", r"gujewo", r"rylsk"],  # villages of the Kursk border districts
        "returned": [r"(?:nach\s+nordkorea|in\s+die\s+heimat|nach\s+hause|heim)\s+(?:zurück\w*|gekehrt)",
                     r"heimgekehrt", r"heimkehr\w*", r"abgezogen", r"zurückbeordert"],  # gone home: no metric counts them
        "versus": [r"gegenüber", r"statt", r"anstatt", r"nach\s+(?:zuvor|bisher|früher)",
                   r"im\s+vergleich\s+zu", r"verglichen\s+mit"],
        "rest": [r"die\s+übrigen(?=\s+(?:[\w.]+\s+)?\d)", r"die\s+restlichen(?=\s+(?:[\w.]+\s+)?\d)"],
        "same_as_before": [r"(?:die|diese|deren|ihre)\s+(?:zahl|bilanz|opferzahl|schätzung)"
                           r"(?!\s+(?:der|von|an))", r"sie\s+(?:stieg|steige|liegt|liege|lag)",
                           r"beziffer\w*\s+(?:sie|ihn|diese)\b"],
        "deploy": [
            r"geschickt|entsandt|verlegt|stationiert|eingetroffen|angekommen|schicken|entsenden"
            r"|entsendet|befinden|befänden|befindet|im\s+einsatz|kämpfen|kämpften|eingesetzt"
            r"|in\s+russland|nach\s+russland|gebracht|stehen|aufhalten|sind|seien|zählt"
            r"|umfasst|stark|einsatz\w*",
        ],
    },
    "region": [r"(?:der|die|dieser)\s+region", r"im\s+gebiet", r"dorthin", r"dort",
               r"(?:der|die|dieser)\s+grenzregion", r"(?:im|das|ins)\s+grenzgebiet"],
    "intelligence": ['geheimdienst\\w*', 'nachrichtendienst\\w*', r"(?:der|des|dem|den)\s+dienst(?:es)?"],
    "self_cited": [r"angaben", r"quellen", r"kreise\w*", r"schätzungen"],
    "fraction": [r"hälfte", r"drittel", r"viertel", r"großteil", r"mehrheit", r"prozent",
                 r"meisten", r"(?:erheblich|groß|beträchtlich|klein)\w*\s+teil",
                 r"jede[rs]?\s+\w+te"],
    "subgroup": [r"von\s+ihnen", r"darunter", r"davon", r"unter\s+ihnen", r"einschließlich",
                 r"inklusive"],
    "partitive": [r"von\s+den", r"der", r"unter\s+den", r"aus\s+den"],
    "qualifier_before": {
        "up_to": [r"bis\s+zu", r"auf\s+bis\s+zu", r"knapp", r"fast", r"nahezu", r"beinahe",
                  r"weniger\s+als", r"nicht\s+mehr\s+als", r"unter", r"höchstens", r"maximal",
                  r"annähernd"],
        "about": [r"rund", r"etwa", r"ungefähr", r"circa", r"ca\.", r"zirka",
                  r"schätzungsweise", r"geschätzte[n]?", r"um\s+die", r"an\s+die", r"gut",
                  r"grob"],
        "more_than": [r"mehr\s+als", r"über", r"weit\s+über", r"gut\s+über", r"mehr\s+denn",
                      r"knapp\s+über", r"deutlich\s+mehr\s+als", r"überstieg\w*",
                      r"übersteig\w*"],
        "at_least": [r"mindestens", r"wenigstens", r"zumindest", r"nicht\s+weniger\s+als"],
    },
    "qualifier_after": {
        "at_least": [r"oder\s+mehr", r"und\s+mehr", r"\+"],
    },
    "hedge": [
        r"könnte[n]?", r"soll", r"sollen", r"sollte[n]?", r"offenbar", r"angeblich",
        r"vermutlich", r"wahrscheinlich", r"möglicherweise", r"mutmaßlich", r"dürfte[n]?",
        r"voraussichtlich", r"schätz\w*", r"geschätzt\w*", r"berichten\s+zufolge",
        r"wohl", r"vermutet\w*", r"erwartet\w*", r"plant", r"planen", r"unbestätigt\w*",
        r"wolle", r"wollte", r"könne",
    ],
    "forecast": [
        r"sagte\w*\s+(?:[\w-]+\s+){0,3}?zu\b", r"versprach\w*", r"versprochen", r"für\s+einen\s+(?:weiteren|neuen|künftigen)\s+einsatz",
        r"plant", r"planen", r"beschlossen", r"bereite[nt]?(?!\s+sich)", r"vorbereit\w*",
        r"zugesagt\w*", r"zugesichert\w*", r"auf\s+dem\s+weg", r"(?:entsandt|geschickt|verlegt)\s+werden", r"(?:könnte|könnten)\b(?:[^.;!?]|\.(?=\d)){0,80}?\bstellen",
        r"(?:könnte|könnten|dürfte|dürften|würde|würden|soll|sollen|wird|werden)\b"
        r"(?:[^.;!?]|\.(?=\d)){0,160}?\b(?:geschickt|entsandt|eingesetzt|verlegt|gesandt"
        r"|überstellt)\s+werden",
        r"(?:könnte|könnten|könne|dürfte|dürften|würde|würden)\b(?:[^.;!?]|\.(?=\d)){0,160}?"
        r"\b(?:steigen|ansteigen|anwachsen|wachsen|schicken|entsenden|senden|verlegen|kommen"
        r"|folgen|eintreffen|erreichen|übersteigen|aufstocken|bereitstellen|füllen|erhöhen"
        r"|verstärken)",
        r"(?:könnte|könnten|dürfte|dürften|soll|sollen|wird|werden)\s+(?:[\w-]+\s+){0,6}?bis\s+"
        r"(?:zum\s+|zur\s+|(?:ende|anfang|mitte)\s+)?(?:jahresende|frühjahr|sommer|herbst|winter"
        r"|jahreswechsel|monatsende)",
        r"(?:soll|sollen|sollte|sollten|wird|werden)\b(?:[^.;!?]|\.(?=\d)){0,160}?\b(?:kommen|folgen"
        r"|eintreffen|ankommen|hinzukommen|schicken|entsenden)(?!\s+(?:sein|haben))",
        r"(?:will|wollen|wolle|wollte|plant|plane|plante|planten|planen|beabsichtigt|beabsichtigen)\b"
        r"(?:[^.;!?]|\.(?=\d)){0,160}?\b(?:schicken|entsenden|senden|verlegen|entsendung"
        r"|verlegung)", r"hinzukommen", r"dazukommen",
        r"voraussichtlich", r"erwartet", r"in\s+den\s+(?:kommenden|nächsten)\s+(?:tagen|wochen"
        r"|monaten)", r"geplant\w*",
        r"bis\s+(?:(?:ende|anfang|mitte)\s+)?(?:dezember|jahresende|frühjahr|sommer|herbst"
        r"|winter)\b(?:[^.;!?]|\.(?=\d)){0,160}?\b(?:soll|sollen|wird|werden|könnte|könnten)",
    ],
    "period": [
        r"(?:kämpfen|gefechten|angriffen)\s+im\s+(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\s+und\s+(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)",
        r"seit\s+(?:monatsbeginn|wochenbeginn|anfang\s+(?:des|dieses)\s+monats|beginn\s+(?:des|dieses)\s+monats)",
        r"in\s+den\s+(?:vergangenen|letzten)\s+(?:\w+\s+)?(?:tagen|wochen)", r"bei\s+(?:den\s+)?(?:kämpfen|gefechten)\s+um", r"innerhalb\s+(?:einer|von)\s+\w+",
        r"(?:innerhalb|binnen)\s+(?:einer|eines|von\s+\w+)\s+(?:einzigen\s+)?(?:woche|tages|tag"
        r"|tagen|24\s+stunden)",
        r"in\s+(?:einer|der\s+(?:vergangenen|letzten))\s+(?:einzigen\s+)?(?:woche|nacht)",
        r"in\s+(?:den\s+)?(?:vergangenen|letzten)\s+24\s+stunden",
        r"(?:bei|beim)\s+(?:einem\s+|dem\s+)?(?:[\w-]+\s+){0,2}?\w*(?:angriff|gefecht|hinterhalt"
        r"|schlag|vorstoß|sturm)",
        r"pro\s+tag", r"täglich", r"an\s+einem\s+(?:einzigen\s+)?tag",
        r"allein\s+im\s+(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober"
        r"|november|dezember)", r"innerhalb\s+(?:einer|von\s+einer)\s+stunde",
        r"allein\s+am\s+(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag"
        r"|vortag|wochenende)",
        r"nächtlich\w*\s+(?:[\w-]+\s+)?\w*(?:angriff|gefecht|sturm|vorstoß)\w*",
        r"bei\s+\w+\s+(?:kämpfen|gefechten)\s+um", r"(?:pro|im|je)\s+monat", r"monatlich",
        r"(?<=[\s(–—-])(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober"
        r"|november|dezember)\s*:",
    ],
    "dated": [
        r"am\s+wochenende", r"über\s+nacht", r"im\s+(?:selben|gleichen)\s+zeitraum", r"in\s+der\s+nacht\s+(?:zu|zum|auf)\b",
    ],
    "attr_pre": [
        r"laut", r"nach\s+(?:den\s+)?angaben", r"nach\s+(?:den\s+)?worten",
        r"nach\s+(?:den\s+)?schätzungen", r"nach\s+(?:einer\s+|\w+\s+eigener\s+)?einschätzung",
        r"nach\s+(?:\w+\s+)?erkenntnissen", r"nach\s+(?:\w+\s+)?informationen",
        r"nach\s+(?:der\s+)?schätzung", r"nach\s+\w+\s+geheimdienstinformationen", r"nach\s+(?:der\s+)?darstellung",
        r"nach\s+(?:den\s+)?(?:\w+\s+)?berechnungen",
        r"nach\s+(?:einer|der)\s+(?:\w+\s+)?analyse", r"nach\s+(?:einem|dem)\s+(?:\w+\s+)?bericht",
        r"nach\s+(?:\w+\s+)?recherchen",
        r"hieß\s+es\s+(?:aus|von|in|im|beim)", r"wie",
        r"heißt\s+es\s+(?:aus|von|in|im|beim)", r"geht\s+aus",
        r"so", r"sagte", r"erklärte", r"teilte", r"berichtete", r"meldete", r"spricht",
        r"sprach", r"schätzt", r"schätzte", r"gab\s+an", r"gibt\s+an", r"geht\s+davon\s+aus",
        r"bezifferte", r"bezifferten", r"beziffert", r"warnte", r"bestätigte", r"schreibt", r"schrieb",
    ],
    "attr_post": [
        r"nach\s+eigenen\s+angaben",  # "X hat nach eigenen Angaben …": X
        r"(?:hat|haben|hatte)\s+(?:seine|ihre)\s+schätzung", r"hielt\w*\s+dagegen", r"hält\s+dagegen",
        r"(?<!berichten\s)zufolge", r"sagte", r"sagten", r"sagt", r"sagen", r"erklärte", r"erklärten",
        r"erklärt", r"teilte", r"teilten", r"teilt", r"meldete", r"meldet", r"meldeten",
        r"berichtete", r"berichtet", r"berichteten", r"spricht", r"sprach", r"sprachen",
        r"schätzt", r"schätzte", r"schätzen", r"geht\s+davon\s+aus", r"gibt\s+an",
        r"gab\s+an", r"warnte", r"warnt", r"bestätigte", r"bezifferte", r"beziffert",
        r"nannte", r"nennt", r"behauptet", r"behauptete", r"mitteilte", r"schreibt",
        r"schrieb", r"zählt", r"zählte", r"bilanzierte", r"hervor", r"veröffentlichte",
        r"veröffentlicht",
        r"will(?=(?:[^.;!?]|\.(?=\d))*\b(?:haben|sein)\b)",
        r"wollen(?=(?:[^.;!?]|\.(?=\d))*\b(?:haben|sein)\b)",
        r"unterrichtete", r"informierte", r"erwartet", r"befürchtet", r"räumte\s+ein",
        r"rechnet\s+mit", r"geht\s+von", r"gesprochen", r"genannt", r"angegeben",
        r"ging(?:en)?\s+(?:\w+\s+){0,2}von", r"(?:kommt|kam|kommen|kamen)\s+(?:\w+\s+){0,2}auf",
        r"vorgelegt", r"legte\s+(?:[^.;!?]{0,60}?)\s+vor",
    ],
    "attr_origin": [r"unter\s+berufung\s+auf", r"beruft\s+sich\s+auf", r"berief\s+sich\s+auf",
                    r"beriefen\s+sich\s+auf", r"zitiert", r"zitierte", r"unterrichtung\s+durch",
                    r"briefing\s+(?:des|der|von)", r"unter\s+verweis\s+auf"],
    "refs": {
        "person": [r"(?:sagte|erklärte|betonte|sagt|fügte|schrieb|teilte)\s+(?:er|sie)",
                   r"(?:er|sie)\s+(?:sagte|erklärte|sprach|nannte|fügte)",
                   r"nach\s+(?:seinen|ihren)\s+(?:angaben|worten)", r"(?:ihm|ihr)\s+zufolge",
                   r"so\s+der\s+(?:minister|präsident|sprecher|general|abgeordnete)"],
        "agency": [r"die\s+(?:us-)?denkfabrik", r"der\s+(?:us-)?thinktank", r"der\s+geheimdienst", r"des\s+geheimdienstes", r"die\s+behörde",
                   r"so\s+der\s+geheimdienst", r"dem\s+geheimdienst",
                   r"(?:der|des|dem|den)\s+(?:nachrichten|militärgeheim)?dienst(?:es)?"],
        "ministry": [r"das\s+ministerium", r"des\s+ministeriums", r"dem\s+ministerium"],
        "outlet": [r"(?:die|das|der)\s+(?:zeitung|blatt|portal|agentur|nachrichtenagentur|sender|magazin)"
                   r"\s+beruft\s+sich"],
        "any": [r"demnach", r"ihnen\s+zufolge", r"hieß\s+es", r"so\s+die\s+\w+",
                r"nach\s+(?:seinen|ihren)\s+(?:erkenntnissen|informationen|schätzungen|daten)",
                r"dem\s+bericht\s+zufolge", r"wie\s+es\s+weiter\s+hieß", r"weiter\s+hieß\s+es"],
    },
    "forward": [r"(?:das|dies)\s+(?:sagte|sagten|teilte|teilten|erklärte|erklärten|berichtete"
                r"|berichteten|meldete|meldeten|schrieb|schrieben|bestätigte|betonte|gab|gaben)",
                r"(?:diese|die)\s+(?:zahlen|angaben)\s+(?:stammen|stellten|nannten|gaben|lieferten)"],
    "unnamed": [r"westliche[nrm]?\s+(?:schätzungen|angaben|geheimdienst\w*|beamte\w*|quellen"
                r"|regierungsvertreter\w*|kreise\w*|erkenntniss\w*|diplomaten|sicherheitskreise\w*)",
                r"(?<!\w\s)schätzungen\s+zufolge",
                r"mit\s+(?:der|den|dem)\s+\w+\s+vertraute\w*", r"informierte\w*\s+kreise\w*"],
    "relay": [r"abgeordnete\w*", r"parlamentarier\w*", r"geheimdienstausschuss\w*",
              r"unterrichtung", r"briefing", r"unterrichtet\w*"],
    "offices": [r"(?!)"],
    # "sagte er der Agentur Ukrinform", "gegenüber dem Sender CNN": the outlet spoken to
    "addressee": [r"(?:sagte|sagten|erklärte|erklärten|bestätigte|berichtete)(?:\s+[^\W\d]+){0,2}\s+(?:der|dem|den)",
                  r"gegenüber(?:\s+(?:der|dem|den))?", r"im\s+(?:Gespräch|Interview)\s+mit(?:\s+(?:der|dem|den))?"],
    "comitative": [r"mit"],
    # "so viele, wie …", "doppelt so hoch wie …", "mehr, als …": the name's figure is another one
    "own_view": [r"nach\s+(?:seiner|ihrer)\s+eigenen\s+(?:einschätzung|schätzung|ansicht|auffassung)", r"(?:seiner|ihrer)\s+eigenen\s+(?:einschätzung|ansicht)\s+nach", r"(?:er|sie)\s+selbst\s+(?:gehe|geht|schätzt|schätze)", r"nach\s+(?:unseren|seinen|ihren)\s+eigenen\s+(?:Daten|Angaben|Zahlen|Erkenntnissen)"],
    "against": [r"gegen\s+(?:die\s+|den\s+)?"],
    "relative": [r"der", r"die", r"das"],
    "gap_to": [r"auf"],
    "article": [r"die\s+", r"der\s+", r"das\s+"],
    "cited_by": [r",?\s*(?:zitiert|wiedergegeben)\s+(?:von|vom|durch)"],
    "denial": [r"zurückgewiesen|zurückwies|wies\s+(?:\w+\s+){0,4}?zurück|bestritt|bestreitet|bestritten|dementiert\w*",
               r"(?:nennt|nannte|bezeichnete?)\s+(?:\S+\s+){0,5}?[„“\"]?(?:(?:frei|glatt|völlig|reine)\s+)?(?:fantasie|lüge|erfindung|propaganda|erfunden|märchen)\w*"],
    "figures_of": [r"(?:angaben|zahlen|schätzung\w*|bericht\w*|darstellung)\s+(?:des|der|von|aus)\s+(?:\w+\s+){0,2}"],
    "compared": [r"so\s+\w+\s*,?\s+wie", r"(?:mehr|weniger|höher|niedriger)\s*,?\s+als(?!\s+(?:\d|rund|etwa|ungefähr))"],
    "bare_ministry": [r"(?!)"],
    "contrast": [r"aber", r"doch", r"jedoch", r"wohingegen"],
    "running": [r"seit", r"insgesamt", r"bislang", r"bisher", r"damit", r"alles\s+in\s+allem", r"zusammen"],
    "conj": [r"und", r"aber", r"während", r"doch", r"jedoch", r"sowie", r"wobei", r"wohingegen"],
    "gov": {
        "ukraine": [r"ukrainische[nmrs]?\s+(?:regierung|regierungskreise\w*|regierungsbeamte\w*|regierungsvertreter\w*|behörden|beamte\w*|vertreter\w*"
                    r"|kreise\w*|quellen|angaben|seite|militär\w*|armee|streitkräfte\w*|truppen"
                    r"|kommandeur\w*|offizier\w*|sprecher\w*|einheit\w*|drohneneinheit\w*)",
                    r"(?:regierung|regierungskreise)\w*\s+in\s+kiew", r"(?:ukrainische\w*\s+)?präsidialamt\w*",
                    r"büro\s+des\s+(?:ukrainischen\s+)?präsidenten",
                    r"(?:aus|(?<!besuch\s)(?<!besuchs\s)(?<!reise\s)in)\s+kiew", r"kiewer\s+angaben",
                    r"nach\s+eigenen\s+angaben"],
        "south_korea": [r"südkoreanische[nmrs]?\s+(?:regierung|regierungsbeamte\w*|regierungsvertreter\w*|behörden|beamte\w*|vertreter\w*"
                        r"|kreise\w*|quellen|angaben|seite|abgeordnete\w*|präsident\w*|regierungskreise\w*)",
                        r"(?:regierung|regierungskreise)\w*\s+in\s+seoul",
                        r"(?:aus|(?<!besuch\s)(?<!besuchs\s)(?<!reise\s)in)\s+seoul"],
        "us": [r"(?:us-amerikanische|amerikanische)[nmrs]?\s+(?:regierung|regierungskreise\w*|regierungsbeamte\w*|regierungsvertreter\w*|behörden|beamte\w*"
               r"|vertreter\w*|kreise\w*|quellen|angaben|geheimdienst\w*)", r"us-regierungsvertreter\w*",
               r"us-geheimdienst\w*", r"us-(?:regierung|beamte|behörden|vertreter|offizielle|militär)\w*",
               r"ranghohe[nmrs]?\s+us-beamte\w*", r"(?:regierung|regierungskreise)\w*\s+in\s+washington",
               r"(?:aus|(?<!besuch\s)(?<!besuchs\s)(?<!reise\s)in)\s+washington"],
        "russia": [r"russische[nmrs]?\s+(?:regierung|regierungsbeamte\w*|regierungsvertreter\w*|behörden|beamte\w*|angaben|seite)",
                   r"(?:regierung|regierungskreise)\w*\s+in\s+moskau",
                   r"(?:aus|(?<!besuch\s)(?<!besuchs\s)(?<!reise\s)in)\s+moskau"],
        "dprk": [r"nordkoreanische[nmrs]?\s+(?:regierung|behörden|staatsmedien|angaben)"],
        "uk": [r"britische[nmrs]?\s+(?:regierung|regierungsbeamte\w*|regierungsvertreter\w*|beamte\w*|erkenntniss\w*|angaben|kreise\w*"
               r"|regierungskreise\w*|behörden|quellen)",
               r"(?:regierung|regierungskreise)\w*\s+in\s+london",
               r"(?:aus|(?<!besuch\s)(?<!besuchs\s)(?<!reise\s)in)\s+london"],
    },
    "roles": {
        "volodymyr_zelensky": [r"ukrainische[nmrs]?\s+(?:präsident|staatschef)\w*",
                               r"(?:präsident|staatschef)\w*\s+der\s+ukraine"],
        "vladimir_putin": [r"russische[nmrs]?\s+(?:präsident|staatschef)\w*",
                           r"(?:präsident|staatschef)\w*\s+russlands", r"kreml-?chef\w*"],
        "kim_jong_un": [r"nordkoreanische[nmrs]?\s+(?:machthaber|staatschef|führer)\w*",
                        r"machthaber\w*\s+nordkoreas"],
        "kyrylo_budanov": [r"(?<!stellvertretende\s)(?<!stellvertretender\s)(?<!stellvertretenden\s)"
                           r"chef\w*\s+des\s+(?:ukrainischen\s+)?militärgeheimdienst\w*",
                           r"(?:ukrainische[nr]?\s+)?militärgeheimdienstchef\w*",
                           r"hur-chef\w*"],
        "john_healey": [r"britische[nmrs]?\s+verteidigungsminister\w*",
                        r"verteidigungsminister\w*\s+großbritanniens"],
        "sergei_shoigu": [r"sekretär\w*\s+des\s+(?:russischen\s+)?sicherheitsrat\w*",
                          r"sicherheitsratssekretär\w*"],
    },
}
