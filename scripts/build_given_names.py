"""Derive `models/given_names.txt` from Faker's lists of first names.

    pip install faker==40.63.0 && python scripts/build_given_names.py

The NER tags many two-word names as places or organisations ("Kwame Asante" as GPE, "Ingrid Solberg" as ORG),
most often in lists and captions with no sentence around them. A list of given names lets the pipeline see that
such a span opens as a person's name does. Faker (MIT licence, see `models/README.md`) keeps first-name lists
for 80-odd locales, gathered from public name statistics; this script takes them all and keeps the names an
English report can print:

- written in Latin script (a letter's Unicode name says LATIN), capitalised, two letters or more, hyphens and
  apostrophes allowed ("Jean-Pierre", "D'Arcy");
- sorted, one per line, so the file can be reviewed and diffed.

Whether a name is also an English word ("Grace", "Hope") is not decided here: the pipeline reads the span's
other words before it retags (`pipeline/components.py`, `given_name_persons`).
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from pathlib import Path

import faker.providers.person as person_providers

TARGET = Path(__file__).resolve().parents[1] / "models" / "given_names.txt"
LISTS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")


def faker_first_names() -> set[str]:
    """Every first name of every locale's person provider. Some lists are weighted (a dict of name to share)."""
    names: set[str] = set()
    for module in pkgutil.iter_modules(person_providers.__path__):
        provider = getattr(importlib.import_module(f"{person_providers.__name__}.{module.name}"), "Provider", None)
        for attribute in LISTS:
            listed = getattr(provider, attribute, ())
            if isinstance(listed, (list, tuple, dict)):
                names.update(name.strip() for name in listed if isinstance(name, str))
    return names


def printable_in_english(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return (
        len(letters) >= 2
        and name[0].isupper()
        and all(c.isalpha() or c in "-'" for c in name)
        and all("LATIN" in unicodedata.name(c, "") for c in letters)
        and not name.isupper()
    )


def main() -> None:
    names = sorted(name for name in faker_first_names() if printable_in_english(name))
    TARGET.write_text("".join(f"{name}\n" for name in names), encoding="utf-8")
    print(f"{len(names)} given names -> {TARGET.relative_to(TARGET.parents[1])}")


if __name__ == "__main__":
    main()
