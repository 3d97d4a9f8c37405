"""The shipped JSON Schema agrees with the model, the validator and the bundled brief."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import tomllib
from enum import Enum
from typing import Any

import jsonschema
import pytest

from briefing.format import model
from briefing.format.fields import ARRAYS, TABLES
from briefing.format.schema import SCHEMA_PATH, build_schema, schema_text
from tests.conftest import DATA, MINIMAL_BRIEF, SEED

SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
MODEL_OF = {
    "brief": model.Meta,
    "summary": model.Summary,
    "quotes": model.Quote,
    "confirmations": model.Confirmation,
    "itinerary": model.Stop,
    "sources": model.Source,
}


def as_json(value: Any) -> Any:
    """A TOML document as editors hand it to a JSON Schema validator: dates become ISO strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def schema_errors(document: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    return sorted(error.message for error in validator.iter_errors(as_json(document)))


def test_shipped_schema_is_what_the_field_table_builds() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text()
    jsonschema.Draft7Validator.check_schema(build_schema())


@pytest.mark.parametrize("section", list(MODEL_OF))
def test_schema_keys_and_required_match_the_model(section: str) -> None:
    table = SCHEMA["properties"][section]
    table = table["items"] if table["type"] == "array" else table
    fields = {f.name: f for f in dataclasses.fields(MODEL_OF[section]) if f.name != "line"}
    assert set(table["properties"]) == set(fields)
    required_in_model = {name for name, f in fields.items() if f.default is dataclasses.MISSING}
    required_in_spec = set(table["required"])
    # The model gives `status` of a stop a default (planned); the spec makes no stop key but place required.
    assert required_in_model == required_in_spec


@pytest.mark.parametrize("section", list(MODEL_OF))
def test_schema_vocabularies_match_the_enums(section: str) -> None:
    table = SCHEMA["properties"][section]
    table = table["items"] if table["type"] == "array" else table
    fields = {**TABLES, **ARRAYS}[section]
    for name, field in fields.items():
        if field.vocabulary is not None:
            assert issubclass(field.vocabulary, Enum)
            assert table["properties"][name]["enum"] == [member.value for member in field.vocabulary]


def test_schema_types_match_the_field_kinds() -> None:
    kinds = {"str": "string", "date": "string", "bool": "boolean", "id": "string", "url": "string",
             "str_list": "array", "id_list": "array"}  # fmt: skip
    for section, fields in {**TABLES, **ARRAYS}.items():
        table = SCHEMA["properties"][section]
        table = table["items"] if table["type"] == "array" else table
        for name, field in fields.items():
            assert table["properties"][name]["type"] == kinds[field.kind], f"{section}.{name}"
            if field.kind == "date":
                assert table["properties"][name]["format"] == "date"


def test_bundled_brief_validates_against_the_schema() -> None:
    assert schema_errors(tomllib.loads(SEED.read_text(encoding="utf-8"))) == []


def test_scaffold_and_minimal_briefs_validate() -> None:
    assert schema_errors(tomllib.loads(MINIMAL_BRIEF)) == []
    assert schema_errors(tomllib.loads((DATA / "hostile.toml").read_text(encoding="utf-8"))) == []


def test_schema_rejects_what_the_validator_rejects() -> None:
    document = tomllib.loads(MINIMAL_BRIEF)
    document["brief"]["categroy"] = "x"
    document["confirmations"] = [{"id": "a", "what": "w", "awaited_from": [], "status": "confirmed"}]
    document["itinerary"] = [{"place": "P", "certainty": "probable"}]
    errors = schema_errors(document)
    assert "Additional properties are not allowed ('categroy' was unexpected)" in errors
    assert "'resolved_on' is a required property" in errors
    assert "[] should be non-empty" in errors
    assert any("'probable' is not one of" in error for error in errors)
