"""The labels of the vocabularies archive's migrations make, in Azerbaijani and Russian, so a
new archive's filters and pages read in every language before a curator writes a word. Names
that are the same in every language (CC licences, Wikidata, VIAF, GeoNames, GND, ORCID) are
left to the fallback. The terms people's migrations add to these vocabularies (Tate's) are
labelled there."""

from django.db import migrations

from archive.translations import fill_labels


def labels(az: str, ru: str) -> dict[str, dict[str, str]]:
    return {"name": {"az": az, "ru": ru}}


PEOPLE = {"unit": {"az": "nəfər", "ru": "человек"}}

LABELS = {
    "sourcekind": {
        "article": labels("Məqalə", "Статья"),
        "magazine-article": labels("Jurnal məqaləsi", "Журнальная статья"),
        "newspaper-article": labels("Qəzet məqaləsi", "Газетная статья"),
        "opinion-piece": labels("Rəy məqaləsi", "Статья-мнение"),
        "book": labels("Kitab", "Книга"),
        "book-chapter": labels("Kitabın fəsli", "Глава книги"),
        "archival-document": labels("Arxiv sənədi", "Архивный документ"),
        "official-record": labels("Rəsmi sənəd", "Официальный документ"),
        "oral-history": labels("Şifahi tarix", "Устная история"),
        "photograph": labels("Fotoşəkil", "Фотография"),
        "film": labels("Film", "Фильм"),
        "web-page": labels("Veb-səhifə", "Веб-страница"),
        "dataset": labels("Məlumat toplusu", "Набор данных"),
    },
    "claimattribute": {
        "killed": {**labels("Həlak olanlar", "Погибшие"), **PEOPLE},
        "wounded": {**labels("Yaralananlar", "Раненые"), **PEOPLE},
        "arrested": {**labels("Həbs edilənlər", "Арестованные"), **PEOPLE},
        "missing": {**labels("İtkin düşənlər", "Пропавшие без вести"), **PEOPLE},
        "participants": labels("İştirakçılar", "Участники"),
        "date": labels("Tarix", "Дата"),
        "place": labels("Yer", "Место"),
        "ordered-by": labels("Əmr verən", "Приказ отдал"),
        "carried-out-by": labels("İcra edən", "Исполнители"),
        "role": labels("Rol və ya vəzifə", "Роль или должность"),
        "attributed-to": labels("Aid edilir", "Приписывается"),
    },
    "licence": {
        "pdm": labels("İctimai mülkiyyət nişanı 1.0", "Знак общественного достояния 1.0"),
        "in-copyright": labels("Müəllif hüququ ilə qorunur", "Защищено авторским правом"),
        "cne": labels("Müəllif hüququ qiymətləndirilməyib", "Авторское право не оценивалось"),
        "inc-edu": labels(
            "Müəllif hüququ ilə qorunur – təhsil məqsədilə istifadəyə icazə verilir",
            "Защищено авторским правом – разрешено использование в образовательных целях",
        ),
        "inc-nc": labels(
            "Müəllif hüququ ilə qorunur – qeyri-kommersiya istifadəsinə icazə verilir",
            "Защищено авторским правом – разрешено некоммерческое использование",
        ),
        "noc-nc": labels(
            "Müəllif hüququ yoxdur – yalnız qeyri-kommersiya istifadəsi",
            "Авторское право отсутствует – только некоммерческое использование",
        ),
        "noc-oklr": labels(
            "Müəllif hüququ yoxdur – digər məlum hüquqi məhdudiyyətlər var",
            "Авторское право отсутствует – есть иные известные правовые ограничения",
        ),
        "nkc": labels("Məlum müəllif hüququ yoxdur", "Известное авторское право отсутствует"),
        "und": labels("Müəllif hüququ müəyyən edilməyib", "Авторское право не установлено"),
    },
    "identifierscheme": {
        "lccn": labels("ABŞ Konqres Kitabxanası", "Библиотека Конгресса США"),
    },
}


class Migration(migrations.Migration):
    dependencies = [("archive", "0026_claim_units_in_languages")]

    operations = [fill_labels("archive", LABELS)]
