"""A realistic synthetic archive for benchmarks: never run it against a real database.

N records in a realistic mix (sources 35%, events 25%, people 20%, media items 12%, places 8%),
about 5% of them not published; names in Azerbaijani Latin with diacritics, English and Cyrillic;
EDTF dates; long transcripts on one source in ten; participations, event places, citations.
Rows go in as tuples (`archive.imports.sql.Rows`; COPY on PostgreSQL), without model instances
or signals: run `manage.py rebuild_search_index` afterwards.
"""

import datetime
import itertools
import random
import time

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from archive.bulkstats import refresh_statistics
from archive.dates import bounds
from archive.imports.sql import Rows, bulk_writing, deferred_indexes, reserve_pks
from archive.models import (
    Citation,
    Licence,
    MediaItem,
    Place,
    PlaceName,
    Source,
    SourceKind,
    Status,
)
from events.models import Event, EventType, Participation, Role
from people.models import Person, PersonName

GIVEN = [
    ("Heydər", "Heydar", "Гейдар"), ("İlham", "Ilham", "Ильхам"), ("Əli", "Ali", "Али"),
    ("Məmməd", "Mammad", "Мамед"), ("Rəşid", "Rashid", "Рашид"), ("Nərgiz", "Nargiz", "Наргиз"),
    ("Ülviyyə", "Ulviyya", "Ульвия"), ("Şəhla", "Shahla", "Шахла"),
    ("Gülnarə", "Gulnara", "Гюльнара"),
    ("Çingiz", "Chingiz", "Чингиз"), ("Elçin", "Elchin", "Эльчин"), ("Vaqif", "Vagif", "Вагиф"),
    ("Aydın", "Aydin", "Айдын"), ("Mikhail", "Mikhail", "Михаил"), ("Boris", "Boris", "Борис"),
    ("Yuri", "Yuri", "Юрий"), ("Anna", "Anna", "Анна"), ("Olga", "Olga", "Ольга"),
    ("Sergey", "Sergey", "Сергей"), ("Nikolai", "Nikolai", "Николай"), ("Tofiq", "Tofig", "Тофик"),
    ("Zərifə", "Zarifa", "Зарифа"), ("Xədicə", "Khadija", "Хадиджа"), ("Ramiz", "Ramiz", "Рамиз"),
]  # fmt: skip
SURNAMES = [
    ("Əliyev", "Aliyev", "Алиев"), ("Məmmədov", "Mammadov", "Мамедов"),
    ("Həsənov", "Hasanov", "Гасанов"), ("Hüseynov", "Huseynov", "Гусейнов"),
    ("Quliyev", "Guliyev", "Кулиев"), ("Rəhimov", "Rahimov", "Рагимов"),
    ("Sadıqov", "Sadigov", "Садыхов"), ("Cəfərov", "Jafarov", "Джафаров"),
    ("Nəsirov", "Nasirov", "Насиров"), ("İsmayılov", "Ismayilov", "Исмаилов"),
    ("Qorbaçov", "Gorbachev", "Горбачёв"), ("Yeltsin", "Yeltsin", "Ельцин"),
    ("İvanov", "Ivanov", "Иванов"), ("Petrov", "Petrov", "Петров"),
    ("Smirnov", "Smirnov", "Смирнов"), ("Mütəllibov", "Mutalibov", "Муталибов"),
    ("Elçibəy", "Elchibey", "Эльчибей"), ("Vəzirov", "Vezirov", "Везиров"),
    ("Şirinov", "Shirinov", "Ширинов"), ("Babayev", "Babayev", "Бабаев"),
    ("Kərimov", "Karimov", "Каримов"), ("Abbasov", "Abbasov", "Аббасов"),
    ("Volkov", "Volkov", "Волков"), ("Sokolov", "Sokolov", "Соколов"),
]  # fmt: skip
PLACES = [
    ("Bakı", "Baku", "Баку"), ("Şuşa", "Shusha", "Шуша"), ("Gəncə", "Ganja", "Гянджа"),
    ("Sumqayıt", "Sumgait", "Сумгаит"), ("Xocalı", "Khojaly", "Ходжалы"),
    ("Moskva", "Moscow", "Москва"), ("İrəvan", "Yerevan", "Ереван"),
    ("Tiflis", "Tbilisi", "Тбилиси"), ("Naxçıvan", "Nakhchivan", "Нахичевань"),
    ("Lənkəran", "Lankaran", "Ленкорань"), ("Şəki", "Shaki", "Шеки"), ("Quba", "Guba", "Губа"),
    ("Ağdam", "Aghdam", "Агдам"), ("Füzuli", "Fuzuli", "Физули"),
    ("Kəlbəcər", "Kalbajar", "Кельбаджар"), ("Laçın", "Lachin", "Лачин"),
    ("Mingəçevir", "Mingachevir", "Мингечевир"), ("Şamaxı", "Shamakhi", "Шемаха"),
]  # fmt: skip
PLACE_KINDS = ["district", "street", "village", "square", "quarter", "settlement"]
COMMON = str.split(
    "the of and to in a that was for on with as by at from his were were an which they people "
    "city troops soviet government protest meeting report said night january december killed "
    "wounded arrested tragedy square crowd army tanks martial law curfew victims funeral "
    "committee republic national leader statement moscow decree investigation commission "
    "witness testimony archive letter newspaper photograph film interview memory martyrs "
    "refugees border region conflict war ceasefire negotiations parliament independence "
    "declaration strike workers students women children hospital street building broadcast"
)
EDTF_POOL = [
    "1918", "1920-04-28", "1937~", "1941/1945", "1948?", "1953-03", "1959", "1969-07-14",
    "1970-05", "197X", "1982-11-10", "1985?", "1987~", "1988-02-20/1988-02-29", "1988-11-17",
    "1988-12-07", "1989-09", "1990-01-19/1990-01-20", "1990-01-20", "1990-01-21", "1990-01",
    "1991-08-30", "1991-10-18", "1992-02-26", "1992-05-08", "1992", "1993/..", "1993-06",
    "1994-05-12", "199X", "[1987..1990]", "2000~", "2001-01-25", "2005", "2010-01-20", "",
]  # fmt: skip
BATCH = 5000
STREAM_WORDS = 400_000
SYNTHETIC_MODELS = (
    Place, PlaceName, Person, PersonName, Source, MediaItem, Event, Participation, Citation,
)  # fmt: skip


class Text:
    """Zipf-like prose from common words, pseudo-words and names."""

    def __init__(self, rng: random.Random, names: list[str]):
        syllables = ["ka", "ra", "ba", "li", "mo", "ne", "sa", "tu", "vo", "ze", "gi", "ha", "do"]
        pseudo = {
            "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(8000)
        }
        self.vocabulary = COMMON + sorted(pseudo) + names
        weights = [1 / (rank + 1) ** 1.05 for rank in range(len(self.vocabulary))]
        self.cumulative = list(itertools.accumulate(weights))
        self.rng = rng
        self.stream: list[str] = []
        self.extend(STREAM_WORDS // 2)

    def words(self, n: int) -> str:
        """n words: a slice of one long Zipf-distributed stream drawn once (drawing each word
        apart was a third of the generator's time), cut from the stream joined once (joining
        each slice was a tenth)."""
        if n > len(self.stream) // 2:
            self.extend(n)
        start = self.rng.randrange(len(self.stream) - n)
        return self.joined[self.starts[start] : self.starts[start + n] - 1]

    def extend(self, n: int) -> None:
        picked = self.rng.choices(self.vocabulary, cum_weights=self.cumulative, k=max(n, 1) * 2)
        for i in range(14, len(picked), 15):
            picked[i] += "."
        self.stream += picked
        self.joined = " ".join(self.stream) + " "
        self.starts = [0, *itertools.accumulate(len(word) + 1 for word in self.stream)]


class Command(BaseCommand):
    help = "Generate a synthetic archive of N records for benchmarks (bulk, no signals)."

    def add_arguments(self, parser):
        parser.add_argument("--records", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1990)
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask before adding rows to this database."
        )

    def handle(self, *args, **options):
        n = options["records"]
        if n < 50:
            raise CommandError("Ask for at least 50 records.")
        if not options["yes"]:
            raise CommandError("This adds many synthetic rows: run it on a benchmark database "
                               "only, and pass --yes.")  # fmt: skip
        self.rng = random.Random(options["seed"])
        self.now = timezone.now()
        # Microseconds: two runs in the same second must not make the same slugs.
        self.run_id = f"{options['seed']}-{time.time_ns() // 1000}"
        self.dates = {text: bounds(text) for text in EDTF_POOL}
        started = time.perf_counter()
        counts = {
            "place": max(20, n * 8 // 100),
            "person": n * 20 // 100,
            "source": n * 35 // 100,
            "media": n * 12 // 100,
        }
        counts["event"] = n - sum(counts.values())
        names = [g[k] for g in GIVEN for k in (0, 1)] + [s[k] for s in SURNAMES for k in (0, 1)]
        self.text = Text(self.rng, names + [p[k] for p in PLACES for k in (0, 1)])
        self.bar = tqdm(total=n, unit="record", desc="Generating", file=self.stderr._out)
        # One transaction: an interrupted run leaves nothing behind, and the tables' indexes
        # and constraints are made once at the end (deferred_indexes).
        with transaction.atomic(), bulk_writing(), deferred_indexes(SYNTHETIC_MODELS):
            places = self.make_places(counts["place"])
            people = self.make_people(counts["person"], places)
            sources = self.make_sources(counts["source"])
            self.make_media(counts["media"], places, sources)
            self.make_events(counts["event"], places, people, sources)
        self.bar.close()
        written = time.perf_counter() - started
        # Autovacuum may be off or late: without statistics the planner takes these full
        # tables for empty ones.
        refresh_statistics(SYNTHETIC_MODELS)
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {n} records in {seconds:.1f} s ({n / seconds:.0f} records/s; "
                f"statistics refreshed in {seconds - written:.1f} s)."
            )
        )

    # Helpers --------------------------------------------------------------------------------

    def status(self) -> str:
        roll = self.rng.random()
        if roll < 0.95:
            return Status.PUBLISHED
        return self.rng.choice([Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])

    def records(self, model, fields: tuple[str, ...]) -> Rows:
        """Rows of a record kind: its primary key, slug, status and publication time, then
        `fields` (see `record`)."""
        return Rows(model, ("id", "slug", "status", "published_at", *fields))

    def record(self, rows: Rows, pk: int, n: int, *values) -> tuple:
        status = self.status()
        return rows.row(
            pk,
            f"syn-{self.run_id}-{rows.model._meta.model_name}-{n}",
            status,
            self.now if status == Status.PUBLISHED else None,
            *values,
        )

    def dated(self) -> tuple:
        """date, date_earliest, date_latest."""
        text = self.rng.choice(EDTF_POOL)
        earliest, latest = self.dates[text]
        return text, earliest, latest

    def batches(self, total: int):
        """Ranges of at most BATCH: memory stays bounded at any size."""
        for start in range(0, total, BATCH):
            yield range(start, min(total, start + BATCH))

    def person_name(self):
        given, surname = self.rng.choice(GIVEN), self.rng.choice(SURNAMES)
        return given, surname

    # Kinds: rows written as tuples (archive.imports.sql.Rows), no model instances -------------

    def make_places(self, total: int) -> list[int]:
        places = self.records(Place, ("name", "kind", "description"))
        names = Rows(PlaceName, ("place_id", "name", "language"))
        pks = []
        for batch in self.batches(total):
            with transaction.atomic():
                batch_pks = reserve_pks(Place, len(batch))
                rows, variants = [], []
                for pk, i in zip(batch_pks, batch, strict=True):
                    base = PLACES[i % len(PLACES)]
                    suffix = "" if i < len(PLACES) else f" {PLACE_KINDS[i % 6]} {i // len(PLACES)}"
                    rows.append(
                        self.record(
                            places, pk, i, base[1] + suffix, PLACE_KINDS[i % 6],
                            self.text.words(self.rng.randint(20, 120)),
                        )
                    )  # fmt: skip
                    variants += [
                        names.row(pk, base[k] + suffix, lang) for k, lang in ((0, "az"), (2, "ru"))
                    ]
                places.write(rows)
                names.write(variants)
                pks += batch_pks
            self.bar.update(len(batch))
        return pks

    def make_people(self, total: int, places: list[int]) -> list[int]:
        people = self.records(Person, (
            "name", "sort_name", "summary", "biography", "birth_date", "birth_date_earliest",
            "birth_date_latest", "death_date", "death_date_earliest", "death_date_latest",
            "birth_place_id",
        ))  # fmt: skip
        person_names = Rows(PersonName, ("person_id", "name", "language", "script"))
        pks = []
        for batch in self.batches(total):
            with transaction.atomic():
                batch_pks = reserve_pks(Person, len(batch))
                rows, names = [], []
                for pk, i in zip(batch_pks, batch, strict=True):
                    given, surname = self.person_name()
                    born = self.rng.randint(1900, 1975)
                    died = born + self.rng.randint(30, 90) if self.rng.random() < 0.5 else None
                    rows.append(
                        self.record(
                            people, pk, i, f"{given[1]} {surname[1]}", f"{surname[1]}, {given[1]}",
                            self.text.words(self.rng.randint(8, 20)),
                            self.text.words(self.rng.randint(60, 400)),
                            str(born), self.year(born), self.year(born, end=True),
                            str(died) if died else "",
                            self.year(died) if died else None,
                            self.year(died, end=True) if died else None,
                            self.rng.choice(places),
                        )
                    )  # fmt: skip
                    names += [
                        person_names.row(pk, f"{given[k]} {surname[k]}", lang, script)
                        for k, lang, script in ((0, "az", "Latn"), (2, "ru", "Cyrl"))
                    ]
                people.write(rows)
                person_names.write(names)
                pks += batch_pks
            self.bar.update(len(batch))
        return pks

    def transcript(self) -> str:
        return self.text.words(self.rng.randint(1000, 4000))

    @staticmethod
    def year(year, end=False):
        return datetime.date(year, 12, 31) if end else datetime.date(year, 1, 1)

    def make_sources(self, total: int) -> list[int]:
        kinds = list(SourceKind.objects.values_list("pk", flat=True))
        sources = self.records(Source, (
            "kind_id", "title", "creators_text", "container_title", "abstract", "transcript",
            "date", "date_earliest", "date_latest",
        ))  # fmt: skip
        pks = []
        for batch in self.batches(total):
            with transaction.atomic():
                batch_pks = reserve_pks(Source, len(batch))
                rows = []
                for pk, i in zip(batch_pks, batch, strict=True):
                    given, surname = self.person_name()
                    long = self.rng.random() < 0.1
                    rows.append(
                        self.record(
                            sources, pk, i, self.rng.choice(kinds),
                            self.text.words(self.rng.randint(4, 12)).capitalize(),
                            f"{surname[self.rng.choice((0, 1, 2))]}, {given[1]}",
                            self.text.words(3).title(),
                            self.text.words(self.rng.randint(40, 150)),
                            self.transcript() if long else "",
                            *self.dated(),
                        )
                    )  # fmt: skip
                sources.write(rows)
                pks += batch_pks
            self.bar.update(len(batch))
        return pks

    def make_media(self, total: int, places: list[int], sources: list[int]) -> None:
        # A published media item needs its licence (lifecycle): one of the seeded statements.
        licences = list(Licence.objects.exclude(uri="").values_list("pk", flat=True))
        media = self.records(MediaItem, (
            "title", "file", "caption", "alt_text", "creator", "credit_line", "media_type",
            "mime_type", "source_id", "licence_id", "date", "date_earliest", "date_latest",
        ))  # fmt: skip
        located = Rows(MediaItem.places.through, ("mediaitem_id", "place_id"))
        for batch in self.batches(total):
            with transaction.atomic():
                batch_pks = reserve_pks(MediaItem, len(batch))
                rows = []
                for pk, i in zip(batch_pks, batch, strict=True):
                    given, surname = self.person_name()
                    rows.append(
                        self.record(
                            media, pk, i, self.text.words(self.rng.randint(3, 9)).title(),
                            f"originals/synthetic-{i}.jpg",
                            self.text.words(self.rng.randint(15, 60)), self.text.words(10),
                            f"{given[1]} {surname[1]}", "Synthetic archive",
                            MediaItem.MediaType.IMAGE, "image/jpeg", self.rng.choice(sources),
                            self.rng.choice(licences), *self.dated(),
                        )
                    )  # fmt: skip
                media.write(rows)
                located.write([located.row(pk, self.rng.choice(places)) for pk in batch_pks])
            self.bar.update(len(batch))

    def make_events(self, total, places, people, sources) -> None:
        types = list(EventType.objects.values_list("pk", flat=True))
        roles = list(Role.objects.values_list("pk", flat=True))
        event_ct = ContentType.objects.get_for_model(Event).pk
        events = self.records(Event, (
            "title", "event_type_id", "summary", "description", "date", "date_earliest",
            "date_latest",
        ))  # fmt: skip
        event_places = Rows(Event.places.through, ("event_id", "place_id"))
        participations = Rows(Participation, ("event_id", "person_id", "role_id", "source_id"))
        cited = Rows(Citation, ("content_type_id", "object_id", "source_id", "locator", "order"))
        for batch in self.batches(total):
            with transaction.atomic():
                batch_pks = reserve_pks(Event, len(batch))
                rows = []
                for pk, i in zip(batch_pks, batch, strict=True):
                    rows.append(
                        self.record(
                            events, pk, i, self.text.words(self.rng.randint(4, 10)).capitalize(),
                            self.rng.choice(types), self.text.words(self.rng.randint(10, 30)),
                            self.text.words(self.rng.randint(80, 600)), *self.dated(),
                        )
                    )  # fmt: skip
                events.write(rows)
                links, participants, citations = set(), set(), []
                for pk in batch_pks:
                    for place in self.rng.sample(places, self.rng.randint(1, 2)):
                        links.add((pk, place))
                    for person in self.rng.sample(people, self.rng.randint(1, 4)):
                        participants.add((pk, person, self.rng.choice(roles)))
                    for order, source in enumerate(
                        self.rng.sample(sources, self.rng.randint(1, 3))
                    ):
                        citations.append(
                            cited.row(event_ct, pk, source, f"p. {self.rng.randint(1, 300)}",
                                      order)
                        )  # fmt: skip
                event_places.write([event_places.row(e, p) for e, p in links])
                participations.write([
                    participations.row(e, p, r, self.rng.choice(sources))
                    for e, p, r in participants
                ])  # fmt: skip
                cited.write(citations)
            self.bar.update(len(batch))
