"""The labels of the vocabularies events' migrations make, in Azerbaijani and Russian (see
archive 0027); a relation type is read from both ends, so its inverse too."""

from django.db import migrations

from archive.translations import fill_labels


def labels(az: str, ru: str) -> dict[str, dict[str, str]]:
    return {"name": {"az": az, "ru": ru}}


def relation(az: str, ru: str, inverse_az: str, inverse_ru: str) -> dict[str, dict[str, str]]:
    return {**labels(az, ru), "inverse_name": {"az": inverse_az, "ru": inverse_ru}}


LABELS = {
    "eventtype": {
        "protest": labels("Etiraz aksiyası", "Акция протеста"),
        "military-operation": labels("Hərbi əməliyyat", "Военная операция"),
        "massacre": labels("Qırğın", "Массовое убийство"),
        "speech": labels("Çıxış", "Выступление"),
        "investigation": labels("İstintaq", "Расследование"),
        "political-process": labels("Siyasi proses", "Политический процесс"),
        "commemoration": labels("Anma mərasimi", "Памятное мероприятие"),
        "trial": labels("Məhkəmə prosesi", "Судебный процесс"),
    },
    "role": {
        "organiser": labels("Təşkilatçı", "Организатор"),
        "participant": labels("İştirakçı", "Участник"),
        "victim": labels("Qurban", "Пострадавший"),
        "witness": labels("Şahid", "Свидетель"),
        "official": labels("Vəzifəli şəxs", "Должностное лицо"),
        "speaker": labels("Natiq", "Выступающий"),
        "alleged-perpetrator": labels("Törədici (iddia edilən)", "Виновник (предполагаемый)"),
        "investigator": labels("Araşdırmanı aparan", "Проводивший расследование"),
        "named": labels("Mənbədə adı çəkilir", "Упоминается в источнике"),
        "acting-unit": labels(
            "Fəaliyyət göstərən qüvvə və ya hissə", "Действовавшая сила или подразделение"
        ),
        "reporting-outlet": labels("Xəbər verən KİV", "Сообщившее СМИ"),
        "host": labels("Qəbul edən tərəf", "Принимающая сторона"),
    },
    "relationtype": {
        "caused": relation("səbəb oldu", "вызвало", "nəticəsində baş verdi", "было вызвано"),
        "led-to": relation("gətirib çıxardı", "привело к", "nəticəsi idi", "стало следствием"),
        "responded-to": relation("cavab verdi", "стало ответом на", "cavab aldı", "получило ответ"),
        "investigated": relation("araşdırdı", "расследовало", "araşdırıldı", "было расследовано"),
        "commemorates": relation(
            "xatirəsini yad edir", "посвящено памяти", "xatirəsi yad edilir", "увековечено в"
        ),
    },
}


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0012_browse_translated_sort_indexes"),
        ("people", "0015_default_vocabularies_in_languages"),
    ]

    operations = [fill_labels("events", LABELS)]
