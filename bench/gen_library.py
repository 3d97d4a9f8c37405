"""Write N varied, valid briefs for the library benchmarks.

usage: python -m bench.gen_library N [DIR]   (DIR defaults to ./library-N)

Briefs go in DIR/YEAR/MM/, one per story per day, with 0-6 quotes, 0-5 confirmations
(some resolved), 0-5 stops (some approximate, some undated) and 1-4 sources, so the
library, the pending board and the agenda all have work to do. Deterministic.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

import tomli_w

PLACES = [("Pyongyang", "North Korea"), ("Hanoi", "Vietnam"), ("Beijing", "China"), ("Tokyo", "Japan"),
          ("Seoul", "South Korea"), ("Moscow", "Russia"), ("Brussels", "Belgium"), ("Nairobi", "Kenya"),
          ("Lima", "Peru"), ("Ottawa", "Canada"), ("Canberra", "Australia"), ("Ankara", "Turkey")]  # fmt: skip
CATEGORIES = ["International", "Economy", "Security", "Energy", "Health", "Technology"]
TAGS = ["Russia", "China", "Vietnam", "Trade", "Summit", "Elections", "Sanctions", "Climate", "AI", "Shipping"]
WORDS = [
    "visit",
    "summit",
    "minister",
    "talks",
    "agreement",
    "delegation",
    "official",
    "statement",
    "ministry",
    "report",
    "sources",
    "schedule",
    "agenda",
    "security",
    "economy",
    "energy",
    "trade",
    "sanctions",
    "meeting",
    "announced",
    "expected",
    "week",
]
CERTAINTY = ["unlikely", "roughly_even_chance", "likely", "very_likely", "almost_certain"]


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def brief(number: int, rng: random.Random) -> tuple[dt.date, dict[str, object]]:
    as_of = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(365 * 4))
    sources = [
        {"id": f"s{i}", "outlet": f"Outlet {rng.randrange(40)}", "kind": "newspaper"} for i in range(rng.randint(1, 4))
    ]
    confirmations = []
    for i in range(rng.randint(0, 5)):
        item: dict[str, object] = {
            "id": f"c{i}", "what": sentence(rng, 8), "awaited_from": [f"Ministry {rng.randrange(20)}"],
            "since": as_of - dt.timedelta(days=rng.randrange(30)), "reported_by": [sources[0]["id"]],
        }  # fmt: skip
        if rng.random() < 0.3:
            item |= {"status": "confirmed", "resolved_on": as_of, "resolution": sentence(rng, 6)}
        else:
            item["status"] = "pending"
        confirmations.append(item)
    stops = []
    for _ in range(rng.randint(0, 5)):
        place, country = rng.choice(PLACES)
        stop: dict[str, object] = {"place": place, "country": country, "when": "next week",
                                   "certainty": rng.choice(CERTAINTY), "status": "planned"}  # fmt: skip
        if rng.random() < 0.85:
            start = as_of + dt.timedelta(days=rng.randrange(1, 60))
            stop |= {"start": start, "end": start + dt.timedelta(days=rng.randrange(0, 4))}
            stop["approximate"] = rng.random() < 0.3
        if confirmations and rng.random() < 0.5:
            stop["confirmation"] = confirmations[0]["id"]
        stops.append(stop)
    document: dict[str, object] = {
        "schema_version": 1,
        "brief": {
            "title": f"Brief {number}: {sentence(rng, 7)}",
            "as_of": as_of,
            "category": rng.choice(CATEGORIES),
            "tags": rng.sample(TAGS, rng.randint(0, 3)),
        },
        "summary": {
            "bluf": sentence(rng, 25),
            "key_points": [sentence(rng, 14) for _ in range(rng.randint(3, 6))],
            "body": "\n\n".join(sentence(rng, 40) for _ in range(rng.randint(2, 8))),
        },
        "quotes": [
            {"speaker": f"Speaker {rng.randrange(100)}", "text": sentence(rng, 20), "source": sources[0]["id"]}
            for _ in range(rng.randint(0, 6))
        ],
        "confirmations": confirmations,
        "itinerary": stops,
        "sources": sources,
    }
    return as_of, document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int, metavar="N", help="how many briefs to write")
    parser.add_argument("folder", type=Path, nargs="?", metavar="DIR", help="where (default: ./library-N)")
    arguments = parser.parse_args()
    count: int = arguments.count
    root: Path = arguments.folder or Path(f"library-{count}")
    rng = random.Random(count)
    for number in range(count):
        as_of, document = brief(number, rng)
        folder = root / f"{as_of.year}" / f"{as_of.month:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{as_of.isoformat()}-{number:05d}.toml").write_text(tomli_w.dumps(document), encoding="utf-8")
    print(f"wrote {count} briefs under {root}")


if __name__ == "__main__":
    main()
