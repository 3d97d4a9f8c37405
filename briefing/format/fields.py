"""The brief format's fields, as data: the one table the validator and the schema share."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal

from briefing.format.model import (
    Certainty,
    Confidence,
    ConfirmationStatus,
    Reliability,
    SourceKind,
    StopStatus,
)

SCHEMA_VERSION = 1

Kind = Literal["str", "date", "bool", "id", "str_list", "id_list", "url"]


@dataclass(frozen=True)
class Field:
    kind: Kind
    required: bool = False
    vocabulary: type[Enum] | None = None


TABLES: dict[str, dict[str, Field]] = {
    "brief": {
        "title": Field("str", required=True),
        "as_of": Field("date", required=True),
        "category": Field("str"),
        "tags": Field("str_list"),
        "dateline": Field("str"),
        "updated": Field("date"),
    },
    "summary": {
        "bluf": Field("str", required=True),
        "key_points": Field("str_list"),
        "body": Field("str"),
        "confidence": Field("str", vocabulary=Confidence),
    },
}

ARRAYS: dict[str, dict[str, Field]] = {
    "quotes": {
        "speaker": Field("str", required=True),
        "text": Field("str", required=True),
        "role": Field("str"),
        "said_on": Field("date"),
        "context": Field("str"),
        "source": Field("id"),
        "translated": Field("bool"),
    },
    "confirmations": {
        "id": Field("id", required=True),
        "what": Field("str", required=True),
        "awaited_from": Field("str_list", required=True),
        "status": Field("str", required=True, vocabulary=ConfirmationStatus),
        "since": Field("date"),
        "reported_by": Field("id_list"),
        "note": Field("str"),
        "resolved_on": Field("date"),
        "resolution": Field("str"),
    },
    "itinerary": {
        "place": Field("str", required=True),
        "country": Field("str"),
        "when": Field("str"),
        "start": Field("date"),
        "end": Field("date"),
        "approximate": Field("bool"),
        "certainty": Field("str", vocabulary=Certainty),
        "status": Field("str", vocabulary=StopStatus),
        "purpose": Field("str"),
        "confirmation": Field("id"),
        "sources": Field("id_list"),
    },
    "sources": {
        "id": Field("id", required=True),
        "outlet": Field("str", required=True),
        "kind": Field("str", vocabulary=SourceKind),
        "url": Field("url"),
        "title": Field("str"),
        "published": Field("date"),
        "reliability": Field("str", vocabulary=Reliability),
    },
}

EXTENSION_TABLE = "x"
TOP_LEVEL = ("schema_version", *TABLES, *ARRAYS, EXTENSION_TABLE)
