"""French cue words (see :mod:`kursk.claims.lexicon` for what each key means).

French puts the adjective after the noun ("soldats nord-coréens", "responsables ukrainiens"), so
the marks of an army and of a government stand after the noun here.
"""

_TROOPS = (
    r"soldats?|militaires|troupes?|hommes|combattants?|personnes|membres|recrues"
    r"|forces(?:\s+spéciales)?|commandos?|sapeurs|démineurs|ingénieurs|bâtisseurs"
    r"|travailleurs\s+militaires|contingent|corps|nord-coréens|fantassins|tireurs|effectifs?"
    r"|renforts|prisonniers|captifs|morts|tués|blessés|victimes|pertes|officiers|généraux"
    r"|commandants|hommes\s+de\s+troupe|artilleurs|opérateurs|spécialistes|servants"
    r"|éclaireurs|parachutistes|équipages|tireurs\s+d['’]élite"
)

_MONTHS = r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"

TABLES = {
    "nk": [
        r"corée\s+du\s+nord", r"nord-coréen(?:ne)?s?", r"nord\s+coréen(?:ne)?s?", r"rpdc",
        r"pyongyang", r"kim\s+jong[\s-]un", r"armée\s+populaire\s+de\s+corée",
        r"parti\s+du\s+travail\s+de\s+corée",
    ],
    "months": [_MONTHS],
    "in_month": [r"en\s+(?:" + _MONTHS + ")"],
    "in_week": [r"(?:au\s+cours\s+de|pendant|durant|lors\s+de)\s+la\s+(?:première|deuxième|seconde|troisième|quatrième)(?:\s+semaine)?(?![\w-]|\s+(?:moitié|vague|guerre))",
                r"la\s+(?:première|deuxième|seconde|troisième|quatrième)\s+semaine"],
    "rate": [r"par\s+(?:jour|semaine|mois|nuit)", r"chaque\s+(?:jour|semaine|mois)"],
    "troop": [_TROOPS],
    "not_people": [
        r"navires?|conteneurs?|brigades?|bataillons?|divisions?|régiments?|unités|chars?"
        r"|missiles?|roquettes?|obus|munitions|canons?|obusiers?|lanceurs?|drones?|véhicules?"
        r"|travailleurs(?!\s+militaires)|ouvriers|logements|familles"
        r"|tonnes?|avions?|articles?|pour\s?cent|%|dollars?|euros?|wons?|roubles?|kilomètres?|hectares?"
        r"|km²|m²|km|milles?|mètres?|ans|années?|mois|semaines?|jours?|heures?|minutes?|fois"
        r"|villages?|localités|kg|pages?|sorties|vols|trains?|camions?|civils|réfugiés"
        r"|habitants|milliards?|soldats\s+russes|soldats\s+ukrainiens",
    ],
    "ordinal": [r"e|er|ère|ème|ᵉ|eme"],  # right after digits: an ordinal ("11th Corps"), never a figure
    "civilians": [],  # (Korean only: the noun before a figure)
    "not_people_before": [r"[$€£₩]", r"n°", r"numéro", r"âgés?\s+de", r"page"],
    "foreign": [
        r"russes?", r"ukrainien(?:ne)?s?", r"de\s+moscou", r"de\s+kiev",
        r"de\s+kyiv", r"sud-coréen(?:ne)?s?", r"américain(?:e)?s?",
        r"tchétchènes?", r"ennemis?",
    ],
    "own": [r"propres", r"ses", r"leurs"],
    "other_side": [
        r"l['’]ennemi", r"l['’]adversaire",
        r"la\s+russie", r"russie", r"l['’]ukraine", r"ukraine", r"moscou", r"kiev", r"kyiv",
        r"le\s+kremlin", r"les\s+russes", r"les\s+ukrainiens", r"(?:forces|troupes|armée|militaires|soldats|unités|parachutistes"
        r"|fusiliers\s+marins|brigades?)\s+(?:russes|ukrainien(?:ne)?s?)",
    ],
    "locative": [r"en|au|aux|vers"],
    "place_prep": [r"en|à|au|aux|vers|dans|de|depuis|contre|pour|avec|sur|par"
                   r"|aux\s+côtés\s+de|du\s+côté\s+de"],
    "function_after": [
        r"ont|a|avaient|avait|sont|est|étaient|seraient|auraient|aurait|serait|en|au|aux|à"
        r"|dans|depuis|vers|de|déjà|désormais|encore|toujours|et|ou|qui|selon|au\s+total|supplémentaires"
        r"|environ|au\s+moins|tués|blessés|morts|capturés|faits|auprès",
    ],
    "metric": {
        "casualties_phrase": [
            r"(?:tués?|morts?)(?:\s*,\s*(?:blessés?|capturés?))?\s*,?\s+(?:ou|et)\s+"
            r"(?:(?:été|ont|sont|a)\s+){0,2}(?:blessés?|capturés?|faits\s+prisonniers)",
            r"(?:blessés?|capturés?)\s*,?\s+(?:ou|et)\s+(?:(?:été|ont|sont|a)\s+){0,2}(?:tués?|morts?)",
        ],
        "captured": [r"capturés?", r"faits?\s+prisonniers?", r"prisonniers?(?:\s+de\s+guerre)?",
                     r"captifs?", r"rendus", r"en\s+captivité", r"capture",
                     r"détenus\s+par\s+l['’]ukraine", r"(?:toujours|encore|déjà)\s+détenus", r"déposé\s+les\s+armes", r"aux\s+mains\s+de\s+(?:kiev|kyiv)", r"détenus\s+(?:en\s+ukraine|à\s+(?:kiev|kyiv))", r"en\s+détention", r"pris\s+vivants?",
                     r"(?:aux|entre\s+les)\s+mains\s+(?:de\s+l['’]ukraine|des\s+(?:forces\s+)?ukrainien\w*|de\s+kiev)",
                     r"(?:kiev|kyiv|l['’]ukraine)\s+(?:détient|détenait|détiendrait)"],
        "killed": [r"tués?", r"tuées?", r"enterrés?", r"inhumés?", r"morts?", r"décédés?", r"péri", r"périssent",
                   r"décès", r"tombés", r"ont\s+perdu\s+la\s+vie", r"abattus", r"éliminés",
                   r"victimes\s+mortelles", r"bilan\s+des\s+morts", r"tuant", r"tuent", r"tue",
                   r"mortes?", r"décédées?", r"trouvé\w*\s+la\s+mort", r"perdu\s+la\s+vie",
                   r"pertes?\s+[«\"“]?\s*irrécupérables?", r"(?:ont|a|avaient|avait)\s+succombé", r"de\s+(?:manière|façon)\s+irrécupérable",
                   r"dépouilles", r"cercueils?", r"laissé\s+la\s+vie",
                   r"(?:ne\s+|n['’])(?:en\s+)?(?:sont|est)\s+pas\s+revenus?\s+vivants?",
                   r"pas\s+survécu"],
        "wounded": [r"blessés?", r"blessées?", r"hospitalisé\w*", r"blessant", r"blessures?",
                    r"pertes?\s+[«\"“]?\s*sanitaires?", r"hôpita(?:l|ux)\s+militaires?", r"gelures?",
                    r"évacués?\s+blessés"],
        "casualties": [r"pertes?", r"victimes", r"(?:mis\w*\s+)?hors\s+de\s+combat",
                       r"(?:mis\w*\s+)?hors\s+d['’]état\s+de\s+(?:combattre|nuire)"],
        "casualties_weak": [r"perdu", r"perdus", r"perd"],
        "additional": [
            r"renforts?", r"(?:deuxième|second|seconde|troisième|quatrième|nouveau|nouvelle"
            r"|nouvel)\s+(?:\w+\s+)?(?:contingent|vague|groupe|rotation|déploiement|envoi)",
            r"(?:contingent|vague|groupe|déploiement|envoi)\s+supplémentaire",
            r"encore(?=\s+(?:envoyer|dépêcher|déployer|fournir))", r"de\s+nouveau",
            r"(?:envoy|dépêch|déploy|expédi|achemin)\w*\s+(?:y\s+)?encore",
            r"à\s+nouveau", r"redéployés?", r"renvoyés?",
            r"relève\w*",
            r"relever(?![^.;,]{0,40}\d)", r"relevant(?![^.;,]{0,40}\d)",  # not the units relieved
            r"(?:pris|prendre|prendront|prennent)\s+la\s+relève(?![^.;,]{0,40}\d)",
        ],
        "total": [r"cumulé\w*", r"contingent\s+(?:nord-coréen\s+)?(?:présent|stationné|déployé)"],
        "additional_attached": [r"supplémentaires?", r"de\s+plus(?!\s+de)", r"autres",
                                r"nouveaux?", r"nouvelles?",
                                # "encore 2 000 soldats" (more); "4 000 encore présents" is still
                                r"encore(?=\s+(?:\d|un|une|deux|trois|quatre|cinq|six|sept|huit"
                                r"|neuf|dix|douze|quinze|vingt|trente|quarante|cinquante"
                                r"|soixante|cent|mille|milliers?)\b)"],
        "later_contingent": [r"bâtisseurs", r"constructeurs", r"construction", r"reconstruction",
                             r"reconstruire", r"chantiers?"],
        "engineers": [r"démineurs", r"sapeurs", r"génie", r"déminage", r"ingénieurs"],
        "replacing": [r"(?:pour\s+)?remplacer\s+(?:\w+\s+){0,2}?(?:pertes|morts|blessés|tués"
                      r"|hommes\s+perdus|soldats\s+perdus)",
                      r"combler\s+(?:les\s+|ses\s+|leurs\s+|ces\s+)?(?:rangs|pertes|vides)"],
        "died": [r"sont\s+morts", r"ont\s+succombé", r"décédés?"],
        "russia": [r"en\s+russie"],
        "kursk": [r"koursk", r"kursk", r"soudja", r"sudzha", r"glouchkovo", r"korenevo",
                  r"plekhovo", r"tiotkino", r"pogrebki", r"sverdlikovo", r"martynovka", r"rylsk"],
        "returned": [r"rentrés?\s+(?:au\s+pays|en\s+corée|chez\s+eux)", r"retournés?\s+(?:au\s+pays|en\s+corée)",
                     r"rapatriés?", r"retirés?", r"regagné\s+leur\s+pays"],  # gone home: no metric counts them
        "versus": [r"(?:un\s+)?chiffre\s+(?:nettement\s+|bien\s+|très\s+)?(?:inférieur|supérieur)\w*\s*,?\s*(?:d['’]|de)?", r"contre", r"au\s+lieu\s+de", r"par\s+rapport\s+aux?", r"comparé\w*\s+aux?"],
        "rest": [r"les\s+autres(?=\s+(?:[\w.]+\s+)?\d)", r"les\s+(?:\w+\s+)?restants(?=\s+(?:[\w.]+\s+)?\d)", r"le\s+reste,"],
        "same_as_before": [r"(?:ce|cette|le|leur)\s+(?:chiffre|nombre|bilan|total|estimation)"
                           r"(?!\s+(?:total\s+)?(?:de|d['’]|des))"],
        "deploy": [
            r"tienn?\w*\s+(?:\w+\s+){0,2}positions?",
            r"envoyés?|envoyé|envoie|envoyer|déployés?|déployé|déployer|dépêchés?|dépêché"
            r"|arrivés?|stationnés?|transférés?|présents|combattent|combattaient|en\s+russie"
            r"|vers\s+la\s+russie|envoi|déploiement|compte|comptait|estimé\w*\s+à|fort\s+de"
            r"|se\s+trouvent|seraient",
        ],
    },
    "region": [r"(?:la|cette)\s+région", r"(?:la|cette)\s+zone", r"là-bas", r"sur\s+place"],
    "intelligence": ['renseignement\\w*'],
    "self_cited": [r"sources", r"estimations", r"chiffres"],
    "fraction": [r"moitié", r"tiers", r"quart", r"majorité", r"plupart", r"pour\s?cent", r"%"],
    "subgroup": [r"dont", r"parmi\s+eux", r"parmi\s+lesquels", r"parmi\s+ceux-ci", r"d['’]entre\s+eux",
                 r"y\s+compris"],
    "partitive": [r"sur\s+les", r"parmi\s+les", r"des", r"sur"],
    "qualifier_before": {
        "up_to": [r"jusqu['’]à", r"près\s+de", r"presque", r"moins\s+de", r"pas\s+plus\s+de",
                  r"au\s+plus", r"au\s+maximum", r"quasiment", r"approchant", r"frôlant",
                  r"jusqu['’]à\s+près\s+de", r"approche(?:nt)?(?:\s+(?:le|la|les))?",
                  r"frôle(?:nt)?(?:\s+(?:le|la|les))?"],
        "about": [r"environ", r"quelque", r"autour\s+de", r"à\s+peu\s+près",
                  r"approximativement", r"près\s+d['’]environ", r"grosso\s+modo",
                  r"de\s+l['’]ordre\s+de", r"estimés?\s+à", r"aux\s+alentours\s+de"],
        "more_than": [r"plus\s+de", r"au-delà\s+de", r"un\s+peu\s+plus\s+de",
                      r"bien\s+plus\s+de", r"dépassant", r"dépasse", r"dépassé",
                      r"plus\s+d['’]"],
        "at_least": [r"au\s+moins", r"pas\s+moins\s+de", r"au\s+minimum", r"minimum",
                     r"pas\s+moins\s+d['’]", r"au\s+bas\s+mot"],
    },
    "qualifier_after": {
        "at_least": [r"ou\s+plus", r"et\s+plus", r"au\s+moins"],
        "about": [r"environ"],
    },
    "hedge": [
        r"probablement", r"vraisemblablement", r"selon\s+les\s+estimations", r"estim\w*",
        r"pourrai(?:en)?t", r"présumés?", r"auraient", r"aurait", r"seraient", r"serait",
        r"devrai(?:en)?t", r"possiblement", r"peut-être", r"sans\s+doute", r"semble(?:nt)?",
        r"apparemment", r"prévoit", r"prévoient", r"attendus?", r"supposés?",
        r"non\s+confirmé\w*", r"évalu\w*", r"s['’]attend\w*",
        r"(?!(?:port|ret|ext|attr|abst|distr|soustr|tr)ai)\w{2,}(?:erai(?:en)?t|irai(?:en)?t)",
    ],
    "forecast": [
        r"promis\s+d['’](?:envoyer|dépêcher|fournir|déployer)", r"ne\s+dépassera\s+pas", r"prépar\w*\s+(?:\w+\s+){0,2}l['’]envoi",
        r"décidé\s+d['’](?:envoyer|dépêcher|déployer)", r"s['’]apprête\w*", r"en\s+route",
        r"(?:devrai(?:en)?t|pourrai(?:en)?t|va|vont|allait|allaient)\s+(?:\w+\s+){0,2}?"
        r"(?:être\s+)?(?:envoyés?|déployés?|dépêchés?|acheminés?|transférés?|arriver|rejoindre|atteindre|grimper"
        r"|augmenter|dépasser|suivre|envoyer|déployer|passer|portée?s?)",
        r"prévoit|prévoient|prévus?|prévues?|projette|projettent|s['’]apprête\w*|attendus?",
        r"dans\s+les\s+(?:prochains\s+jours|prochaines\s+semaines|prochains\s+mois)",
        r"compte\s+envoyer|compter\s+envoyer|envisage\w*", r"planifié\w*",
        r"(?:va|vont)\s+(?:\w+\s+)?(?:dépêcher|envoyer|déployer|fournir)", r"enverr\w+",
        r"déploier\w+", r"fournir(?:a|ont)", r"s['’]attend\w*", r"attend",
        r"arriveron?t", r"partiron?t", r"suivron?t",  # not "rejoindront": who is joined is no plan
        r"se\s+prépar\w*\s+(?:\w+\s+){0,2}?à\s+(?:en\s+|les\s+)?(?:envoyer|dépêcher|déployer)",
        r"promis\s+l['’]envoi",
        r"susceptibles?\s+de\s+(?:les\s+|le\s+)?(?:rejoindre|être\s+envoyés?|partir)",
        r"devai(?:en)?t\s+être\s+(?:rejoints?|envoyés?|déployés?|renforcés?)",
        r"devai(?:en)?t\s+(?:\w+\s+)?(?:rejoindre|arriver|suivre|partir)", r"tabl\w+\s+sur",
        r"doi(?:t|vent)\s+(?:suivre|arriver|partir|être\s+(?:envoyés?|déployés?|dépêchés?))"
    ],
    "period": [
        r"(?:sur\s+)?le\s+seul\s+mois\s+de", r"(?:la\s+seule|l['’]ensemble\s+de\s+la)\s+semaine", r"(?:pour\s+)?la\s+seule\s+nuit", r"en\s+quelques\s+heures", r"lors\s+d['’]un\s+unique\s+(?:assaut|raid|combat|bombardement|frappe|attaque)",
        r"lors\s+d['’]un\s+(?:seul\s+)?(?:assaut|raid|combat|bombardement|frappe|attaque)",
        r"au\s+cours\s+de\s+(?:cette|cet|la\s+même)\s+(?:attaque|assaut|offensive|bataille|journée|nuit)",
        r"en\s+(?:deux|trois|quatre|cinq|six|sept|huit|dix|\d+)\s+jours", r"lors\s+de\s+combats\s+(?:pour|près|autour)",
        r"depuis\s+le\s+début\s+(?:du|de\s+ce)\s+mois", r"depuis\s+le\s+début\s+de\s+(?:la|cette)\s+semaine",
        r"en\s+l['’]espace\s+d['’]une?\s+\w+", r"lors\s+d['’]assaut(?!s)", r"lors\s+des\s+combats\s+(?:pour|près|autour)",
        r"en\s+une\s+(?:seule\s+)?(?:semaine|journée|nuit)", r"en\s+un\s+(?:seul\s+)?mois",
        r"(?:au\s+cours\s+des|pendant\s+les|durant\s+les)\s+(?:\w+\s+)?derni(?:ers|ères)\s+(?:jours|semaines|heures|mois)",
        r"du\s+seul\s+mois\s+de", r"par\s+(?:mois|semaine)", r"chaque\s+(?:mois|semaine)",
        r"lors\s+d(?:es|u)\s+seuls?\s+combats?", r"en\s+(?:24|48)\s+heures",
        r"au\s+cours\s+des\s+(?:dernières\s+)?(?:24|48)\s+heures",
        r"(?:lors|au\s+cours)\s+d['’]une?\s+(?:seule\s+)?(?:assaut|attaque|frappe|combat"
        r"|bataille|offensive|embuscade)",
        r"en\s+une\s+seule\s+(?:attaque|frappe|bataille)", r"par\s+jour",
        r"en\s+un\s+(?:seul\s+)?(?:jour|assaut|combat)",
        r"(?:par|lors\s+d['’])\s*une\s+(?:seule\s+)?frappe", r"par\s+un\s+(?:tir|bombardement)",
        r"en\s+un\s+week-end",
        r"lors\s+de\s+l['’](?:assaut|attaque|offensive|opération)",
        r"(?:lors|au\s+cours)\s+du\s+(?:premier\s+|dernier\s+|seul\s+)?(?:assaut|combat|raid"
        r"|bombardement|accrochage)",
        r"(?:au\s+cours\s+de|pendant)\s+la\s+(?:seule\s+)?nuit", r"engagés\s+dans\s+l['’]assaut",
        r"(?:le\s+)?bilan\s+(?:du\s+mois\s+)?(?:de|d['’])\s*(?:janvier|février|mars|avril|mai|juin"
        r"|juillet|août|septembre|octobre|novembre|décembre)",
    ],
    "dated": [
        r"du\s+\d{1,2}(?:er)?\s+au\s+\d{1,2}\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)",
        r"entre\s+le\s+\d{1,2}(?:er)?\s+et\s+le\s+\d{1,2}\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)",
        r"(?:au\s+cours\s+du|pendant\s+le|ce|le)\s+week-end",
        r"la\s+semaine\s+dernière", r"dans\s+la\s+nuit",
        r"(?:sur|pendant|durant|au\s+cours\s+de)\s+la\s+même\s+période", r"(?:cette|la)\s+nuit\s+dernière",
        r"ce\s+week-end",
        r"le\s+week-end\s+dernier",
    ],
    "attr_pre": [r"selon", r"d['’]après", r"de\s+source", r"a\s+déclaré", r"a\s+indiqué",
                 r"a\s+affirmé", r"a\s+estimé", r"estime", r"affirme", r"indique",
                 r"de\s+l['’]avis\s+de", r"(?:établi|dressé)\s+par"],
    "attr_post": [
        r"a\s+ramené(?=\s+(?:de|à)\s)", r"a\s+révisé", r"a\s+revu", r"a\s+corrigé",
        r"a\s+déclaré", r"ont\s+déclaré", r"a\s+indiqué", r"ont\s+indiqué", r"a\s+affirmé",
        r"ont\s+affirmé", r"a\s+estimé", r"ont\s+estimé", r"estime", r"estiment",
        r"a\s+rapporté", r"rapporte", r"a\s+annoncé", r"annonce", r"affirme", r"affirment",
        r"indique", r"indiquent", r"a\s+précisé", r"précise", r"a\s+assuré", r"assure",
        r"a\s+ajouté", r"déclare", r"a\s+fait\s+savoir", r"a\s+confié", r"ont\s+confié", r"confie",
        r"a\s+expliqué", r"explique", r"a\s+raconté", r"a\s+souligné", r"souligne", r"a\s+confirmé", r"confirme",
        r"a\s+averti", r"avertit", r"évalue", r"a\s+évalué", r"dit", r"a\s+dit", r"ont\s+dit",
        r"a\s+écrit", r"a\s+révélé", r"a\s+rapporté", r"ont\s+rapporté", r"chiffre",
        r"évoque", r"reconnaît", r"a\s+reconnu", r"table\s+sur", r"s['’]attend", r"craint",
        r"relève", r"souligne", r"note", r"avance", r"compte", r"attend", r"juge",
        r"évaluent", r"a\s+diffusé", r"a\s+publié", r"publie", r"(?:a|avait)\s+(?:\w+\s+)?parlé\s+de",
        r"parle\s+de", r"a\s+évoqué", r"avait\s+évoqué", r"dénombre", r"a\s+dénombré",
        r"recense", r"a\s+recensé", r"(?:a|ont)\s+fait\s+valoir", r"fait\s+valoir",
        r"(?:annonç|évalu|chiffr|estim|affirm|indiqu|déclar|assur|dénombr|recens|avanç)ai(?:en)?t",
        r"(?:a|avait|ont|avaient)\s+(?:\w+\s+)?(?:avancé|repéré|recensé|dénombré|chiffré|évalué"
        r"|annoncé|indiqué|affirmé|déclaré)", r"f(?:ait|aisait|asse|ont)\s+(?:\w+\s+){0,3}?état",
    ],
    "attr_origin": [r"citant", r"en\s+citant", r"qui\s+cite", r"se\s+fondant\s+sur", r"reprenant",
                    r"s['’]appuyant\s+sur", r"cité\w*\s+par", r"rapporté\w*\s+par",
                    r"annoncé\w*\s+(?:\w+\s+){0,2}?par"],
    "refs": {
        "person": [r"selon\s+(?:lui|elle)", r"d['’]après\s+(?:lui|elle)",
                   r"a-t-(?:il|elle)\s+(?:déclaré|ajouté|précisé|indiqué|affirmé|dit|estimé|poursuivi|souligné|assuré|expliqué)",
                   r"(?:il|elle)\s+a\s+(?:déclaré|ajouté|précisé|indiqué|affirmé|dit|estimé|poursuivi|souligné|assuré|expliqué)",
                   r"le\s+(?:ministre|président|responsable|porte-parole|général)"],
        "agency": [r"l['’]agence", r"le\s+service", r"le\s+renseignement",
                   r"les\s+services\s+de\s+renseignement", r"selon\s+l['’]agence"],
        "ministry": [r"le\s+ministère", r"selon\s+le\s+ministère"],
        "any": [r"selon\s+(?:eux|elles)", r"selon\s+la\s+même\s+source",
                r"selon\s+(?:ce|le)\s+(?:rapport|document|bilan)",
                r"(?:ils|elles)\s+ont\s+(?:déclaré|ajouté|précisé|indiqué|affirmé|dit)",
                r"ont-(?:ils|elles)\s+(?:déclaré|ajouté|précisé|indiqué|affirmé)",
                r"précise-t-on", r"indique-t-on", r"ajoute-t-on"],
    },
    "forward": [r"c['’]est\s+ce\s+qu"],
    "unnamed": [r"(?:responsables|sources|estimations|renseignements?|services|diplomates"
                r"|analystes)\s+occidenta\w+",
                r"(?:sources|personnes)\s+(?:proches?\s+(?:du|de\s+la|des)\s+(?:dossier|négociations|discussions)|au\s+fait\s+du\s+dossier)"],
    "relay": [r"députés?", r"parlementaires?", r"commission\s+du\s+renseignement",
              r"huis\s+clos", r"briefing", r"informés"],
    "offices": [r"(?!)"],
    # "a déclaré à l'AFP", "dans un entretien au Monde": the outlet spoken to, not the speaker
    "addressee": [r"(?:déclaré|dit|confié|indiqué|affirmé|expliqué|assuré|précisé|raconté|"
                  r"déclare|dit|confie|indique|affirme|explique|assure|précise|raconte)\s+(?:à|au|aux)",
                  r"(?:entretien|interview)\s+(?:accordée?\s+)?(?:à|au|aux|avec)", r"interrogée?s?\s+par"],
    "comitative": [r"avec"],
    "own_view": [r"à\s+titre\s+personnel", r"selon\s+sa\s+propre\s+(?:estimation|évaluation|analyse)", r"(?:d['’]après|selon)\s+(?:nos|ses|leurs)\s+propres\s+(?:données|chiffres|estimations|informations|calculs)"],
    "against": [r"contre\s+(?:les\s+)?", r"face\s+aux?\s+(?:les\s+)?"],
    "relative": [r"qui"],
    "gap_to": [r"à"],
    "article": [r"le\s+", r"la\s+", r"les\s+", r"l['’]"],
    "cited_by": [r",?\s*(?:cité|citée|cités|citées|repris|reprise|relayé|relayée)\s+par"],
    "denial": [r"(?:a\s+)?démenti|(?:a\s+)?rejeté|rejette|(?:a\s+)?balayé",
               r"qualifi\w+\s+(?:\S+\s+){0,4}?[«\"„“]?\s?(?:mensong|fantaisist|fantaisi|propagande|invention|fabul)\w*"],
    "figures_of": [r"(?:chiffres?|estimations?|informations?|bilan|affirmations?)\s+(?:de|du|des|d['’])\s*(?:la\s+|l['’])?(?:\w+\s+){0,2}"],
    "compared": [r"(?!)"],
    "bare_ministry": [r"(?!)"],
    "contrast": [r"mais", r"tandis\s+que", r"alors\s+que", r"cependant", r"toutefois"],
    "running": [r"depuis", r"au\s+total", r"en\s+tout", r"portant", r"jusqu['’]ici", r"au\s+cumul", r"dans\s+l['’]ensemble"],
    "conj": [r"et", r"mais", r"tandis\s+que", r"alors\s+que", r"cependant", r"toutefois",
             r"ainsi\s+que"],
    "gov": {
        "ukraine": [r"(?:responsables|autorités|officiels|sources|militaires|armée|forces"
                    r"|gouvernement|côté|commandants?|officiers?|porte-parole|troupes|soldats"
                    r"|unité)\s+ukrainien(?:ne)?s?", r"kiev", r"kyiv",
                    r"(?:à|de)\s+(?:kiev|kyiv)", r"(?:bureau|cabinet)\s+du\s+président\s+ukrainien",
                    r"présidence\s+ukrainienne"],
        "south_korea": [r"(?:responsables|autorités|officiels|sources|gouvernement|député"
                        r"|présidence|président|armée)\s+sud-coréen(?:ne)?s?",
                        r"sources?\s+gouvernementales?\s+sud-coréennes?",
                        r"(?:à|de)\s+séoul", r"séoul"],
        "us": [r"(?:responsables|autorités|officiels|sources|gouvernement|administration|renseignement)"
               r"\s+américain(?:e)?s?", r"(?:à|de)\s+washington"],
        "russia": [r"(?:responsables|autorités|officiels|gouvernement|côté)\s+russes?",
                   r"(?:à|de)\s+moscou", r"moscou"],
        "dprk": [r"(?:médias\s+d['’]état|autorités|gouvernement|régime)\s+nord-coréen(?:ne)?s?",
                 r"pyongyang"],
        "uk": [r"(?:responsables|gouvernement)\s+britanniques?", r"londres"],
    },
    "roles": {
        "volodymyr_zelensky": [r"(?:le\s+)?président\s+ukrainien",
                               r"président\s+de\s+l['’]ukraine"],
        "vladimir_putin": [r"(?:le\s+)?président\s+russe", r"président\s+de\s+la\s+russie"],
        "kim_jong_un": [r"(?:le\s+)?dirigeant\s+nord-coréen", r"leader\s+nord-coréen"],
        "kyrylo_budanov": [r"chef\s+du\s+renseignement\s+militaire\s+ukrainien",
                           r"patron\s+du\s+(?:gur|renseignement\s+militaire\s+ukrainien)"],
        "sergei_shoigu": [r"secrétaire\s+du\s+conseil\s+de\s+sécurité(?:\s+russe)?"],
    },
}
