from decimal import Decimal

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from archive import translations
from archive.models import (
    Citation,
    Claim,
    ClaimAttribute,
    Identifier,
    IdentifierScheme,
    Place,
    PlaceName,
    Source,
    SourceKind,
    Status,
)
from events import demo
from events.demo_translations import (
    RELATION_INVERSE_TRANSLATIONS,
    TERM_TRANSLATIONS,
    TRANSLATIONS,
    UNIT_TRANSLATIONS,
)
from events.models import (
    Event,
    EventRelation,
    EventType,
    Involvement,
    Participation,
    RelationType,
    Role,
)
from people.models import Organisation, OrganisationName, OrganisationType, Person, PersonName

# The script of the demo's name variants in each language.
SCRIPTS = {"az": "Latn", "ru": "Cyrl"}
TERM_MODELS = (SourceKind, OrganisationType, EventType, Role, ClaimAttribute, RelationType)


class Command(BaseCommand):
    help = (
        "Load the demo collection (one opinion article and what it tells of), published. "
        "Records already there are left as curators left them; --reset (or `reset_demo`) "
        "puts the demo's own values back."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Overwrite the demo records with the demo's values (curators' edits are lost).",
        )

    def record(self, model, slug, defaults, kind=None):
        """The demo record `slug`, and whether to load its rows: made when missing, written
        over only with --reset (`make run` loads the demo every time). Its texts in the other
        languages come with it, like every other field (`kind` keys `TRANSLATIONS`)."""
        defaults = {**defaults, **self.translated(model, kind, slug)}
        if self.reset:
            return model.objects.update_or_create(slug=slug, defaults=defaults)[0], True
        found, created = model.objects.get_or_create(slug=slug, defaults=defaults)
        if not created:
            self.kept += 1
        return found, created

    def translated(self, model, kind, slug) -> dict[str, str]:
        """`{"title_az": …, "title_ru": …}` for the demo record `slug`: the fields of
        TRANSLATIONS that are translated fields of `model` (an organisation's name is not: its
        translations become name variants, `organisation_names`)."""
        columns = {}
        for lang, records in TRANSLATIONS.items():
            for field, text in records.get((kind, slug), {}).items():
                if translations.is_translated(model, field):
                    columns[f"{field}_{lang}"] = text
        return columns

    def handle(self, *args, reset=False, **options):
        self.reset, self.kept, self.loaded = reset, 0, set()
        # `title=` writes the active language's column: the demo's own values are English.
        with (
            translation.override(translations.default_language()),
            transaction.atomic(),
            reversion.create_revision(),
        ):
            reversion.set_comment("Loaded the demo collection.")
            self.load_term_labels()
            source = self.load_source()
            places = {data["slug"]: self.load_place(data) for data in demo.PLACES}
            people = {data["slug"]: self.load_person(data) for data in demo.PEOPLE}
            organisations = {
                data["slug"]: self.load_organisation(data, places) for data in demo.ORGANISATIONS
            }
            events = {}
            for data in demo.EVENTS:
                events[data["slug"]] = self.load_event(data, places, people, source)
                self.load_involvements(data, events[data["slug"]], organisations, source)
            for data in demo.EVENTS:
                self.load_relations(data, events, source)
            for slug, locator, quotation in demo.PERSON_CITATIONS:
                if slug in self.loaded:
                    self.cite(people[slug], source, locator, quotation)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo collection loaded: 1 source, {len(places)} places, {len(people)} people, "
                f"{len(organisations)} organisations, {len(events)} events"
                + (
                    f"; {self.kept} already there, left as they are (--reset overwrites them)."
                    if self.kept
                    else "."
                )
            )
        )

    def load_source(self) -> Source:
        data = dict(demo.SOURCE)
        data["kind"] = SourceKind.objects.get(slug=data["kind"])
        source, _ = self.record(
            Source, data.pop("slug"), {**data, "status": Status.PUBLISHED}, "source"
        )
        return source

    def load_term_labels(self):
        """The labels of the vocabulary terms the demo uses, in each language: a label a
        curator has already written is kept, unless --reset."""
        models = {model._meta.model_name: model for model in TERM_MODELS}
        for field, labels in (
            ("name", TERM_TRANSLATIONS),
            ("inverse_name", RELATION_INVERSE_TRANSLATIONS),
            ("unit", UNIT_TRANSLATIONS),
        ):
            for lang, terms in labels.items():
                column = f"{field}_{lang}"
                for (model_name, slug), label in terms.items():
                    term = models[model_name].objects.filter(slug=slug).first()
                    if term is None or (getattr(term, column) and not self.reset):
                        continue
                    if getattr(term, column) != label:
                        setattr(term, column, label)
                        term.save(update_fields=[column])

    def load_names(self, model, owner_field, owner, names):
        for name, language, script, kind in names:
            model.objects.update_or_create(
                **{owner_field: owner, "name": name},
                defaults={"language": language, "script": script, "kind": kind},
            )

    def load_identifiers(self, record, identifiers):
        content_type = ContentType.objects.get_for_model(record)
        for scheme, value in identifiers:
            Identifier.objects.get_or_create(
                content_type=content_type,
                object_id=record.pk,
                scheme=IdentifierScheme.objects.get(slug=scheme),
                value=value,
            )

    def load_place(self, data) -> Place:
        data = dict(data)
        names, identifiers = data.pop("names"), data.pop("identifiers")
        parent = data.pop("parent", None)
        data["parent"] = Place.objects.get(slug=parent) if parent else None
        place, fresh = self.record(
            Place, data.pop("slug"), {**data, "status": Status.PUBLISHED}, "place"
        )
        if not fresh:
            return place
        self.loaded.add(place.slug)
        self.load_names(PlaceName, "place", place, names)
        self.load_identifiers(place, identifiers)
        return place

    def load_person(self, data) -> Person:
        data = dict(data)
        names, identifiers = data.pop("names"), data.pop("identifiers")
        person, fresh = self.record(
            Person, data.pop("slug"), {**data, "status": Status.PUBLISHED}, "person"
        )
        if not fresh:
            return person
        self.loaded.add(person.slug)
        self.load_names(PersonName, "person", person, names)
        self.load_identifiers(person, identifiers)
        return person

    def load_organisation(self, data, places) -> Organisation:
        data = dict(data)
        names, place_slugs = data.pop("names"), data.pop("places", [])
        data["organisation_type"] = OrganisationType.objects.get(slug=data["organisation_type"])
        organisation, fresh = self.record(
            Organisation, data.pop("slug"), {**data, "status": Status.PUBLISHED}, "organisation"
        )
        if not fresh:
            return organisation
        self.loaded.add(organisation.slug)
        organisation.places.set([places[slug] for slug in place_slugs])
        self.load_names(
            OrganisationName,
            "organisation",
            organisation,
            names + self.organisation_names(organisation.slug, names),
        )
        return organisation

    def organisation_names(self, slug, names):
        """The organisation's name in TRANSLATIONS as a name variant of each language (its
        `name` is one text, in English), unless the demo already gives that name."""
        given = {name for name, *_ in names}
        return [
            (text, lang, SCRIPTS[lang], OrganisationName.Kind.TRANSLATION)
            for lang, records in TRANSLATIONS.items()
            if (text := records.get(("organisation", slug), {}).get("name")) and text not in given
        ]

    def load_involvements(self, data, event, organisations, source):
        if event.slug not in self.loaded:
            return
        for order, (slug, role, locator, quotation) in enumerate(data.get("organisations", [])):
            Involvement.objects.update_or_create(
                event=event,
                organisation=organisations[slug],
                role=Role.objects.get(slug=role),
                defaults={
                    "source": source,
                    "locator": locator,
                    "quotation": quotation,
                    "order": order,
                },  # fmt: skip
            )

    def load_event(self, data, places, people, source) -> Event:
        data = dict(data)
        data.pop("organisations", None)
        place_slugs, participants = data.pop("places"), data.pop("participants")
        claims = data.pop("claims")
        data.pop("relations", None)
        parent = data.pop("parent", None)
        data["parent"] = Event.objects.get(slug=parent) if parent else None
        data["event_type"] = EventType.objects.get(slug=data["event_type"])
        event, fresh = self.record(
            Event, data.pop("slug"), {**data, "status": Status.PUBLISHED}, "event"
        )
        if not fresh:
            return event
        self.loaded.add(event.slug)
        event.places.set([places[slug] for slug in place_slugs])
        for order, (person, role, locator, quotation) in enumerate(participants):
            Participation.objects.update_or_create(
                event=event,
                person=people[person],
                role=Role.objects.get(slug=role),
                defaults={
                    "source": source,
                    "locator": locator,
                    "quotation": quotation,
                    "order": order,
                },  # fmt: skip
            )
        for order, (attribute_slug, value, locator, quotation) in enumerate(claims):
            self.claim(event, source, attribute_slug, value, locator, quotation, order)
        return event

    def load_relations(self, data, events, source):
        if data["slug"] not in self.loaded:
            return
        for relation_slug, target in data.get("relations", []):
            EventRelation.objects.get_or_create(
                from_event=events[data["slug"]],
                to_event=events[target],
                relation_type=RelationType.objects.get(slug=relation_slug),
                defaults={"source": source},
            )

    def claim(self, record, source, attribute_slug, value, locator, quotation, order):
        attribute = ClaimAttribute.objects.get(slug=attribute_slug)
        values = {"value_text": "", "value_number": None, "value_date": ""}
        if attribute.value_kind == ClaimAttribute.ValueKind.NUMBER:
            values["value_number"] = Decimal(value)
        elif attribute.value_kind == ClaimAttribute.ValueKind.DATE:
            values["value_date"] = value
        else:
            values["value_text"] = value
        claim, _ = Claim.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(record),
            object_id=record.pk,
            attribute=attribute,
            source=source,
            locator=locator,
            defaults={**values, "quotation": quotation, "order": order},
        )
        return claim

    def cite(self, record, source, locator, quotation):
        citation, _ = Citation.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(record),
            object_id=record.pk,
            source=source,
            locator=locator,
        )
        if citation.quotation != quotation:
            citation.quotation = quotation
            citation.save(update_fields=["quotation"])
