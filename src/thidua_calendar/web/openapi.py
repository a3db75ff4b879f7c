"""The OpenAPI 3.1 description of the JSON API, served at ``/api/openapi.json``.

Written by hand, next to the handlers it describes; a test holds that every API route of the
app is here and nothing else is.
"""

from __future__ import annotations

from typing import Any

from thidua_calendar.dates import FIRST_YEAR, LAST_YEAR

__all__ = ["openapi"]

_ERROR = {"description": "Bad input: one sentence, the one the command line prints.",
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
_TOO_LARGE = {"description": "The body is over the upload limit (--max-upload).",
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
_YEAR = {"name": "year", "in": "query", "required": False,
         "description": "The year (default: this year in Vietnam).",
         "schema": {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR}}
_LANG = {"name": "lang", "in": "query", "required": False,
         "schema": {"type": "string", "enum": ["vi", "en"], "default": "vi"}}
_FILE_FORM = {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary"}}}}}}


def openapi() -> dict[str, Any]:
    """The description."""
    paths: dict[str, Any] = {
        "/api/anniversaries": {"get": {
            "summary": "The commemorations of a year with their counts",
            "description": "The JSON of `thidua-calendar anniversaries YEAR --format json` "
                           "(also csv, ics, text, markdown with format=).",
            "parameters": [
                _YEAR,
                {"name": "province", "in": "query", "required": False,
                 "description": "Add the days of this province, as `--province` does: a "
                                "name with or without diacritics, or an id, of that year.",
                 "schema": {"type": "string"}},
                {"name": "tag", "in": "query", "required": False, "explode": True,
                 "description": "Keep entries with any of these tags (repeatable).",
                 "schema": {"type": "array", "items": {"type": "string"}}},
                {"name": "format", "in": "query", "required": False,
                 "schema": {"type": "string", "enum": ["json", "csv", "ics", "text",
                                                       "markdown"], "default": "json"}},
                _LANG,
            ],
            "responses": {"200": {"description": "The list", "content": {
                "application/json": {"schema": {"type": "array", "items": {
                    "$ref": "#/components/schemas/Occurrence"}}},
                "text/csv": {}, "text/calendar": {}}}, "400": _ERROR},
        }},
        "/api/workdays": {"get": {
            "summary": "Days off and swapped working days of a year",
            "description": "The JSON of `thidua-calendar workdays YEAR --format json`.",
            "parameters": [_YEAR, _LANG],
            "responses": {"200": {"description": "Days off and swaps",
                                  "content": {"application/json": {}}}, "400": _ERROR},
        }},
        "/api/events": {"get": {
            "summary": "The year's congresses and elections, from the shipped list",
            "description": "The JSON of `thidua-calendar events YEAR --format json`; a plan "
                           "file greets one with `events: [{id: ID}]`.",
            "parameters": [_YEAR, _LANG],
            "responses": {"200": {"description": "The events",
                                  "content": {"application/json": {}}}, "400": _ERROR},
        }},
        "/api/plan": {"post": {
            "summary": "Build a plan file and render it",
            "description": "The body is a plan file (docs/plans.md), YAML or JSON. `json`, "
                           "`text`, `markdown`, `docx` as `thidua-calendar plan FILE`; `ics` "
                           "as `thidua-calendar ics FILE`; `yaml` the plan file itself, "
                           "checked (JSON comes back as YAML); `data` the plan file as JSON, "
                           "checked. A plan file may not name `catalogs:` (files on a "
                           "server); write the unit's days under `local:`.",
            "parameters": [
                {"name": "format", "in": "query", "required": False,
                 "schema": {"type": "string", "default": "text",
                            "enum": ["json", "text", "markdown", "docx", "ics", "yaml",
                                     "data"]}},
                _LANG,
            ],
            "requestBody": {"required": True, "content": {
                "application/yaml": {"schema": {"type": "string"}},
                "application/json": {"schema": {"type": "object"}}}},
            "responses": {"200": {"description": "The plan in the format asked for"},
                          "400": _ERROR, "413": _TOO_LARGE, "422": _ERROR},
        }},
        "/api/check": {"post": {
            "summary": "Find the mistakes in a draft plan (.docx, .txt, .md)",
            "description": "The findings of `thidua-calendar check`, each with the words of "
                           "the document it is about (`quote`).",
            "parameters": [_YEAR, _LANG,
                           {"name": "province", "in": "query", "required": False,
                            "description": "Also know this province's days, as `--province`.",
                            "schema": {"type": "string"}}],
            "requestBody": _FILE_FORM,
            "responses": {"200": {"description": "The findings", "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/Findings"}}}},
                "400": _ERROR, "413": _TOO_LARGE, "422": _ERROR},
        }},
        "/api/renew": {"post": {
            "summary": "Last year's plan moved to a new year",
            "description": "What `thidua-calendar renew FILE --year YEAR` writes: a Word file "
                           "with every edit a tracked change (dated when the request is "
                           "answered), or the edited .txt/.md.",
            "parameters": [dict(_YEAR, required=True), _LANG,
                           {"name": "from_year", "in": "query", "required": False,
                            "description": "The old plan's year, when the text does not "
                                           "say it.", "schema": {"type": "integer"}}],
            "requestBody": _FILE_FORM,
            "responses": {"200": {"description": "The renewed file", "content": {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {},
                "text/plain": {}, "text/markdown": {}}},
                "400": _ERROR, "413": _TOO_LARGE, "422": _ERROR},
        }},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "thidua-calendar", "version": "1",
                 "description": "Anniversary counts, working days, plans and the checker of "
                                "draft plans, as the command line gives them."},
        "paths": paths,
        "components": {"schemas": {
            "Error": {"type": "object", "required": ["error"],
                      "properties": {"error": {"type": "string"}}},
            "Occurrence": {"type": "object", "properties": {
                key: {} for key in ("id", "name", "name_en", "date", "end", "years",
                                    "edition", "class", "precision", "calendar", "origin",
                                    "lunar", "tags", "text", "text_en", "line", "line_en")}},
            "Findings": {"type": "object", "required": ["findings"], "properties": {
                "findings": {"type": "array", "items": {"type": "object", "properties": {
                    "line": {"type": "integer"}, "column": {"type": "integer"},
                    "level": {"type": "string", "enum": ["error", "warning", "info"]},
                    "code": {"type": "string"}, "message": {"type": "string"},
                    "quote": {"type": "string"}}}}}},
        }},
    }
