"""How the API writes a record: its one description, serialised field by field from the
`archive.description` dataclasses (so the API says what every other output says, and a field
added there appears here and in the OpenAPI schema by itself), with its citations and claims."""

import dataclasses
import datetime
import types
import typing

from rest_framework import serializers

from archive.description import Agent, Description, Identifier, Link

SCALARS = {
    str: serializers.CharField,
    bool: serializers.BooleanField,
    int: serializers.IntegerField,
    float: serializers.FloatField,
    datetime.datetime: serializers.DateTimeField,
    datetime.date: serializers.DateField,
}


def _field_for(hint, **options) -> serializers.Field:
    """A read-only serializer field for a dataclass field's type hint."""
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) and type(None) in args:  # `X | None`
        (inner,) = [arg for arg in args if arg is not type(None)]
        return _field_for(inner, allow_null=True)  # (a field is rebuilt from its arguments)
    if typing.get_origin(hint) is list:
        (item,) = args
        if dataclasses.is_dataclass(item):
            return dataclass_serializer(item)(many=True, read_only=True)
        return serializers.ListField(child=_field_for(item), read_only=True)
    if typing.get_origin(hint) is dict:  # keyed by a text's name or a language
        _key, value = args
        return serializers.DictField(child=_field_for(value), read_only=True)
    return SCALARS[hint](read_only=True, **options)


def dataclass_serializer(cls) -> type[serializers.Serializer]:
    """A Serializer class with one read-only field per field of the dataclass `cls`."""
    hints = typing.get_type_hints(cls)
    fields = {field.name: _field_for(hints[field.name]) for field in dataclasses.fields(cls)}
    return type(f"{cls.__name__}Serializer", (serializers.Serializer,), fields)


AgentSerializer = dataclass_serializer(Agent)
IdentifierSerializer = dataclass_serializer(Identifier)
LinkSerializer = dataclass_serializer(Link)
DescriptionSerializer = dataclass_serializer(Description)


class SourceRefSerializer(serializers.Serializer):
    """A published source a citation or claim rests on: its title and addresses."""

    slug = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)
    url = serializers.CharField(read_only=True)  # its public page
    api_url = serializers.CharField(read_only=True)


class CitationSerializer(serializers.Serializer):
    source = SourceRefSerializer(read_only=True)
    locator = serializers.CharField(read_only=True)
    quotation = serializers.CharField(read_only=True)
    note = serializers.CharField(read_only=True)


class ClaimSerializer(serializers.Serializer):
    """One attributed fact: source S says that attribute A is V. Disagreeing claims are all
    listed, each with its source; the archive attributes, it does not adjudicate."""

    attribute = serializers.CharField(read_only=True)
    attribute_slug = serializers.CharField(read_only=True)
    value = serializers.CharField(read_only=True)  # in words, as the record page shows it
    value_text = serializers.CharField(read_only=True)
    value_number = serializers.DecimalField(
        max_digits=20, decimal_places=4, allow_null=True, read_only=True
    )
    value_lower = serializers.DecimalField(
        max_digits=20, decimal_places=4, allow_null=True, read_only=True
    )
    value_upper = serializers.DecimalField(
        max_digits=20, decimal_places=4, allow_null=True, read_only=True
    )
    value_date = serializers.CharField(read_only=True)  # EDTF
    unit = serializers.CharField(read_only=True)
    source = SourceRefSerializer(read_only=True)
    locator = serializers.CharField(read_only=True)
    quotation = serializers.CharField(read_only=True)


class RecordSummarySerializer(serializers.Serializer):
    """A record in a list: where to find it and its description."""

    kind = serializers.CharField(read_only=True)
    slug = serializers.CharField(read_only=True)
    api_url = serializers.CharField(read_only=True)
    description = DescriptionSerializer(read_only=True)


class RecordSerializer(RecordSummarySerializer):
    """A record in full: its description, and the citations and claims that support it."""

    citations = CitationSerializer(many=True, read_only=True)
    claims = ClaimSerializer(many=True, read_only=True)
