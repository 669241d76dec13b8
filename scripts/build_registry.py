"""Derive `models/registry-*.tsv` from the Research Organization Registry (ROR) extract.

    python scripts/build_registry.py [../shared/data/ror/ror-organisations.jsonl.gz]

ROR (CC0) lists ~49,000 research-performing and funding organisations — universities, research councils,
government agencies, funders, NGOs, companies — with their names, acronyms, country and parent. sidegraph uses it
as world knowledge: to recognise an institution the NER misses, to give it one canonical name and id, and to say
which country a national body belongs to. This script decides what is shipped, so the choice is reviewable and
repeatable (the output is the same for the same input):

- every record is kept, with its ROR id, display name, country (ISO3), types and parent (the parent's ROR id, or
  the gazetteer's entity id for a body under an international one); the entity ids are derived when the files are
  read (`pipeline/registry.py`), so they are not shipped;
- names are the display name, the English labels and the aliases in Latin script (others cannot occur in an
  English report), a trailing "(Country)" that ROR adds to tell companies apart stripped ("Lyft (United States)");
- the gazetteer of international bodies (`models/organisations.jsonl`) wins: a record that carries one of its names
  is dropped, and so is any single name or acronym it shares with the gazetteer, a country or a region, and a
  state's government ("Australian Government": sidegraph reads it as the country);
- `scope` says whose staff represent a state: `international` for a body under an international one of the
  gazetteer or whose display name opens as one's ("World ...", "International ...", not a company, university
  or hospital) without naming a state;
  `national` for a government body or one named after its own country ("Kenya Forestry Research Institute");
  empty for the rest (a university, a company), whose country is where it is, not whom its staff represent;
- a name is `distinctive` when it has two words or more, one of them local, i.e. at least 80% of the registry's
  names that use it belong to one country ("Kenyatta", "Wageningen", "Japan"), and it is the display name or has
  an institution's word (`models/organisation_words.json`: an alias such as "Australian Capital Territory" names
  a place too); an international body's name of three words or more is distinctive too ("World Climate Research
  Programme"). Only such names are recognised in a text on their own. The others
  are `generic` ("Cabinet Office", "Ministry of Power"); they and the acronyms need more evidence
  (`pipeline/registry.py`). In either list "=" stands for the display name, which is always one of them.

Rows are sorted by ROR id and split into files under 2 MB.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.countries import CountryIndex, fold  # noqa: E402
from pipeline.organisations import OrganisationWords, org_key  # noqa: E402
from pipeline.registry import DISPLAY_NAME  # noqa: E402
from pipeline.resources import load_json, load_jsonl  # noqa: E402

SOURCE = REPO.parent / "shared" / "data" / "ror" / "ror-organisations.jsonl.gz"
MODELS = REPO / "models"
MAX_BYTES = 1_900_000
LOCAL_SHARE = 0.8
"""A word is local when at least this share of the registry's names that use it belong to one country."""
INTERNATIONAL_OPENINGS = ("international ", "world ", "global ", "intergovernmental ", "united nations ")
"""How the display name of an international body opens ("International Seismological Centre", "World Climate
Research Programme"); "Philip Morris International" or "Temasek Foundation International" do not."""
NOT_INTERNATIONAL_TYPES = frozenset({"company", "education", "healthcare"})
MIN_INTERNATIONAL_WORDS = 3
"""An international body's name has no local word; with this many words it is distinctive all the same ("World
Climate Research Programme")."""
COLUMNS = ("ror_id", "name", "country", "types", "parent", "scope", "distinctive", "generic", "acronyms")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=SOURCE)
    args = parser.parse_args(argv)
    with gzip.open(args.source, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    rows = build_rows(records)
    for old in MODELS.glob("registry-*.tsv"):
        old.unlink()
    for number, chunk in enumerate(_chunks(rows), start=1):
        path = MODELS / f"registry-{number}.tsv"
        path.write_text("\t".join(COLUMNS) + "\n" + "".join("\t".join(row) + "\n" for row in chunk), encoding="utf-8")
        print(f"{path.relative_to(REPO)}: {len(chunk)} organisations, {path.stat().st_size:,} bytes")


def build_rows(records: list[dict]) -> list[tuple[str, ...]]:
    countries = CountryIndex.default()
    words = OrganisationWords.default()
    gazetteer = _gazetteer_keys()
    places = {org_key(name) for name in countries.written_names}
    places |= {org_key(name) for names in load_json("non_countries.json").values() for name in names}
    by_id = {r["id"]: r for r in records}
    names = {r["id"]: _names(r, countries) for r in records}
    known = {  # ROR id -> (id, country or "") of the gazetteer's entry for it
        r["id"]: gazetteer[key] for r in records for key in map(org_key, names[r["id"]]) if key in gazetteer
    }
    international = {ror_id for ror_id, (_, country) in known.items() if not country}
    taken = gazetteer.keys() | places
    shares = _local_words(records, names)
    rows = []
    for record in sorted(records, key=lambda r: r["id"]):
        kept = [n for n in names[record["id"]] if org_key(n) not in places and not _a_states_government(n, countries)]
        if record["id"] in known or not kept or not record.get("country"):
            continue
        acronyms = [a for a in record.get("acronyms", ()) if _latin(a) and org_key(a) not in taken]
        scope = _scope(record, kept, countries, by_id, international)
        distinctive = [n for n in kept if _distinctive(n, n == kept[0], scope, shares, words)]
        generic = [n for n in kept if n not in distinctive]
        rows.append((
            record["id"], kept[0], record["country"], ",".join(record.get("types", ())), record.get("parent", ""),
            scope, _cell(distinctive, kept[0]), _cell(generic, kept[0]), "|".join(dict.fromkeys(acronyms)),
        ))
    shipped = {row[0] for row in rows}
    parents = {ror_id: gazetteer_id for ror_id, (gazetteer_id, _) in known.items()} | {r: r for r in shipped}
    return [(*row[:4], parents.get(row[4], ""), *row[5:]) for row in rows]


def _cell(names: list[str], display: str) -> str:
    """Names joined by "|", the display name written `DISPLAY_NAME`: most records have no other."""
    return "|".join(DISPLAY_NAME if name == display else name for name in names)


def _distinctive(name: str, display: bool, scope: str, local: set[str], words: OrganisationWords) -> bool:
    """Whether a name may be recognised on its own (see the module docstring)."""
    if len(name.split()) < 2 or not (display or words.is_institution(name)):
        return False
    if scope == "international":
        return len(name.split()) >= MIN_INTERNATIONAL_WORDS
    return bool(_words(name) & local)


def _gazetteer_keys() -> dict[str, tuple[str, str]]:
    """Every name of the gazetteer (`models/organisations.jsonl`), with its body's id and country ("" if
    international)."""
    keys: dict[str, tuple[str, str]] = {}
    for record in load_jsonl("organisations.jsonl"):
        for name in (record["name"], *record.get("aliases", ()), *record.get("case_sensitive_aliases", ())):
            keys.setdefault(org_key(name), (record["id"], record.get("country") or ""))
    return keys


def _a_states_government(name: str, countries: CountryIndex) -> bool:
    """ "Australian Government", "Government of Kenya": sidegraph reads a state's government as the country."""
    return re.search(r"(?i)^(?:the\s+)?government\b|\bgovernment$", name) is not None and bool(countries.represented(name))


def _names(record: dict, countries: CountryIndex) -> list[str]:
    """Display name, English labels and aliases, Latin script only, ROR's "(Country)" suffix dropped."""
    names = (record["name"], *record.get("labels", ()), *record.get("aliases", ()))
    cleaned = (_without_country_suffix(" ".join(n.split()), countries) for n in names)
    kept = (n for n in cleaned if n and n != DISPLAY_NAME and _latin(n) and "\t" not in n and "|" not in n)
    return list(dict.fromkeys(kept))


def _without_country_suffix(name: str, countries: CountryIndex) -> str:
    match = re.fullmatch(r"(.+?)\s+\(([^()]+)\)", name)
    return match.group(1) if match and countries.lookup(match.group(2)) else name


def _latin(text: str) -> bool:
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in text)


def _words(name: str) -> set[str]:
    return {w for w in fold(name).split() if len(w) > 2 and not w.isdigit()}


def _local_words(records: Iterable[dict], names: dict[str, list[str]]) -> set[str]:
    """Words at least `LOCAL_SHARE` of whose uses are in one country's names: place and proper names."""
    by_word: dict[str, Counter[str]] = defaultdict(Counter)
    for record in records:
        for word in {w for name in names[record["id"]] for w in _words(name)}:
            by_word[word][record.get("country") or ""] += 1
    return {w for w, seen in by_word.items() if seen.most_common(1)[0][1] >= LOCAL_SHARE * sum(seen.values())}


def _scope(record: dict, names: list[str], countries: CountryIndex, by_id: dict[str, dict], international: set[str]) -> str:
    """"international", "national" or "" (see the module docstring)."""
    if _names_its_country(names[0], record["country"], countries):
        return "national"
    ancestor, seen = record.get("parent"), set()
    while ancestor and ancestor not in seen:
        if ancestor in international:
            return "international"
        seen.add(ancestor)
        ancestor = by_id.get(ancestor, {}).get("parent")
    types = set(record.get("types", ()))
    if fold(names[0]).startswith(INTERNATIONAL_OPENINGS) and not types & NOT_INTERNATIONAL_TYPES:
        return "international"
    return "national" if "government" in types else ""


def _names_its_country(name: str, iso3: str, countries: CountryIndex) -> bool:
    """ "Kenya Forestry Research Institute", "Japanese Society of X", "National Museum of Australia": the display
    name, not an alias ("United States Department of Energy Office of Science Brookhaven National Laboratory")."""
    words = name.replace(",", " ").split()
    phrases = (" ".join(words[start : start + size]) for size in (4, 3, 2, 1) for start in range(len(words) - size + 1))
    return any(p[:1].isupper() and (countries.lookup(p) or countries.demonym(p)) == iso3 for p in phrases)


def _chunks(rows: list[tuple[str, ...]]) -> Iterable[list[tuple[str, ...]]]:
    chunk: list[tuple[str, ...]] = []
    size = 0
    for row in rows:
        line = len(("\t".join(row) + "\n").encode("utf-8"))
        if chunk and size + line > MAX_BYTES:
            yield chunk
            chunk, size = [], 0
        chunk.append(row)
        size += line
    if chunk:
        yield chunk


if __name__ == "__main__":
    main()
