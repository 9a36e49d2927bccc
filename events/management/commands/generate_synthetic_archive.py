"""A realistic synthetic archive for benchmarks: never run it against a real database.

N records in a realistic mix (sources 35%, events 25%, people 20%, media items 12%, places 8%),
about 5% of them not published; names in Azerbaijani Latin with diacritics, English and Cyrillic;
EDTF dates; long transcripts on one source in ten; participations, event places, citations.
Rows go in as tuples (`archive.imports.sql.Rows`; COPY on PostgreSQL), without model instances
or signals: run `manage.py rebuild_search_index` afterwards.
"""

import bisect
import datetime
import itertools
import operator
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
# About 5% of records not published: draft, review and withdrawn alike.
STATUSES = [Status.PUBLISHED, Status.DRAFT, Status.REVIEW, Status.WITHDRAWN]
STATUS_WEIGHTS = list(itertools.accumulate([57, 1, 1, 1]))
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
        return self.many([n])[0]

    def many(self, lengths: list[int]) -> list[str]:
        """A text of each of `lengths` words (see `words`), their starts drawn together."""
        if max(lengths) > len(self.stream) // 2:
            self.extend(max(lengths))
        size, joined, starts = len(self.stream), self.joined, self.starts
        firsts = map(int, map(operator.mul, [size - n for n in lengths], randoms(self.rng)))
        return [
            joined[starts[first] : starts[first + n] - 1]
            for first, n in zip(firsts, lengths, strict=False)
        ]

    def extend(self, n: int) -> None:
        # As rng.choices(vocabulary, cum_weights=...), a word at a time in C.
        top, total = len(self.vocabulary) - 1, self.cumulative[-1]
        found = map(
            bisect.bisect, itertools.repeat(self.cumulative),
            map(operator.mul, itertools.repeat(total, max(n, 1) * 2), randoms(self.rng)),
            itertools.repeat(0), itertools.repeat(top),
        )  # fmt: skip
        picked = list(map(self.vocabulary.__getitem__, found))
        for i in range(14, len(picked), 15):
            picked[i] += "."
        self.stream += picked
        self.joined = " ".join(self.stream) + " "
        lengths = map(operator.add, map(len, self.stream), itertools.repeat(1))
        self.starts = list(itertools.accumulate(lengths, initial=0))


def randoms(rng: random.Random):
    """rng.random() without end, called from C."""
    return iter(rng.random, None)


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

    # Helpers: a batch's values drawn together, a column at a time --------------------------

    def picks(self, population, k: int) -> list:
        """k members of population, uniformly (as rng.choices, in C)."""
        indexes = map(int, map(operator.mul, itertools.repeat(len(population), k),
                               randoms(self.rng)))  # fmt: skip
        return list(map(population.__getitem__, indexes))

    def ints(self, low: int, high: int, k: int) -> list[int]:
        """k integers from low to high, both included, uniformly."""
        return self.picks(range(low, high + 1), k)

    def texts(self, low: int, high: int, k: int) -> list[str]:
        """k texts of low to high words."""
        return self.text.many(self.ints(low, high, k))

    def distinct(self, population: list, low: int, high: int, k: int) -> list[list]:
        """k draws of low to high distinct members of population (as `random.sample`)."""
        sizes = self.ints(low, high, k)
        members = iter(self.picks(population, sum(sizes)))
        draws = [list(itertools.islice(members, size)) for size in sizes]
        for i, drawn in enumerate(draws):
            if len(set(drawn)) < len(drawn):
                draws[i] = self.rng.sample(population, len(drawn))
        return draws

    def records(self, model, fields: tuple[str, ...]) -> Rows:
        """Rows of a record kind: its primary key, slug, status and publication time, then
        `fields` (see `record_columns`)."""
        return Rows(model, ("id", "slug", "status", "published_at", *fields))

    def record_columns(self, rows: Rows, pks: list[int], batch: range) -> list[list]:
        """The columns every record starts with: primary key, slug, status (about 5% not
        published), publication time."""
        prefix = f"syn-{self.run_id}-{rows.model._meta.model_name}-"
        statuses = self.rng.choices(STATUSES, cum_weights=STATUS_WEIGHTS, k=len(pks))
        published = [self.now if s == Status.PUBLISHED else None for s in statuses]
        return [pks, [prefix + str(i) for i in batch], statuses, published]

    def dated(self, k: int) -> list[list]:
        """date, date_earliest, date_latest columns."""
        texts = self.picks(EDTF_POOL, k)
        return [texts, *map(list, zip(*map(self.dates.__getitem__, texts), strict=True))]

    def batches(self, pks: list[int]):
        """(keys, positions) of at most BATCH records: memory stays bounded at any size (but for
        the keys, which later kinds draw from)."""
        for start in range(0, len(pks), BATCH):
            yield pks[start : start + BATCH], range(start, min(len(pks), start + BATCH))

    def progress(self, batches):
        """`batches`, the progress bar moved on by each."""
        for pks, batch in batches:
            yield pks, batch
            self.bar.update(len(batch))

    @staticmethod
    def rows(rows: Rows, *columns):
        return itertools.starmap(rows.row, zip(*columns, strict=True))

    def write(self, rows: Rows, pks: list[int], make, progress: bool = False) -> None:
        """Write `rows` made a batch at a time by `make(pks, batch)` (an iterable of rows), in
        one COPY: the server stores a batch while the next is made. No query meanwhile."""
        batches = self.batches(pks)
        if progress:
            batches = self.progress(batches)
        rows.write(itertools.chain.from_iterable(itertools.starmap(make, batches)))

    # Kinds: rows written as tuples (archive.imports.sql.Rows), no model instances -------------

    def make_places(self, total: int) -> list[int]:
        places = self.records(Place, ("name", "kind", "description"))
        names = Rows(PlaceName, ("place_id", "name", "language"))
        pks = reserve_pks(Place, total)

        def name(i: int, k: int) -> str:
            base, suffix = PLACES[i % len(PLACES)][k], f" {PLACE_KINDS[i % 6]} {i // len(PLACES)}"
            return base if i < len(PLACES) else base + suffix

        def make(pks, batch):
            return self.rows(
                places, *self.record_columns(places, pks, batch), [name(i, 1) for i in batch],
                [PLACE_KINDS[i % 6] for i in batch], self.texts(20, 120, len(batch)),
            )  # fmt: skip

        self.write(places, pks, make, progress=True)
        names.write(
            names.row(pk, name(i, k), lang)
            for i, pk in enumerate(pks)
            for k, lang in ((0, "az"), (2, "ru"))
        )
        return pks

    def make_people(self, total: int, places: list[int]) -> list[int]:
        people = self.records(Person, (
            "name", "sort_name", "summary", "biography", "birth_date", "birth_date_earliest",
            "birth_date_latest", "death_date", "death_date_earliest", "death_date_latest",
            "birth_place_id",
        ))  # fmt: skip
        person_names = Rows(PersonName, ("person_id", "name", "language", "script"))
        pks = reserve_pks(Person, total)
        named = []  # (given, surname) of each person, for their names

        def make(pks, batch):
            k = len(batch)
            givens, surnames = self.picks(GIVEN, k), self.picks(SURNAMES, k)
            named.extend(zip(givens, surnames, strict=True))
            born = self.ints(1900, 1975, k)
            # Half of them dead, at 30 to 90.
            died = [
                b + span if dead else None
                for b, span, dead in zip(
                    born, self.ints(30, 90, k), self.picks((True, False), k), strict=True
                )
            ]
            return self.rows(
                people, *self.record_columns(people, pks, batch),
                [f"{g[1]} {s[1]}" for g, s in zip(givens, surnames, strict=True)],
                [f"{s[1]}, {g[1]}" for g, s in zip(givens, surnames, strict=True)],
                self.texts(8, 20, k), self.texts(60, 400, k),
                *self.years(born), *self.years(died), self.picks(places, k),
            )  # fmt: skip

        self.write(people, pks, make, progress=True)
        person_names.write(
            person_names.row(pk, f"{g[i]} {s[i]}", lang, script)
            for pk, (g, s) in zip(pks, named, strict=True)
            for i, lang, script in ((0, "az", "Latn"), (2, "ru", "Cyrl"))
        )
        return pks

    @staticmethod
    def years(years: list[int | None]) -> list[list]:
        """The columns of a date of which only the year is known: text, earliest, latest."""
        return [
            [str(year) if year else "" for year in years],
            [datetime.date(year, 1, 1) if year else None for year in years],
            [datetime.date(year, 12, 31) if year else None for year in years],
        ]

    def make_sources(self, total: int) -> list[int]:
        kinds = list(SourceKind.objects.values_list("pk", flat=True))
        sources = self.records(Source, (
            "kind_id", "title", "creators_text", "container_title", "abstract", "transcript",
            "date", "date_earliest", "date_latest",
        ))  # fmt: skip
        pks = reserve_pks(Source, total)

        def make(pks, batch):
            k = len(batch)
            creators = zip(self.picks(GIVEN, k), self.picks(SURNAMES, k), self.ints(0, 2, k),
                           strict=True)  # fmt: skip
            # One source in ten has a long transcript.
            long = [roll < 0.1 for roll in itertools.islice(randoms(self.rng), k)]
            transcripts = iter(self.texts(1000, 4000, sum(long)) if any(long) else ())
            return self.rows(
                sources, *self.record_columns(sources, pks, batch),
                self.picks(kinds, k), [t.capitalize() for t in self.texts(4, 12, k)],
                [f"{s[script]}, {g[1]}" for g, s, script in creators],
                [t.title() for t in self.text.many([3] * k)], self.texts(40, 150, k),
                [next(transcripts) if is_long else "" for is_long in long], *self.dated(k),
            )  # fmt: skip

        self.write(sources, pks, make, progress=True)
        return pks

    def make_media(self, total: int, places: list[int], sources: list[int]) -> None:
        # A published media item needs its licence (lifecycle): one of the seeded statements.
        licences = list(Licence.objects.exclude(uri="").values_list("pk", flat=True))
        media = self.records(MediaItem, (
            "title", "file", "caption", "alt_text", "creator", "credit_line", "media_type",
            "mime_type", "source_id", "licence_id", "date", "date_earliest", "date_latest",
        ))  # fmt: skip
        located = Rows(MediaItem.places.through, ("mediaitem_id", "place_id"))
        pks = reserve_pks(MediaItem, total)

        def make(pks, batch):
            k = len(batch)
            creators = zip(self.picks(GIVEN, k), self.picks(SURNAMES, k), strict=True)
            return self.rows(
                media, *self.record_columns(media, pks, batch),
                [t.title() for t in self.texts(3, 9, k)],
                [f"originals/synthetic-{i}.jpg" for i in batch],
                self.texts(15, 60, k), self.text.many([10] * k),
                [f"{g[1]} {s[1]}" for g, s in creators], ["Synthetic archive"] * k,
                [MediaItem.MediaType.IMAGE] * k, ["image/jpeg"] * k,
                self.picks(sources, k), self.picks(licences, k), *self.dated(k),
            )  # fmt: skip

        self.write(media, pks, make, progress=True)
        self.write(
            located, pks, lambda pks, _: self.rows(located, pks, self.picks(places, len(pks)))
        )

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
        locators = [f"p. {page}" for page in range(1, 301)]
        pks = reserve_pks(Event, total)

        def make(pks, batch):
            k = len(batch)
            return self.rows(
                events, *self.record_columns(events, pks, batch),
                [t.capitalize() for t in self.texts(4, 10, k)], self.picks(types, k),
                self.texts(10, 30, k), self.texts(80, 600, k), *self.dated(k),
            )  # fmt: skip

        def links(pks, _):  # one or two places
            return (
                event_places.row(pk, place)
                for pk, drawn in zip(pks, self.distinct(places, 1, 2, len(pks)), strict=True)
                for place in drawn
            )

        def participants(pks, _):  # one to four people, each with a role and a source
            pairs = [
                (pk, person)
                for pk, drawn in zip(pks, self.distinct(people, 1, 4, len(pks)), strict=True)
                for person in drawn
            ]
            n = len(pairs)
            return self.rows(participations, *zip(*pairs, strict=True), self.picks(roles, n),
                             self.picks(sources, n))  # fmt: skip

        def citations(pks, _):  # one to three sources, in order, each with a page
            drawn = [
                (pk, source, order)
                for pk, chosen in zip(pks, self.distinct(sources, 1, 3, len(pks)), strict=True)
                for order, source in enumerate(chosen)
            ]
            n = len(drawn)
            objects, cited_sources, orders = zip(*drawn, strict=True)
            return self.rows(cited, [event_ct] * n, objects, cited_sources,
                             self.picks(locators, n), orders)  # fmt: skip

        self.write(events, pks, make, progress=True)
        self.write(event_places, pks, links)
        self.write(participations, pks, participants)
        self.write(cited, pks, citations)
