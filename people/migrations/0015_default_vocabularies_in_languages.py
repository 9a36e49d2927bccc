"""The labels of the vocabularies people's migrations make, in Azerbaijani and Russian (see
archive 0027). Contribution roles are the attributions of art history (Tate's): the terms
museums in Baku and Moscow use for them."""

from django.db import migrations

from archive.translations import fill_labels


def labels(az: str, ru: str) -> dict[str, dict[str, str]]:
    return {"name": {"az": az, "ru": ru}}


LABELS = {
    "contributionrole": {
        "artist": labels("Rəssam", "Художник"),
        "author": labels("Müəllif", "Автор"),
        "after": labels("Orijinal əsasında", "По оригиналу"),
        "prints-after": labels("Orijinal əsasında qravüralar", "Гравюры по оригиналу"),
        "attributed-to": labels("Aid edilir", "Приписывается"),
        "formerly-attributed-to": labels("Əvvəllər aid edilirdi", "Ранее приписывалось"),
        "doubtfully-attributed-to": labels("Aid edilməsi şübhəlidir", "Приписывается условно"),
        "studio-of": labels("Emalatxanası", "Мастерская"),
        "and-studio": labels("Və emalatxanası", "И мастерская"),
        "and-assistants": labels("Və köməkçiləri", "И помощники"),
        "and-a-pupil": labels("Və şagirdi", "И ученик"),
        "and-other-artists": labels("Və digər rəssamlar", "И другие художники"),
        "pupil-of": labels("Şagirdi", "Ученик"),
        "school-of": labels("Məktəbi", "Школа"),
        "circle-of": labels("Dairəsi", "Круг"),
        "follower-of": labels("Davamçısı", "Последователь"),
        "manner-of": labels("Manerasında", "В манере"),
        "style-of": labels("Üslubunda", "В стиле"),
        "imitator-of": labels("Təqlidçisi", "Подражатель"),
        "associated-with": labels("Əlaqəli", "Связан с"),
        "pseudo": labels("Psevdo", "Псевдо"),
        "stylist": labels("Stilist", "Стилист"),
        "with": labels("Birgə", "Совместно с"),
    },
    "organisationtype": {
        "army": labels("Ordu", "Армия"),
        "military-unit": labels("Hərbi hissə", "Воинская часть"),
        "government": labels("Hökumət", "Правительство"),
        "ministry": labels("Nazirlik", "Министерство"),
        "police": labels("Polis", "Полиция"),
        "newspaper": labels("Qəzet", "Газета"),
        "magazine": labels("Jurnal", "Журнал"),
        "broadcaster": labels("Yayımçı", "Телерадиокомпания"),
        "party": labels("Partiya", "Партия"),
        "museum": labels("Muzey", "Музей"),
        "other": labels("Digər", "Другое"),
    },
}


# Tate's terms that people 0005 adds to archive's vocabularies.
ARCHIVE_LABELS = {
    "sourcekind": {"artwork": labels("Bədii əsər", "Произведение искусства")},
    "identifierscheme": {
        "tate-artist": labels("Tate: rəssam", "Tate: художник"),
        "tate-artwork": labels("Tate: əsər", "Tate: произведение"),
    },
}


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0014_browse_sort_indexes"),
        ("archive", "0027_default_vocabularies_in_languages"),
    ]

    operations = [fill_labels("people", LABELS), fill_labels("archive", ARCHIVE_LABELS)]
