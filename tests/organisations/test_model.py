"""Organisations as records: dates with bounds and words, slugs, names, parents."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from archive.models import SlugRedirect
from people.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db


def test_it_derives_date_bounds_and_words():
    army = factories.organisation(name="Soviet Army", founded="1946-02-25", dissolved="1992~")
    assert army.founded_earliest == datetime.date(1946, 2, 25)
    assert army.dissolved_latest == datetime.date(1992, 12, 31)
    assert army.existence == "25 February 1946 – about 1992"
    assert factories.organisation(founded="1918").existence == "founded 1918"
    assert factories.organisation(dissolved="1991").existence == "dissolved 1991"


def test_it_refuses_a_date_that_is_not_edtf():
    organisation = factories.organisation()
    organisation.founded = "spring of nineteen ninety"
    with pytest.raises(ValidationError) as refused:
        organisation.full_clean()
    assert "founded" in refused.value.message_dict


def test_it_makes_a_slug_and_a_sort_name_and_remembers_old_slugs():
    organisation = Organisation.objects.create(name="Azerbaijani Popular Front")
    assert organisation.slug == "azerbaijani-popular-front"
    assert organisation.sort_name == "Azerbaijani Popular Front"
    organisation.slug = "popular-front"
    organisation.save()
    assert SlugRedirect.target_for(Organisation, "azerbaijani-popular-front") == organisation


def test_a_unit_belongs_to_its_army_and_never_to_itself():
    army = factories.organisation(name="Army", organisation_type="army")
    unit = factories.organisation(name="Unit", organisation_type="military-unit", parent=army)
    assert list(army.units.all()) == [unit]
    army.parent = unit
    with pytest.raises(ValidationError) as refused:
        army.clean()
    assert "parent" in refused.value.message_dict


def test_its_name_variants_carry_language_and_script():
    organisation = factories.organisation(name="Soviet Army")
    organisation.names.create(name="Советская армия", language="ru", script="Cyrl")
    assert str(organisation.names.get()) == "Советская армия (ru, Cyrl)"
