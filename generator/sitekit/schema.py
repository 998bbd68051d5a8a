"""Validate parsed YAML against a JSON schema kept in sitekit/schemas/."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from .paths import schema_files
from .problems import Problem
from .terms import DEFAULT_AUDIENCES, Terms
from .yamltext import Located, jsonable

TYPE_WORDS = {"object": "a group of 'key: value' lines", "array": "a list ('- item' lines)", "integer": "a whole number",
              "number": "a number", "string": "text", "boolean": "true or false"}
# Placeholders in the schemas, filled in with the site's own terms (sitekit/terms.py):
# a list ["$audiences"] becomes the site's audience ids; "$default_language" its default language.
AUDIENCES, DEFAULT_LANGUAGE = "$audiences", "$default_language"


def expand(value: Any, default_language: str, audiences: tuple[str, ...]) -> Any:
    if isinstance(value, dict):
        return {k: expand(v, default_language, audiences) for k, v in value.items()}
    if isinstance(value, list):
        if value == [AUDIENCES]:
            return list(audiences)
        return [expand(v, default_language, audiences) for v in value]
    if isinstance(value, str):
        return value.replace(DEFAULT_LANGUAGE, default_language).replace(AUDIENCES, ", ".join(audiences))
    return value


@cache
def validator(name: str, default_language: str = "nl", audiences: tuple[str, ...] = DEFAULT_AUDIENCES) -> Draft202012Validator:
    schema = expand(json.loads(schema_files()[name].read_text(encoding="utf-8")), default_language, audiences)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _message(err: ValidationError) -> str:
    where = ".".join(str(p) for p in err.absolute_path)
    custom = err.schema.get("errorMessage") if isinstance(err.schema, dict) else None
    if err.validator == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        text = f"'{missing}' is missing"
    elif err.validator == "additionalProperties":
        text = f"unknown key: {err.message.split('(')[-1].rstrip(')')}"
    elif custom:
        text = custom
    elif err.validator == "enum":
        allowed = ", ".join(str(v) for v in err.validator_value)
        text = f"{err.instance!r} is not allowed; use one of: {allowed}"
    elif err.validator == "format" and err.validator_value == "date":
        text = f"{err.instance!r} is not a date; write it as YYYY-MM-DD"
    elif err.validator == "type" and err.instance is None:
        text = f"is empty; it should be {TYPE_WORDS.get(str(err.validator_value), err.validator_value)}"
    elif err.validator == "type":
        text = f"{err.instance!r} should be {TYPE_WORDS.get(str(err.validator_value), err.validator_value)}"
    else:
        text = err.message
    return f"{where}: {text}" if where and not text.startswith(where) else text


def validate(name: str, located: Located, path: str, terms: Terms | None = None) -> list[Problem]:
    """All schema errors of a document, each with the line of the offending key; `terms`: the site's default
    language and audiences, which the schemas name as placeholders."""
    problems = []
    terms = terms or Terms()
    errors = sorted(validator(name, terms.default_language, terms.audiences).iter_errors(jsonable(located.value)),
                    key=lambda e: [str(p) for p in e.absolute_path])
    for err in errors:
        trail = list(err.absolute_path)
        if err.validator == "additionalProperties" and isinstance(err.instance, dict):
            allowed = set(err.schema.get("properties", {}))
            extra = [k for k in err.instance if k not in allowed]
            for key in extra:
                where = ".".join(str(p) for p in trail + [key])
                problems.append(Problem(path, located.line_of(trail + [key]), f"{where}: unknown key '{key}'"))
            continue
        problems.append(Problem(path, located.line_of(trail), _message(err)))
    return problems
