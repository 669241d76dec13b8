"""Add the French, Spanish and Portuguese names of every country to `models/countries.json` (`translations`).

    python scripts/build_country_translations.py

Reports in those languages name countries as "Maroc", "Brasil", "Éthiopie"; the English aliases miss them. The
names come from the ISO 3166-1 translations pycountry ships (Debian's iso-codes, gettext catalogues): each
country's `name`, `common_name` and `official_name` in each language. A translation is kept only when it is new as
written (single words match only as written: "Japon" and "Japón" are two), names one country (compared folded,
with every country's names and aliases and with the regions and groups of `models/non_countries.json`), and is not
one of the `EXCLUDED` words: a given name or a common word that is written
capitalised in running text ("Maurice", "Granada", "Chili"). Each country's translations are sorted; the file keeps
its layout, so a rerun gives the same bytes.
"""

from __future__ import annotations

import gettext
import json
from collections import defaultdict
from pathlib import Path

import pycountry

from pipeline.countries import fold

MODELS = Path(__file__).resolve().parents[1] / "models"
LANGUAGES = ("es", "fr", "pt")
EXCLUDED = frozenset({
    "Maurice", "Mauricio", "Dominique", "Salvador", "Guadalupe", "Monserrate",  # given names
    "Granada", "Grenade",  # a Spanish city, an English word
    "Chili", "Bermudas", "Bermudes",  # English words
    "Guiana",  # "French Guiana" is another territory
    "Gana",  # a Spanish verb
})
_ATTRIBUTES = ("name", "common_name", "official_name")


def translations(table: dict[str, dict], non_countries: dict[str, list[str]]) -> dict[str, dict[str, list[str]]]:
    """ISO3 -> language -> the new names of that country in that language, each as written ("Japon" and "Japón")."""
    owned = [(iso3, name) for iso3, entry in table.items() for name in (entry["name"], *entry["aliases"], *entry["demonyms"])]
    written = {name for _, name in owned}
    owner = {fold(name): iso3 for iso3, name in owned}
    owner |= {fold(name): "" for names in non_countries.values() for name in names}  # a region or group: no country
    found: dict[tuple[str, str], set[str]] = defaultdict(set)  # (ISO3, language) -> names
    locales = Path(pycountry.__file__).parent / "locales"
    for language in LANGUAGES:
        catalogue = gettext.translation("iso3166-1", str(locales), languages=[language])
        for country in pycountry.countries:
            for attribute in _ATTRIBUTES:
                english = getattr(country, attribute, None)
                name = catalogue.gettext(english) if english else None
                if name and name != english and name not in written and name not in EXCLUDED:
                    found[(country.alpha_3, language)].add(name)
    claims: dict[str, set[str]] = defaultdict(set)
    for (iso3, _), names in found.items():
        for name in names:
            claims[fold(name)].add(iso3)
    kept: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for (iso3, language), names in sorted(found.items()):
        ours = sorted(n for n in names if claims[fold(n)] == {iso3} and owner.get(fold(n), iso3) == iso3)
        if ours:
            kept[iso3][language] = ours
    return dict(kept)


def main() -> None:
    path = MODELS / "countries.json"
    table = json.loads(path.read_text(encoding="utf-8"))
    non_countries = json.loads((MODELS / "non_countries.json").read_text(encoding="utf-8"))
    for entry in table.values():
        entry.pop("translations", None)
    for iso3, names in translations(table, non_countries).items():
        table[iso3]["translations"] = names
    path.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
