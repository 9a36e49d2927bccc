"""The demo collection: what one opinion article says about 19–20 January 1990 in Baku.

Written from the article “Azerbaijan remembers January 20” for this archive. The archive's
own sentences are neutral and attribute every contested statement to the article; the article's
words appear only as short quotations on citations and claims. No other source is added: an
archive never invents a citation.
"""

SOURCE_SLUG = "azerbaijan-remembers-january-20"

SOURCE = {
    "slug": SOURCE_SLUG,
    "title": "Azerbaijan remembers January 20",
    "kind": "opinion-piece",
    # Unknown is a state, not a name: no export gives the article an author or a magazine.
    "creators_unknown": True,
    "creators_text": "the article names no writer",
    "container_title": "",
    "language": "en",
    "date": "",
    "abstract": (
        "An opinion article on the events of 19–20 January 1990 in Baku, which it calls the "
        "January tragedy. It traces them to territorial claims on Nagorno-Karabakh from 1987 and "
        "the protests of 1988, describes the entry of Soviet troops into Baku on the night of "
        "19 to 20 January 1990 and gives figures for the dead, wounded and arrested, recounts "
        "Heydar Aliyev's statement in Moscow on 21 January 1990, and mentions the investigations "
        "begun in 1993."
    ),
    "criticism_note": (
        "An opinion piece, not a report. It names neither its author nor its publication and "
        "carries no date. It writes from an Azerbaijani national perspective, in strongly "
        "evaluative language (“terrorist savagery attack”, “insidious policy”), and gives its "
        "figures without saying where they come from. It closes with the publication's own "
        "disclaimer: “The views expressed in this article are the writer’s own and do not "
        "necessarily represent the position of this magazine.” Its statements are recorded here "
        "as what this article says, attributed to it, not as established facts. Locators count the "
        "article's body paragraphs (para.), leaving out its heading and photograph caption."
    ),
}

PLACES = [
    {
        "slug": "azerbaijan",
        "name": "Azerbaijan",
        "kind": "country",
        "latitude": "40.143100",
        "longitude": "47.576900",
        "names": [
            ("Azərbaycan", "az", "Latn", "native"),
            ("Азербайджан", "ru", "Cyrl", "translation"),
        ],
        "identifiers": [("wikidata", "Q227")],
    },
    {
        "slug": "baku",
        "name": "Baku",
        "kind": "city",
        "parent": "azerbaijan",
        "latitude": "40.409300",
        "longitude": "49.867100",
        "names": [("Bakı", "az", "Latn", "native"), ("Баку", "ru", "Cyrl", "translation")],
        "identifiers": [("wikidata", "Q9248")],
    },
    {
        "slug": "nagorno-karabakh",
        "name": "Nagorno-Karabakh",
        "kind": "region",
        "latitude": "39.833300",
        "longitude": "46.750000",
        "names": [
            ("Dağlıq Qarabağ", "az", "Latn", "native"),
            ("Нагорный Карабах", "ru", "Cyrl", "translation"),
            ("Լեռնային Ղարաբաղ", "hy", "Armn", "native"),
        ],
        "identifiers": [("wikidata", "Q22140")],
        "description": (
            "A mountainous region in the South Caucasus. The source calls it the "
            "“Nagorno-Karabakh Autonomous region of Azerbaijan” and describes claims to it from "
            "1987 [@azerbaijan-remembers-january-20, paras. 2–3]."
        ),
    },
    {
        "slug": "armenia",
        "name": "Armenia",
        "kind": "country",
        "latitude": "40.069100",
        "longitude": "45.038200",
        "names": [
            ("Հայաստան", "hy", "Armn", "native"),
            ("Ermənistan", "az", "Latn", "translation"),
        ],
        "identifiers": [("wikidata", "Q399")],
    },
    {
        "slug": "moscow",
        "name": "Moscow",
        "kind": "city",
        "latitude": "55.755800",
        "longitude": "37.617300",
        "names": [("Москва", "ru", "Cyrl", "native"), ("Moskva", "az", "Latn", "translation")],
        "identifiers": [("wikidata", "Q649")],
    },
]

PEOPLE = [
    {
        "slug": "mikhail-gorbachev",
        "name": "Mikhail Gorbachev",
        "sort_name": "Gorbachev, Mikhail",
        "summary": "Leader of the Soviet Union; named in the source as its President in 1990.",
        "names": [
            ("Михаил Сергеевич Горбачёв", "ru", "Cyrl", "native"),
            ("Mikhail Sergeyevich Gorbachev", "en", "Latn", "transliteration"),
            ("Mixail Qorbaçov", "az", "Latn", "transliteration"),
        ],
        "identifiers": [("wikidata", "Q30487")],
        "biography": (
            "The source describes him as “the then USSR leader” and as USSR President, and "
            "refers to his policy of reconstruction (perestroika) "
            "[@azerbaijan-remembers-january-20, para. 3]. According to the source, the Soviet "
            "army's action in Baku on 19–20 January 1990 was carried out on his order "
            "[@azerbaijan-remembers-january-20, para. 8]."
        ),
    },
    {
        "slug": "heydar-aliyev",
        "name": "Heydar Aliyev",
        "sort_name": "Aliyev, Heydar",
        "summary": "Azerbaijani politician; called “the National Leader of Azerbaijan” by the source.",
        "names": [
            ("Heydər Əliyev", "az", "Latn", "native"),
            ("Гейдар Алиев", "ru", "Cyrl", "translation"),
            ("Heydar Aliev", "en", "Latn", "transliteration"),
        ],
        "identifiers": [("wikidata", "Q57326")],
        "biography": (
            "According to the source, on 21 January 1990 he spoke at a meeting at Azerbaijan's "
            "representation in Moscow, said that he stood with his people, and called the events "
            "of 20 January an action against democracy and humanism "
            "[@azerbaijan-remembers-january-20, paras. 10–11]. The source says that after his return "
            "to political power in 1993, steps were taken to investigate the events "
            "[@azerbaijan-remembers-january-20, para. 13]."
        ),
    },
    {
        "slug": "ilham-aliyev",
        "name": "Ilham Aliyev",
        "sort_name": "Aliyev, Ilham",
        "summary": "President of Azerbaijan, as named in a photograph caption in the source.",
        "names": [
            ("İlham Əliyev", "az", "Latn", "native"),
            ("Ильхам Алиев", "ru", "Cyrl", "translation"),
        ],
        "identifiers": [("wikidata", "Q57328")],
        "biography": (
            "Named in a photograph caption in the source as President of Azerbaijan "
            "[@azerbaijan-remembers-january-20, caption]. The source does not describe a part "
            "he played in the events of 1990."
        ),
    },
    {
        "slug": "mehriban-aliyeva",
        "name": "Mehriban Aliyeva",
        "sort_name": "Aliyeva, Mehriban",
        "summary": "Vice President of Azerbaijan, as named in a photograph caption in the source.",
        "names": [
            ("Mehriban Əliyeva", "az", "Latn", "native"),
            ("Мехрибан Алиева", "ru", "Cyrl", "translation"),
        ],
        "identifiers": [("wikidata", "Q468786")],
        "biography": (
            "Named in a photograph caption in the source as Vice President of Azerbaijan "
            "[@azerbaijan-remembers-january-20, caption]. The source does not describe a part "
            "she played in the events of 1990."
        ),
    },
]

# Only the bodies the article itself names; the magazine it comes from stays unnamed (the
# article does not name it), so no organisation stands for it and it has no publisher.
ORGANISATIONS = [
    {
        "slug": "soviet-army",
        "name": "Soviet Army",
        "organisation_type": "army",
        "summary": "The armed forces of the Soviet Union, named in the source as “the Soviet army”.",
        "names": [
            ("Советская армия", "ru", "Cyrl", "native"),
            ("Sovet Ordusu", "az", "Latn", "translation"),
        ],
        "description": (
            "The source speaks of “the Soviet troops”, “the former Soviet military troops” and "
            "“the Soviet army” entering Baku on the night of 19 to 20 January 1990 "
            "[@azerbaijan-remembers-january-20, para. 6; @azerbaijan-remembers-january-20, "
            "para. 7; @azerbaijan-remembers-january-20, para. 8]."
        ),
    },
    {
        "slug": "government-of-the-soviet-union",
        "name": "Government of the Soviet Union",
        "organisation_type": "government",
        "summary": "The central government of the USSR, named in the source as “the Soviet government”.",
        "names": [("Правительство СССР", "ru", "Cyrl", "native")],
        "places": ["moscow"],
        "description": (
            "According to the source, the Soviet government sought to settle the question of "
            "Nagorno-Karabakh by diplomatic means in 1988 and failed, and the central government "
            "sent military forces against the protests [@azerbaijan-remembers-january-20, "
            "para. 4; @azerbaijan-remembers-january-20, para. 5]."
        ),
    },
    {
        "slug": "representation-of-azerbaijan-in-moscow",
        "name": "Representation of Azerbaijan in Moscow",
        "organisation_type": "other",
        "summary": "Named in the source as “Azerbaijan’s representation in Moscow”.",
        "names": [],
        "places": ["moscow"],
        "description": (
            "The source says that Heydar Aliyev spoke at a meeting at Azerbaijan's "
            "representation in Moscow on 21 January 1990 "
            "[@azerbaijan-remembers-january-20, para. 10]."
        ),
    },
]

EVENTS = [
    {
        "slug": "karabakh-claims-and-protests-1987-1988",
        "title": "Claims to Nagorno-Karabakh and the protests of 1987–1988",
        "event_type": "political-process",
        "date": "1987/1988",
        "places": ["nagorno-karabakh", "baku", "armenia"],
        "summary": (
            "Territorial claims to Nagorno-Karabakh and the mass protests in Azerbaijan that "
            "answered them, as the source tells it."
        ),
        "description": (
            "According to the source, Armenian academics and officials laid claim to the "
            "Karabakh region of Azerbaijan in 1987, and demands followed that Nagorno-Karabakh "
            "be joined to Armenia [@azerbaijan-remembers-january-20, para. 2; "
            "@azerbaijan-remembers-january-20, para. 3].\n\n"
            "The source says that in 1988 the Soviet government sought to settle the question "
            "by diplomatic means and failed, as Azerbaijanis came out into the streets in large "
            "numbers; it calls this the square movement, and says that troops sent by the "
            "central government suppressed the protests by force "
            "[@azerbaijan-remembers-january-20, para. 4; @azerbaijan-remembers-january-20, "
            "para. 5]."
        ),
        "participants": [
            (
                "mikhail-gorbachev",
                "named",
                "para. 2",
                "the policy pursued by the then USSR leader Mikhail Gorbachev",
            )
        ],
        "organisations": [
            (
                "government-of-the-soviet-union",
                "named",
                "para. 4",
                "the Soviet government had an intention to realize the Armenian policy by "
                "diplomatic means in 1988 but failed",
            ),
        ],
        "claims": [
            (
                "participants",
                "millions of Azerbaijanis",
                "para. 4",
                "millions of Azerbaijanis headed to the streets to protest",
            ),
        ],
    },
    {
        "slug": "baku-19-20-january-1990",
        "title": "Soviet troops in Baku, 19–20 January 1990",
        "event_type": "military-operation",
        "date": "1990-01-19/1990-01-20",
        "places": ["baku"],
        "parent": None,
        "summary": (
            "Soviet troops entered Baku on the night of 19 to 20 January 1990; the source "
            "reports civilians killed, wounded and arrested."
        ),
        "description": (
            "According to the source, Soviet troops entered Baku by land and sea from the late "
            "hours of 19 January into 20 January 1990 and used force against the population "
            "[@azerbaijan-remembers-january-20, para. 6; @azerbaijan-remembers-january-20, "
            "para. 7]. The source gives 147 civilians killed, among them children, women and "
            "the elderly, 744 wounded and 841 arrested "
            "[@azerbaijan-remembers-january-20, para. 7].\n\n"
            "The source states that the action was carried out on the order of USSR President "
            "Mikhail Gorbachev, and calls it a crime against humanity "
            "[@azerbaijan-remembers-january-20, para. 8]. The archive records these as the "
            "article's statements."
        ),
        "participants": [
            (
                "mikhail-gorbachev",
                "official",
                "para. 8",
                "carried out by the order of USSR President Mikhail Gorbachev",
            ),
        ],
        "organisations": [
            (
                "soviet-army",
                "acting-unit",
                "para. 7",
                "the former Soviet military troops attacked Baku by the land and sea",
            ),
        ],
        "claims": [
            (
                "killed",
                147,
                "para. 7",
                "147 innocent civilians including the children, women, and the old were killed",
            ),
            ("wounded", 744, "para. 7", "744 were wounded"),
            ("arrested", 841, "para. 7", "841 were illegally arrested"),
            (
                "ordered-by",
                "Mikhail Gorbachev, President of the USSR",
                "para. 8",
                "carried out by the order of USSR President Mikhail Gorbachev",
            ),
        ],
    },
    {
        "slug": "baku-media-blockade-january-1990",
        "title": "News blockade and the destruction of the broadcasting power unit in Baku",
        "event_type": "military-operation",
        "date": "1990-01-19/1990-01-20",
        "places": ["baku"],
        "parent": "baku-19-20-january-1990",
        "summary": (
            "The source says news was blockaded during the events and the power unit of radio "
            "and television was blown up."
        ),
        "description": (
            "According to the source, news was put under a blockade during the events of "
            "20 January, the power unit of the radio and television was blown up by armed men, "
            "and the media were banned; the source holds that the aim was to keep people "
            "unaware of what had happened [@azerbaijan-remembers-january-20, para. 9]."
        ),
        "participants": [],
        "claims": [
            (
                "carried-out-by",
                "armed militants",
                "para. 9",
                "a power block of radio and television was brutally exploded by armed militants",
            ),
        ],
    },
    {
        "slug": "heydar-aliyev-moscow-statement-1990",
        "title": "Heydar Aliyev's statement in Moscow, 21 January 1990",
        "event_type": "speech",
        "date": "1990-01-21",
        "places": ["moscow"],
        "summary": (
            "Heydar Aliyev spoke at Azerbaijan's representation in Moscow about the events in "
            "Baku, according to the source."
        ),
        "description": (
            "According to the source, on 21 January 1990 Heydar Aliyev came to Azerbaijan's "
            "representation in Moscow and spoke at a meeting there. He said that he stood with "
            "his people, and described the events of 20 January as an action against democracy "
            "and humanism and a gross political mistake by the leadership of the time "
            "[@azerbaijan-remembers-january-20, para. 10; @azerbaijan-remembers-january-20, "
            "para. 11]. The source says the text of the speech was widely circulated in "
            "Azerbaijan and abroad [@azerbaijan-remembers-january-20, para. 12]."
        ),
        "participants": [
            (
                "heydar-aliyev",
                "speaker",
                "para. 10",
                "Heydar Aliyev, the National Leader of Azerbaijan arrived in Azerbaijan’s representation in Moscow and spoke at the meeting",
            ),
        ],
        "organisations": [
            (
                "representation-of-azerbaijan-in-moscow",
                "host",
                "para. 10",
                "arrived in Azerbaijan’s representation in Moscow and spoke at the meeting",
            ),
        ],
        "claims": [
            (
                "date",
                "1990-01-21",
                "para. 10",
                "on January 21, Heydar Aliyev, the National Leader of Azerbaijan arrived",
            ),
        ],
        "relations": [("responded-to", "baku-19-20-january-1990")],
    },
    {
        "slug": "january-20-investigations-from-1993",
        "title": "Investigations into the events of January 1990, from 1993",
        "event_type": "investigation",
        "date": "1993/..",
        "places": ["azerbaijan"],
        "summary": (
            "Steps to investigate the causes of the January 1990 events and to punish those "
            "responsible, taken from 1993 according to the source."
        ),
        "description": (
            "According to the source, after Heydar Aliyev returned to political power in 1993, "
            "steps were taken to investigate the causes of the events of 20 January and to "
            "sentence those responsible, and to inform the world about them "
            "[@azerbaijan-remembers-january-20, para. 13; @azerbaijan-remembers-january-20, "
            "para. 14]. The source does not name the bodies that investigated or their findings."
        ),
        "participants": [
            (
                "heydar-aliyev",
                "official",
                "para. 13",
                "after the return of the national leader Heydar Aliyev to political power",
            ),
        ],
        "claims": [
            ("date", "1993", "para. 13", "In 1993, after the return of the national leader"),
        ],
        "relations": [("investigated", "baku-19-20-january-1990")],
    },
]

# People named only in the photograph caption are cited on their own records.
PERSON_CITATIONS = [
    (
        "ilham-aliyev",
        "caption",
        "Mehriban Aliyeva, Vice President of Azerbaijan (R) with the President of Azerbaijan, "
        "Ilham Aliyev (L)",
    ),
    (
        "mehriban-aliyeva",
        "caption",
        "Mehriban Aliyeva, Vice President of Azerbaijan (R) with the President of Azerbaijan, "
        "Ilham Aliyev (L)",
    ),
]
