"""The demo collection's own texts in Azerbaijani and Russian (issue 13, point 7).

Careful translations of the English texts in `events.demo`, adding no fact: every statement the
English attributes to the article stays attributed to it (“Mənbəyə görə, …”, “По словам
источника, …”). Citation markers are kept exactly as in English (same keys, locators, order;
the locator word “para.” is the archive's, not a language's). The article was published in
English, so its words quoted in “…” stay in English, inside the same marks. Names follow the
demo's own name variants (Heydər Əliyev, Гейдар Алиев; Bakı, Баку).

`TRANSLATIONS[language][(kind, slug)]` holds, for every demo record, the fields named in
`TRANSLATED_FIELDS[kind]` (a place only where the demo writes the field). A source's `title`
stays as published; its translation goes to `translated_title`.
"""

# The archive-written fields of each kind of demo record, as keyed in events.demo's dicts.
TRANSLATED_FIELDS = {
    "source": ("translated_title", "abstract", "criticism_note"),
    "place": ("name", "description"),
    "person": ("summary", "biography"),
    "organisation": ("name", "summary", "description"),
    "event": ("title", "summary", "description"),
}

S = "@azerbaijan-remembers-january-20"

TRANSLATIONS = {
    "az": {
        ("source", "azerbaijan-remembers-january-20"): {
            "translated_title": "Azərbaycan 20 Yanvarı xatırlayır",
            "abstract": (
                "Bakıda 1990-cı il yanvarın 19–20-də baş vermiş hadisələr haqqında rəy məqaləsi; "
                "məqalə onları Yanvar faciəsi adlandırır. Hadisələrin kökünü 1987-ci ildən "
                "Dağlıq Qarabağa dair irəli sürülən ərazi iddiaları və 1988-ci il etirazları ilə "
                "izah edir, 1990-cı il yanvarın 19-dan 20-nə keçən gecə sovet qoşunlarının Bakıya "
                "daxil olmasını təsvir edir və həlak olanların, yaralananların və həbs "
                "edilənlərin sayını göstərir, Heydər Əliyevin 1990-cı il yanvarın 21-də Moskvada "
                "etdiyi bəyanatı nəql edir və 1993-cü ildə başlanmış istintaqdan bəhs edir."
            ),
            "criticism_note": (
                "Reportaj deyil, rəy məqaləsidir. Nə müəllifini, nə də dərc olunduğu nəşri "
                "göstərir, tarixi də yoxdur. Azərbaycanın milli mövqeyindən, kəskin "
                "qiymətləndirici dillə (“terrorist savagery attack”, “insidious policy”) yazılıb "
                "və rəqəmləri haradan götürdüyünü demədən verir. Nəşrin öz qeydi ilə bitir: "
                "“The views expressed in this article are the writer’s own and do not "
                "necessarily represent the position of this magazine.” Məqalənin ifadələri "
                "burada müəyyən olunmuş fakt kimi deyil, bu məqalənin dedikləri kimi, ona "
                "istinadla qeyd edilir. Yer göstəriciləri məqalənin əsas mətnindəki abzasları "
                "sayır (para.), başlığı və fotoşəkil altı yazını nəzərə almır."
            ),
        },
        ("place", "azerbaijan"): {"name": "Azərbaycan"},
        ("place", "baku"): {"name": "Bakı"},
        ("place", "nagorno-karabakh"): {
            "name": "Dağlıq Qarabağ",
            "description": (
                "Cənubi Qafqazda dağlıq bölgə. Mənbə onu “Nagorno-Karabakh Autonomous region of "
                "Azerbaijan” adlandırır və 1987-ci ildən ona dair irəli sürülən iddiaları təsvir "
                f"edir [{S}, paras. 2–3]."
            ),
        },
        ("place", "armenia"): {"name": "Ermənistan"},
        ("place", "moscow"): {"name": "Moskva"},
        ("person", "mikhail-gorbachev"): {
            "summary": "Sovet İttifaqının rəhbəri; mənbədə onun 1990-cı ildəki Prezidenti kimi "
            "adı çəkilir.",
            "biography": (
                "Mənbə onu “the then USSR leader” və SSRİ Prezidenti kimi təqdim edir, onun "
                f"yenidənqurma (perestroyka) siyasətindən bəhs edir [{S}, para. 3]. Mənbəyə görə, "
                "sovet ordusunun 1990-cı il yanvarın 19–20-də Bakıdakı hərəkəti onun əmri ilə "
                f"həyata keçirilib [{S}, para. 8]."
            ),
        },
        ("person", "heydar-aliyev"): {
            "summary": "Azərbaycan siyasətçisi; mənbə onu “the National Leader of Azerbaijan” "
            "adlandırır.",
            "biography": (
                "Mənbəyə görə, o, 1990-cı il yanvarın 21-də Azərbaycanın Moskvadakı "
                "nümayəndəliyində keçirilən yığıncaqda çıxış edib, xalqı ilə birlikdə olduğunu "
                "bildirib və 20 Yanvar hadisələrini demokratiyaya və humanizmə qarşı hərəkət "
                f"adlandırıb [{S}, paras. 10–11]. Mənbədə deyilir ki, onun 1993-cü ildə siyasi "
                f"hakimiyyətə qayıdışından sonra hadisələrin araşdırılması üçün addımlar atılıb "
                f"[{S}, para. 13]."
            ),
        },
        ("person", "ilham-aliyev"): {
            "summary": "Azərbaycan Prezidenti — mənbədəki fotoşəkil altı yazıda belə adlandırılır.",
            "biography": (
                "Mənbədəki fotoşəkil altı yazıda Azərbaycan Prezidenti kimi adı çəkilir "
                f"[{S}, caption]. Mənbə onun 1990-cı il hadisələrində hansısa rol oynadığını "
                "təsvir etmir."
            ),
        },
        ("person", "mehriban-aliyeva"): {
            "summary": "Azərbaycanın vitse-prezidenti — mənbədəki fotoşəkil altı yazıda belə "
            "adlandırılır.",
            "biography": (
                "Mənbədəki fotoşəkil altı yazıda Azərbaycanın vitse-prezidenti kimi adı çəkilir "
                f"[{S}, caption]. Mənbə onun 1990-cı il hadisələrində hansısa rol oynadığını "
                "təsvir etmir."
            ),
        },
        ("organisation", "soviet-army"): {
            "name": "Sovet Ordusu",
            "summary": "Sovet İttifaqının silahlı qüvvələri; mənbədə “the Soviet army” kimi adı "
            "çəkilir.",
            "description": (
                "Mənbə 1990-cı il yanvarın 19-dan 20-nə keçən gecə Bakıya daxil olan “the Soviet "
                "troops”, “the former Soviet military troops” və “the Soviet army” haqqında "
                f"danışır [{S}, para. 6; {S}, para. 7; {S}, para. 8]."
            ),
        },
        ("organisation", "government-of-the-soviet-union"): {
            "name": "SSRİ hökuməti",
            "summary": "SSRİ-nin mərkəzi hökuməti; mənbədə “the Soviet government” kimi adı "
            "çəkilir.",
            "description": (
                "Mənbəyə görə, sovet hökuməti 1988-ci ildə Dağlıq Qarabağ məsələsini diplomatik "
                "yolla həll etməyə çalışıb, lakin buna nail olmayıb, mərkəzi hökumət isə "
                f"etirazlara qarşı hərbi qüvvələr göndərib [{S}, para. 4; {S}, para. 5]."
            ),
        },
        ("organisation", "representation-of-azerbaijan-in-moscow"): {
            "name": "Azərbaycanın Moskvadakı nümayəndəliyi",
            "summary": "Mənbədə “Azerbaijan’s representation in Moscow” kimi adı çəkilir.",
            "description": (
                "Mənbədə deyilir ki, Heydər Əliyev 1990-cı il yanvarın 21-də Azərbaycanın "
                f"Moskvadakı nümayəndəliyində keçirilən yığıncaqda çıxış edib [{S}, para. 10]."
            ),
        },
        ("event", "karabakh-claims-and-protests-1987-1988"): {
            "title": "Dağlıq Qarabağa dair iddialar və 1987–1988-ci illərin etirazları",
            "summary": (
                "Mənbənin təsvir etdiyi kimi, Dağlıq Qarabağa dair ərazi iddiaları və onlara "
                "cavab olaraq Azərbaycanda keçirilən kütləvi etirazlar."
            ),
            "description": (
                "Mənbəyə görə, 1987-ci ildə erməni alimləri və rəsmi şəxsləri Azərbaycanın "
                "Qarabağ bölgəsinə iddia irəli sürüb, ardınca Dağlıq Qarabağın Ermənistana "
                f"birləşdirilməsi tələbləri gəlib [{S}, para. 2; {S}, para. 3].\n\n"
                "Mənbədə deyilir ki, 1988-ci ildə sovet hökuməti məsələni diplomatik yolla həll "
                "etməyə çalışıb, lakin azərbaycanlılar kütləvi şəkildə küçələrə çıxdığı üçün buna "
                "nail olmayıb; mənbə bunu meydan hərəkatı adlandırır və bildirir ki, mərkəzi "
                "hökumətin göndərdiyi qoşunlar etirazları güc tətbiq etməklə yatırıb "
                f"[{S}, para. 4; {S}, para. 5]."
            ),
        },
        ("event", "baku-19-20-january-1990"): {
            "title": "Sovet qoşunları Bakıda, 1990-cı il 19–20 yanvar",
            "summary": (
                "Sovet qoşunları 1990-cı il yanvarın 19-dan 20-nə keçən gecə Bakıya daxil olub; "
                "mənbə mülki şəxslərin həlak olduğunu, yaralandığını və həbs edildiyini bildirir."
            ),
            "description": (
                "Mənbəyə görə, sovet qoşunları 1990-cı il yanvarın 19-nun gec saatlarından 20-nə "
                "keçən gecə Bakıya quru və dəniz yolu ilə daxil olub və əhaliyə qarşı güc tətbiq "
                f"edib [{S}, para. 6; {S}, para. 7]. Mənbə 147 mülki şəxsin, o cümlədən "
                "uşaqların, qadınların və yaşlıların həlak olduğunu, 744 nəfərin yaralandığını "
                f"və 841 nəfərin həbs edildiyini göstərir [{S}, para. 7].\n\n"
                "Mənbədə bildirilir ki, bu hərəkət SSRİ Prezidenti Mixail Qorbaçovun əmri ilə "
                "həyata keçirilib; mənbə onu insanlığa qarşı cinayət adlandırır "
                f"[{S}, para. 8]. Arxiv bunları məqalənin ifadələri kimi qeyd edir."
            ),
        },
        ("event", "baku-media-blockade-january-1990"): {
            "title": "Bakıda informasiya blokadası və radio-televiziya enerji blokunun dağıdılması",
            "summary": (
                "Mənbədə deyilir ki, hadisələr zamanı xəbərlərə blokada qoyulub, radio və "
                "televiziyanın enerji bloku partladılıb."
            ),
            "description": (
                "Mənbəyə görə, 20 Yanvar hadisələri zamanı xəbərlərə blokada qoyulub, radio və "
                "televiziyanın enerji bloku silahlı şəxslər tərəfindən partladılıb, kütləvi "
                "informasiya vasitələri qadağan edilib; mənbənin fikrincə, məqsəd insanları baş "
                f"verənlərdən xəbərsiz saxlamaq idi [{S}, para. 9]."
            ),
        },
        ("event", "heydar-aliyev-moscow-statement-1990"): {
            "title": "Heydər Əliyevin Moskvada bəyanatı, 1990-cı il 21 yanvar",
            "summary": (
                "Mənbəyə görə, Heydər Əliyev Azərbaycanın Moskvadakı nümayəndəliyində Bakıdakı "
                "hadisələr barədə çıxış edib."
            ),
            "description": (
                "Mənbəyə görə, 1990-cı il yanvarın 21-də Heydər Əliyev Azərbaycanın Moskvadakı "
                "nümayəndəliyinə gəlib və orada keçirilən yığıncaqda çıxış edib. O, xalqı ilə "
                "birlikdə olduğunu bildirib, 20 Yanvar hadisələrini demokratiyaya və humanizmə "
                "qarşı hərəkət və o dövrün rəhbərliyinin kobud siyasi səhvi kimi qiymətləndirib "
                f"[{S}, para. 10; {S}, para. 11]. Mənbədə deyilir ki, çıxışın mətni Azərbaycanda "
                f"və xaricdə geniş yayılıb [{S}, para. 12]."
            ),
        },
        ("event", "january-20-investigations-from-1993"): {
            "title": "1990-cı il Yanvar hadisələrinin istintaqı, 1993-cü ildən",
            "summary": (
                "Mənbəyə görə, 1993-cü ildən 1990-cı il Yanvar hadisələrinin səbəblərini "
                "araşdırmaq və məsuliyyət daşıyanları cəzalandırmaq üçün atılan addımlar."
            ),
            "description": (
                "Mənbəyə görə, Heydər Əliyev 1993-cü ildə siyasi hakimiyyətə qayıtdıqdan sonra "
                "20 Yanvar hadisələrinin səbəblərini araşdırmaq, məsuliyyət daşıyanları məhkum "
                "etmək və dünyanı bu hadisələr barədə məlumatlandırmaq üçün addımlar atılıb "
                f"[{S}, para. 13; {S}, para. 14]. Mənbə istintaqı aparan orqanların adlarını və "
                "onların nəticələrini göstərmir."
            ),
        },
    },
    "ru": {
        ("source", "azerbaijan-remembers-january-20"): {
            "translated_title": "Азербайджан помнит 20 января",
            "abstract": (
                "Статья-мнение о событиях 19–20 января 1990 года в Баку, которые она называет "
                "январской трагедией. Их истоки статья видит в территориальных притязаниях на "
                "Нагорный Карабах начиная с 1987 года и в протестах 1988 года; она описывает ввод "
                "советских войск в Баку в ночь с 19 на 20 января 1990 года, приводит число "
                "погибших, раненых и арестованных, пересказывает заявление Гейдара Алиева в "
                "Москве 21 января 1990 года и упоминает расследования, начатые в 1993 году."
            ),
            "criticism_note": (
                "Статья-мнение, а не репортаж. В ней не названы ни автор, ни издание, и нет даты. "
                "Она написана с азербайджанской национальной точки зрения, в резко оценочных "
                "выражениях (“terrorist savagery attack”, “insidious policy”), а цифры приводит, "
                "не говоря, откуда они взяты. Завершается она оговоркой самого издания: “The "
                "views expressed in this article are the writer’s own and do not necessarily "
                "represent the position of this magazine.” Её утверждения записаны здесь как "
                "сказанное в этой статье, со ссылкой на неё, а не как установленные факты. "
                "Указатели места отсчитывают абзацы основного текста статьи (para.), не считая "
                "заголовка и подписи к фотографии."
            ),
        },
        ("place", "azerbaijan"): {"name": "Азербайджан"},
        ("place", "baku"): {"name": "Баку"},
        ("place", "nagorno-karabakh"): {
            "name": "Нагорный Карабах",
            "description": (
                "Горный регион на Южном Кавказе. Источник называет его “Nagorno-Karabakh "
                "Autonomous region of Azerbaijan” и описывает притязания на него начиная с "
                f"1987 года [{S}, paras. 2–3]."
            ),
        },
        ("place", "armenia"): {"name": "Армения"},
        ("place", "moscow"): {"name": "Москва"},
        ("person", "mikhail-gorbachev"): {
            "summary": "Руководитель Советского Союза; в источнике назван его президентом "
            "в 1990 году.",
            "biography": (
                "Источник называет его “the then USSR leader” и президентом СССР и упоминает его "
                f"политику перестройки [{S}, para. 3]. По словам источника, действия советской "
                "армии в Баку 19–20 января 1990 года были осуществлены по его приказу "
                f"[{S}, para. 8]."
            ),
        },
        ("person", "heydar-aliyev"): {
            "summary": "Азербайджанский политик; источник называет его “the National Leader of "
            "Azerbaijan”.",
            "biography": (
                "По словам источника, 21 января 1990 года он выступил на собрании в "
                "представительстве Азербайджана в Москве, заявил, что он вместе со своим "
                "народом, и назвал события 20 января действием против демократии и гуманизма "
                f"[{S}, paras. 10–11]. Источник сообщает, что после его возвращения к "
                "политической власти в 1993 году были предприняты шаги по расследованию событий "
                f"[{S}, para. 13]."
            ),
        },
        ("person", "ilham-aliyev"): {
            "summary": "Президент Азербайджана — так он назван в подписи к фотографии в источнике.",
            "biography": (
                f"В подписи к фотографии в источнике назван президентом Азербайджана [{S}, "
                "caption]. Источник не описывает какой-либо его роли в событиях 1990 года."
            ),
        },
        ("person", "mehriban-aliyeva"): {
            "summary": "Вице-президент Азербайджана — так она названа в подписи к фотографии "
            "в источнике.",
            "biography": (
                "В подписи к фотографии в источнике названа вице-президентом Азербайджана "
                f"[{S}, caption]. Источник не описывает какой-либо её роли в событиях "
                "1990 года."
            ),
        },
        ("organisation", "soviet-army"): {
            "name": "Советская армия",
            "summary": "Вооружённые силы Советского Союза; в источнике названы “the Soviet army”.",
            "description": (
                "Источник говорит о “the Soviet troops”, “the former Soviet military troops” и "
                "“the Soviet army”, вошедших в Баку в ночь с 19 на 20 января 1990 года "
                f"[{S}, para. 6; {S}, para. 7; {S}, para. 8]."
            ),
        },
        ("organisation", "government-of-the-soviet-union"): {
            "name": "Правительство СССР",
            "summary": "Центральное правительство СССР; в источнике названо “the Soviet "
            "government”.",
            "description": (
                "Согласно источнику, в 1988 году советское правительство пыталось урегулировать "
                "вопрос о Нагорном Карабахе дипломатическими средствами, но потерпело неудачу, а "
                "центральное правительство направило военные силы против протестов "
                f"[{S}, para. 4; {S}, para. 5]."
            ),
        },
        ("organisation", "representation-of-azerbaijan-in-moscow"): {
            "name": "Представительство Азербайджана в Москве",
            "summary": "В источнике названо “Azerbaijan’s representation in Moscow”.",
            "description": (
                "Источник сообщает, что 21 января 1990 года Гейдар Алиев выступил на собрании в "
                f"представительстве Азербайджана в Москве [{S}, para. 10]."
            ),
        },
        ("event", "karabakh-claims-and-protests-1987-1988"): {
            "title": "Притязания на Нагорный Карабах и протесты 1987–1988 годов",
            "summary": (
                "Территориальные притязания на Нагорный Карабах и массовые протесты в "
                "Азербайджане, ставшие ответом на них, — в изложении источника."
            ),
            "description": (
                "По словам источника, в 1987 году армянские учёные и официальные лица заявили "
                "притязания на Карабахский регион Азербайджана, после чего последовали "
                f"требования присоединить Нагорный Карабах к Армении [{S}, para. 2; {S}, "
                "para. 3].\n\n"
                "Источник сообщает, что в 1988 году советское правительство пыталось урегулировать "
                "вопрос дипломатическими средствами, но потерпело неудачу, так как азербайджанцы "
                "массово вышли на улицы; источник называет это движением площади и утверждает, "
                "что войска, направленные центральным правительством, силой подавили протесты "
                f"[{S}, para. 4; {S}, para. 5]."
            ),
        },
        ("event", "baku-19-20-january-1990"): {
            "title": "Советские войска в Баку, 19–20 января 1990 года",
            "summary": (
                "Советские войска вошли в Баку в ночь с 19 на 20 января 1990 года; источник "
                "сообщает об убитых, раненых и арестованных мирных жителях."
            ),
            "description": (
                "По словам источника, советские войска вошли в Баку с суши и с моря с позднего "
                "вечера 19 января и в ночь на 20 января 1990 года и применили силу против "
                f"населения [{S}, para. 6; {S}, para. 7]. Источник называет 147 погибших мирных "
                "жителей, среди них детей, женщин и пожилых людей, 744 раненых и 841 арестованного "
                f"[{S}, para. 7].\n\n"
                "Источник утверждает, что эти действия были совершены по приказу президента СССР "
                "Михаила Горбачёва, и называет их преступлением против человечности "
                f"[{S}, para. 8]. Архив приводит эти сведения как утверждения статьи."
            ),
        },
        ("event", "baku-media-blockade-january-1990"): {
            "title": "Информационная блокада и уничтожение энергоблока телерадиовещания в Баку",
            "summary": (
                "Источник сообщает, что во время событий была введена информационная блокада, а "
                "энергоблок радио и телевидения был взорван."
            ),
            "description": (
                "Согласно источнику, во время событий 20 января была введена информационная "
                "блокада, энергоблок радио и телевидения был взорван вооружёнными людьми, а "
                "средства массовой информации запрещены; по мнению источника, целью было "
                f"оставить людей в неведении о случившемся [{S}, para. 9]."
            ),
        },
        ("event", "heydar-aliyev-moscow-statement-1990"): {
            "title": "Заявление Гейдара Алиева в Москве, 21 января 1990 года",
            "summary": (
                "По словам источника, Гейдар Алиев выступил в представительстве Азербайджана в "
                "Москве по поводу событий в Баку."
            ),
            "description": (
                "По словам источника, 21 января 1990 года Гейдар Алиев пришёл в представительство "
                "Азербайджана в Москве и выступил там на собрании. Он заявил, что он вместе со "
                "своим народом, и охарактеризовал события 20 января как действие против "
                "демократии и гуманизма и грубую политическую ошибку тогдашнего руководства "
                f"[{S}, para. 10; {S}, para. 11]. Источник сообщает, что текст выступления "
                f"широко распространился в Азербайджане и за рубежом [{S}, para. 12]."
            ),
        },
        ("event", "january-20-investigations-from-1993"): {
            "title": "Расследования событий января 1990 года, с 1993 года",
            "summary": (
                "Шаги по расследованию причин январских событий 1990 года и наказанию виновных, "
                "предпринимавшиеся, по словам источника, с 1993 года."
            ),
            "description": (
                "По словам источника, после возвращения Гейдара Алиева к политической власти в "
                "1993 году были предприняты шаги по расследованию причин событий 20 января, "
                "осуждению виновных и информированию мира о них "
                f"[{S}, para. 13; {S}, para. 14]. Источник не называет органы, которые вели "
                "расследование, и их выводы."
            ),
        },
    },
}

# The vocabulary labels the demo uses. A term is keyed by (its model's `_meta.model_name`, its
# `slug`): the slug is unique within its vocabulary and is the stable key imports use, while a
# curator may rename the term. The label translates the term's English `name`.
TERM_TRANSLATIONS = {
    "az": {
        ("sourcekind", "opinion-piece"): "Rəy məqaləsi",
        ("organisationtype", "army"): "Ordu",
        ("organisationtype", "government"): "Hökumət",
        ("organisationtype", "other"): "Digər",
        ("eventtype", "political-process"): "Siyasi proses",
        ("eventtype", "military-operation"): "Hərbi əməliyyat",
        ("eventtype", "speech"): "Çıxış",
        ("eventtype", "investigation"): "İstintaq",
        ("role", "named"): "Mənbədə adı çəkilir",
        ("role", "official"): "Vəzifəli şəxs",
        ("role", "speaker"): "Natiq",
        ("role", "acting-unit"): "Fəaliyyət göstərən qüvvə və ya hissə",
        ("role", "host"): "Qəbul edən tərəf",
        ("claimattribute", "participants"): "İştirakçılar",
        ("claimattribute", "killed"): "Həlak olanlar",
        ("claimattribute", "wounded"): "Yaralananlar",
        ("claimattribute", "arrested"): "Həbs edilənlər",
        ("claimattribute", "ordered-by"): "Əmr verən",
        ("claimattribute", "carried-out-by"): "İcra edən",
        ("claimattribute", "date"): "Tarix",
        ("relationtype", "responded-to"): "cavab verdi",
        ("relationtype", "investigated"): "araşdırdı",
    },
    "ru": {
        ("sourcekind", "opinion-piece"): "Статья-мнение",
        ("organisationtype", "army"): "Армия",
        ("organisationtype", "government"): "Правительство",
        ("organisationtype", "other"): "Другое",
        ("eventtype", "political-process"): "Политический процесс",
        ("eventtype", "military-operation"): "Военная операция",
        ("eventtype", "speech"): "Выступление",
        ("eventtype", "investigation"): "Расследование",
        ("role", "named"): "Упоминается в источнике",
        ("role", "official"): "Должностное лицо",
        ("role", "speaker"): "Выступающий",
        ("role", "acting-unit"): "Действовавшая сила или подразделение",
        ("role", "host"): "Принимающая сторона",
        ("claimattribute", "participants"): "Участники",
        ("claimattribute", "killed"): "Погибшие",
        ("claimattribute", "wounded"): "Раненые",
        ("claimattribute", "arrested"): "Арестованные",
        ("claimattribute", "ordered-by"): "Приказ отдал",
        ("claimattribute", "carried-out-by"): "Исполнители",
        ("claimattribute", "date"): "Дата",
        ("relationtype", "responded-to"): "стало ответом на",
        ("relationtype", "investigated"): "расследовало",
    },
}

# A number's unit, read after the figure (“147 nəfər”, “147 человек”), keyed as in
# TERM_TRANSLATIONS: every attribute the demo uses that has a unit.
UNIT_TRANSLATIONS = {
    "az": {
        ("claimattribute", "killed"): "nəfər",
        ("claimattribute", "wounded"): "nəfər",
        ("claimattribute", "arrested"): "nəfər",
    },
    "ru": {
        # The genitive plural after a number (“147 человек”) and the count form of Russian.
        ("claimattribute", "killed"): "человек",
        ("claimattribute", "wounded"): "человек",
        ("claimattribute", "arrested"): "человек",
    },
}

# A relation type is read from both ends: its `inverse_name` (“was responded to by”), keyed
# as in TERM_TRANSLATIONS.
RELATION_INVERSE_TRANSLATIONS = {
    "az": {
        ("relationtype", "responded-to"): "cavab aldı",
        ("relationtype", "investigated"): "araşdırıldı",
    },
    "ru": {
        ("relationtype", "responded-to"): "получило ответ",
        ("relationtype", "investigated"): "было расследовано",
    },
}
