"""Score sidegraph predictions against the hand-made gold annotations.

The matching rules are those of the corpus README ("Matching rules used when scoring"); this module is their
single implementation, so a change of rule belongs here and nowhere else. It scores plain dicts (a gold file and
the ``Extractor().extract(path).to_dict()`` output) and imports only the standard library, so it can judge any
extractor, or a hand-written prediction, without loading models.

Every metric is kept as raw counts (:class:`Counts`) so that corpus scores are micro-averages (counts added over
documents) rather than averages of per-document ratios, which would let short documents dominate.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DOC_SUFFIXES = (".txt", ".md", ".pdf")
TEXT_RATIO = 0.9
TITLE_RATIO = 0.8
CHAIR_LIKE = frozenset({"chair", "cochair", "chairperson", "chairman", "chairwoman", "moderator", "comoderator",
                        "facilitator", "cofacilitator"})
# Leading tokens dropped from person names ("H.E." is handled before dots vanish, since "he" is also a surname).
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "associate", "assoc", "hab",
                        "his", "her", "excellency", "hon", "honourable", "honorable", "sir", "dame", "ambassador",
                        "amb", "rev", "reverend", "senator", "lord", "lady", "madam", "madame", "mme", "justice",
                        "dato", "datuk", "datin", "yb"})
FIELDS = ("organisation", "country", "title", "role")
METRICS = ("speakers", "attribution", "countries", "organisations", "relations", "relations_typed",
           *(f"speaker_{f}" for f in FIELDS))
ACTOR_TYPES = frozenset({"organisation", "country"})


# ---------------------------------------------------------------------------------------------- text matching
def normalise(text: str | None) -> str:
    """Fold a string to the form the README compares: accents, case, punctuation, "the", "'s", -ise/-our spellings.

    Punctuation becomes a space (so "Health,Labour" stays two words); apostrophes vanish ("O'Brien" -> "obrien").
    """
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’ʼ]s\b", "", text)
    text = re.sub(r"['’ʼ`´]", "", text)
    text = " ".join(re.sub(r"[^\w\s]|_", " ", text).split())
    text = re.sub(r"^the ", "", text)
    text = re.sub(r"\borganis", "organiz", text)
    return re.sub(r"\blabour", "labor", text)


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def texts_match(a: str | None, b: str | None) -> bool:
    """True when the normalised strings are equal (also ignoring spaces, which dropped punctuation may or may not
    have left, e.g. "ITC-ILO"/"ITCILO") or their difflib ratio is at least 0.9. Empty strings never match."""
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return False
    return na == nb or na.replace(" ", "") == nb.replace(" ", "") or _similarity(na, nb) >= TEXT_RATIO


def aliases_match(predicted: Iterable[str], gold: Iterable[str]) -> bool:
    """An organisation matches when any gold alias matches any predicted name or alias."""
    gold = list(gold)
    return any(texts_match(p, g) for p in predicted for g in gold)


def _names_equal(predicted: Iterable[str], gold: Iterable[str]) -> bool:
    gold = {normalise(g) for g in gold} - {""}
    return any(normalise(p) in gold for p in predicted)


def person_tokens(name: str | None) -> tuple[str, ...]:
    """Name tokens without leading honorifics; dots are deleted first so "K.Y." stays one token like "KY"."""
    text = re.sub(r"\bh\s*\.\s*e\b\.?", " ", (name or "").lower())
    tokens = normalise(text.replace(".", "")).split()
    while len(tokens) > 1 and tokens[0] in HONORIFICS:
        tokens.pop(0)
    return tuple(tokens)


def name_match_strength(predicted: str | None, gold: str | None) -> int:
    """2 = same name, 1 = one token set inside the other sharing the first or last token, 0 = different people.

    The strength lets one-to-one matching pair exact names first, so "Okafor" cannot steal "Adaeze Okafor"
    from a prediction that spells the full name.
    """
    p, g = person_tokens(predicted), person_tokens(gold)
    if not p or not g:
        return 0
    if p == g or "".join(p) == "".join(g):
        return 2
    subset = set(p) <= set(g) or set(g) <= set(p)
    return 1 if subset and (p[0] == g[0] or p[-1] == g[-1]) else 0


def names_match(predicted: str | None, gold: str | None) -> bool:
    """README rule for people: honorifics removed, equal, or token subset sharing the first or last token."""
    return name_match_strength(predicted, gold) > 0


def title_match(predicted: str | None, gold: str | None) -> bool:
    """Titles are paraphrased more than names, hence containment or a looser 0.8 ratio."""
    p, g = normalise(predicted), normalise(gold)
    return bool(p and g) and (p in g or g in p or _similarity(p, g) >= TITLE_RATIO)


def role_class(role: str | None) -> str | None:
    """Collapse roles to "chair" (chair, co-chair, moderator, facilitator) or "other"; None when no role."""
    tokens = normalise(role).split()
    if not tokens:
        return None
    joined = {"".join(tokens[i:i + 2]) for i in range(len(tokens))}
    return "chair" if CHAIR_LIKE & (set(tokens) | joined) else "other"


# ---------------------------------------------------------------------------------------------- results
@dataclass(frozen=True)
class Counts:
    """tp/fp/fn of one metric. ``tp`` counts predictions judged right (precision side); ``tp_gold`` counts gold
    items found (recall side) where that differs, as for relations, where a prediction matching an optional
    gold pair is right but finds no required pair. A zero denominator gives 1.0 unless the other side shows an
    error: nothing predicted and nothing missed is perfect, and predictions that all match optional gold items
    (with no required ones) have nothing left to recall."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_gold: int | None = None

    @property
    def found(self) -> int:
        return self.tp if self.tp_gold is None else self.tp_gold

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.found + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.found / (self.found + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def __add__(self, other: Counts) -> Counts:
        tp_gold = None if self.tp_gold is None and other.tp_gold is None else self.found + other.found
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, tp_gold)

    def to_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "found": self.found,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True)
class Errors:
    """Items for error analysis: gold items not found and predicted items matching nothing."""

    missed: tuple[str, ...] = ()
    spurious: tuple[str, ...] = ()


@dataclass(frozen=True)
class FieldError:
    """A matched speaker whose field is wrong (or missing)."""

    speaker: str
    field: str
    gold: str | None
    predicted: str | None


@dataclass(frozen=True)
class DocumentScore:
    """Scores of one document. ``split_organisations`` counts gold organisations matched by two or more predicted
    entities: not an error of P/R, but a required property of the graph (one node per institution)."""

    document: str
    metrics: Mapping[str, Counts]
    split_organisations: int
    errors: Mapping[str, Errors]
    field_errors: tuple[FieldError, ...] = ()
    split_names: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document,
                "metrics": {k: c.to_dict() for k, c in self.metrics.items()},
                "split_organisations": self.split_organisations,
                "split_names": list(self.split_names),
                "errors": {k: {"missed": list(e.missed), "spurious": list(e.spurious)}
                           for k, e in self.errors.items()},
                "field_errors": [vars(e) for e in self.field_errors]}


@dataclass(frozen=True)
class CorpusReport:
    """Per-document scores plus notes (e.g. gold files without a document); ``micro`` adds counts over documents."""

    documents: tuple[DocumentScore, ...]
    notes: tuple[str, ...] = ()

    @property
    def micro(self) -> dict[str, Counts]:
        return micro_average(self.documents)

    @property
    def publishers(self) -> dict[str, dict[str, Counts]]:
        """Micro scores per publisher group, so a rule that lifts one publisher and no other shows as such."""
        groups: dict[str, list[DocumentScore]] = {}
        for score in self.documents:
            groups.setdefault(publisher(score.document), []).append(score)
        return {group: micro_average(scores) for group, scores in sorted(groups.items())}

    def to_dict(self) -> dict[str, Any]:
        return {"micro": {k: c.to_dict() for k, c in self.micro.items()},
                "publishers": {g: {k: c.to_dict() for k, c in m.items()} for g, m in self.publishers.items()},
                "split_organisations": sum(d.split_organisations for d in self.documents),
                "documents": [d.to_dict() for d in self.documents],
                "notes": list(self.notes)}


# ---------------------------------------------------------------------------------------------- helpers
def _aliases(value: Any) -> tuple[str, ...]:
    """Gold organisations are alias lists, but tolerate a bare string or null."""
    if not value:
        return ()
    items = [value] if isinstance(value, str) else value
    return tuple(a for a in items if isinstance(a, str) and a.strip())


def _entity_names(entity: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_aliases([entity.get("name"), *(entity.get("aliases") or [])])))


def _iso(value: Any) -> str | None:
    return value.strip().upper() if isinstance(value, str) and value.strip() else None


def _greedy(candidates: Iterable[tuple[Any, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching: take (rank, i, j) candidates best rank first, skipping used rows and columns."""
    used_i: set[int] = set()
    used_j: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates, key=lambda c: (c[0], c[1], c[2])):
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            pairs.append((i, j))
    return pairs


def match_speakers(predicted: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """Pairs (predicted index, gold index): exact names first, then subset matches with more shared tokens."""
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            strength = name_match_strength(p.get("name"), g.get("name"))
            if strength:
                shared = len(set(person_tokens(p.get("name"))) & set(person_tokens(g.get("name"))))
                candidates.append(((-strength, -shared), i, j))
    return _greedy(candidates)


# ---------------------------------------------------------------------------------------------- speakers
def field_outcome(field: str, right: bool, predicted: str | None, gold: str | None) -> Counts:
    """Count one field of one matched speaker pair: tp when right; fp when the prediction is non-empty but wrong;
    fn when gold is non-empty and not right (so a wrong value counts both, as in slot filling).

    Country null is itself an answer (IGO staff represent no country), so null = null is a tp and a country given
    to such a speaker is an fp. A gold speaker without organisation accepts anything (README), so that pair is not
    judged on organisation; a title or role empty on both sides has nothing to judge either.
    """
    if gold is None and (field == "organisation" or (predicted is None and field != "country")):
        return Counts()
    return Counts(tp=1) if right else Counts(fp=int(predicted is not None), fn=int(gold is not None))


def _score_speakers(gold: Mapping[str, Any], predicted: Mapping[str, Any],
                    entities: Mapping[str, Mapping[str, Any]]) -> tuple[dict[str, Counts], Errors, list[FieldError]]:
    """Speaker, attribution and per-field counts; fields are judged over matched pairs only, since a missed
    speaker is already counted by "speakers"."""
    g_list, p_list = gold.get("speakers") or [], predicted.get("speakers") or []
    pairs = match_speakers(p_list, g_list)
    metrics = {f"speaker_{f}": Counts() for f in FIELDS}
    field_errors: list[FieldError] = []
    attributed = 0
    for i, j in pairs:
        p, g = p_list[i], g_list[j]
        org_entity = entities.get(p.get("organisation_id") or "")
        p_org = _entity_names(org_entity) if org_entity else _aliases(p.get("organisation"))
        g_org = _aliases(g.get("organisation"))
        p_cty, g_cty = _iso(p.get("country")), _iso(g.get("country"))
        p_title, g_title = p.get("title") or None, g.get("title") or None
        p_role, g_role = p.get("role") or None, g.get("role") or None
        org_ok = not g_org or aliases_match(p_org, g_org)
        attributed += org_ok and p_cty == g_cty
        checks = {  # field -> (right, predicted, gold)
            "organisation": (org_ok, p_org[0] if p_org else None, g_org[0] if g_org else None),
            "country": (p_cty == g_cty, p_cty, g_cty),
            "title": (title_match(p_title, g_title), p_title, g_title),
            "role": (role_class(p_role) is not None and role_class(p_role) == role_class(g_role), p_role, g_role),
        }
        for field, (right, p_val, g_val) in checks.items():
            outcome = field_outcome(field, right, p_val, g_val)
            metrics[f"speaker_{field}"] += outcome
            if outcome.fp or outcome.fn:
                field_errors.append(FieldError(str(g.get("name")), field, g_val, p_val))
    n = len(pairs)
    metrics["speakers"] = Counts(n, len(p_list) - n, len(g_list) - n)
    metrics["attribution"] = Counts(attributed, len(p_list) - attributed, len(g_list) - attributed)
    matched_p, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
    errors = Errors(tuple(str(g.get("name")) for j, g in enumerate(g_list) if j not in matched_g),
                    tuple(str(p.get("name")) for i, p in enumerate(p_list) if i not in matched_p))
    return metrics, errors, field_errors


# ---------------------------------------------------------------------------------------------- countries, orgs
def _score_countries(gold: Mapping[str, Any], entities: Iterable[Mapping[str, Any]]) -> tuple[Counts, Errors]:
    """Set comparison of ISO3 codes; optional countries (named only inside an org's name) are neutral."""
    required = {c for c in map(_iso, gold.get("countries") or []) if c}
    optional = {c for c in map(_iso, gold.get("optional_countries") or []) if c} - required
    predicted = {c for e in entities if e.get("type") == "country" and (c := _iso(e.get("iso3")))}
    spurious = predicted - required - optional
    missed = required - predicted
    return Counts(len(predicted & required), len(spurious), len(missed)), Errors(tuple(sorted(missed)),
                                                                                 tuple(sorted(spurious)))


def _score_organisations(gold: Mapping[str, Any],
                         entities: Iterable[Mapping[str, Any]]) -> tuple[Counts, Errors, tuple[str, ...]]:
    """Each required gold org found by any entity is one tp; entities matching no gold org (required or optional)
    are fp. Extra entities on an already found org are not fp but are reported as splits, except a sub-unit: an
    entity whose `parent` matches the same gold org (gold files may list a body's organs, "SBSTA" of the UNFCCC,
    among its aliases, where the extractor keeps them as nodes `part_of` it). An entity that names one gold org
    exactly counts for that one only, not also for a look-alike ("Singapore International Mediation Centre" is not
    a second "Singapore International Arbitration Centre", though their ratio passes 0.9)."""
    required = [a for a in map(_aliases, gold.get("organisations") or []) if a]
    optional = [a for a in map(_aliases, gold.get("optional_organisations") or []) if a]
    matches: dict[Any, list[int]] = {}
    parents: dict[Any, Any] = {}
    spurious = []
    for number, entity in enumerate(entities):
        if entity.get("type") != "organisation" or not (names := _entity_names(entity)):
            continue
        matched = [k for k, g in enumerate(required) if aliases_match(names, g)]
        key = entity.get("id", number)
        matches[key] = [k for k in matched if _names_equal(names, required[k])] or matched
        parents[key] = entity.get("parent")
        if not matched and not any(aliases_match(names, g) for g in optional):
            spurious.append(names[0])
    hits = [0] * len(required)
    for key, matched in matches.items():
        for k in matched:
            hits[k] += k not in matches.get(parents[key], ())
    found = sum(h > 0 for h in hits)
    missed = tuple(g[0] for g, h in zip(required, hits) if h == 0)
    splits = tuple(g[0] for g, h in zip(required, hits) if h > 1)
    return Counts(found, len(spurious), len(missed)), Errors(missed, tuple(spurious)), splits


# ---------------------------------------------------------------------------------------------- relations
@dataclass(frozen=True)
class Actor:
    """One end of a relation: a country (``names`` = its ISO3) or an organisation (``names`` = aliases)."""

    kind: str
    names: tuple[str, ...]

    def matches(self, other: Actor) -> bool:
        if self.kind != other.kind:
            return False
        return self.names == other.names if self.kind == "country" else aliases_match(self.names, other.names)

    @property
    def key(self) -> tuple[str, frozenset[str]]:
        return self.kind, frozenset(normalise(n) for n in self.names)


@dataclass(frozen=True)
class Pair:
    """An unordered relation pair with every type stated for it."""

    a: Actor
    b: Actor
    types: frozenset[str]

    def matches(self, other: Pair) -> bool:
        return ((self.a.matches(other.a) and self.b.matches(other.b))
                or (self.a.matches(other.b) and self.b.matches(other.a)))

    @property
    def label(self) -> str:
        return f"{self.a.names[0]} -- {self.b.names[0]}"


def _pairs(relations: Iterable[Mapping[str, Any]], ends: tuple[str, str],
           resolve: Callable[[Any], Actor | None]) -> list[Pair]:
    """Relations whose two ends resolve to actors, as unordered pairs; duplicates of the same pair count once
    (README) and pool their types."""
    merged: dict[frozenset[Any], Pair] = {}
    for rel in relations:
        a, b = resolve(rel.get(ends[0])), resolve(rel.get(ends[1]))
        if a and b:
            old = merged.get(key := frozenset((a.key, b.key)))
            merged[key] = Pair(a, b, (old.types if old else frozenset()) | {str(rel.get("type") or "")})
    return list(merged.values())


def _gold_actor(value: Any, gold_orgs: Sequence[tuple[str, ...]]) -> Actor | None:
    """Gold relations often name an org by one alias ("ILO"); widen it with the aliases of the gold organisation
    sharing that alias exactly, so a predicted "International Labour Organization" entity still matches."""
    if isinstance(value, str):
        return Actor("country", (value.strip().upper(),)) if value.strip() else None
    names = _aliases(value)
    keys = {normalise(n) for n in names}
    for org in gold_orgs:
        if keys & {normalise(n) for n in org}:
            names = tuple(dict.fromkeys((*names, *org)))
    return Actor("organisation", names) if names else None


def _predicted_actor(entity_id: Any, entities: Mapping[str, Mapping[str, Any]]) -> Actor | None:
    """Only organisation and country entities are relation actors (README); people and unknown ids drop out."""
    entity = entities.get(entity_id) if isinstance(entity_id, str) else None
    if not entity or entity.get("type") not in ACTOR_TYPES:
        return None
    if entity["type"] == "country":
        return Actor("country", (_iso(entity.get("iso3")) or normalise(entity.get("name")),))
    names = _entity_names(entity)
    return Actor("organisation", names) if names else None


def _score_relations(gold: Mapping[str, Any], predicted: Mapping[str, Any],
                     entities: Mapping[str, Mapping[str, Any]]) -> tuple[Counts, Counts, Errors]:
    """Untyped: precision over predicted pairs matching a required or optional gold pair, recall over required
    pairs. Typed: the same over (pair, type) items, a predicted pair carrying every type predicted for it."""
    orgs = [a for a in map(_aliases, [*(gold.get("organisations") or []),
                                      *(gold.get("optional_organisations") or [])]) if a]
    required = _pairs(gold.get("relations") or [], ("a", "b"), lambda v: _gold_actor(v, orgs))
    optional = _pairs(gold.get("optional_relations") or [], ("a", "b"), lambda v: _gold_actor(v, orgs))
    preds = _pairs(predicted.get("relations") or [], ("source", "target"), lambda v: _predicted_actor(v, entities))
    right = [p for p in preds if any(p.matches(g) for g in (*required, *optional))]
    wrong = [p for p in preds if p not in right]
    found = [g for g in required if any(g.matches(p) for p in preds)]
    missed = [g for g in required if g not in found]
    untyped = Counts(len(right), len(wrong), len(missed), tp_gold=len(found))

    def typed_hits(pairs: Iterable[Pair], against: Sequence[Pair]) -> tuple[int, int]:
        hit = total = 0
        for pair in pairs:
            for kind in pair.types:
                total += 1
                hit += any(kind in other.types and pair.matches(other) for other in against)
        return hit, total

    p_hit, p_total = typed_hits(preds, [*required, *optional])
    g_hit, g_total = typed_hits(required, preds)
    typed = Counts(p_hit, p_total - p_hit, g_total - g_hit, tp_gold=g_hit)
    return untyped, typed, Errors(tuple(g.label for g in missed), tuple(p.label for p in wrong))


# ---------------------------------------------------------------------------------------------- entry points
def score_document(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> DocumentScore:
    """Score one prediction dict against one gold dict (formats: corpus README and Extractor.to_dict())."""
    entity_list = [e for e in predicted.get("entities") or [] if isinstance(e, Mapping)]
    entities = {e["id"]: e for e in entity_list if isinstance(e.get("id"), str)}
    metrics, speaker_errors, field_errors = _score_speakers(gold, predicted, entities)
    metrics["countries"], country_errors = _score_countries(gold, entity_list)
    metrics["organisations"], org_errors, splits = _score_organisations(gold, entity_list)
    metrics["relations"], metrics["relations_typed"], relation_errors = _score_relations(gold, predicted, entities)
    return DocumentScore(
        document=str(gold.get("document") or (predicted.get("document") or {}).get("id") or ""),
        metrics={name: metrics[name] for name in METRICS},
        split_organisations=len(splits),
        errors={"speakers": speaker_errors, "countries": country_errors, "organisations": org_errors,
                "relations": relation_errors},
        field_errors=tuple(field_errors),
        split_names=splits)


def publisher(document: str) -> str:
    """The publisher group of a document: its name up to the first "_" ("enb_enb12501e_..." -> "enb")."""
    return document.split("_", 1)[0]


def micro_average(scores: Iterable[DocumentScore]) -> dict[str, Counts]:
    """Add the counts of all documents, metric by metric."""
    total = {name: Counts() for name in METRICS}
    for score in scores:
        for name in METRICS:
            total[name] += score.metrics.get(name, Counts())
    return total


def evaluate(gold_dir: Path, docs_dir: Path,
             extract_all: Callable[[Sequence[Path]], Iterable[Mapping[str, Any]]]) -> CorpusReport:
    """Score every gold/NAME.json against docs_dir/NAME.{txt,md,pdf}. ``extract_all`` receives all paths at
    once (so an extractor can batch, e.g. spaCy's nlp.pipe) and must yield one prediction per path, in order."""
    notes: list[str] = []
    golds: list[dict[str, Any]] = []
    paths: list[Path] = []
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        doc = next((p for s in DOC_SUFFIXES if (p := Path(docs_dir) / f"{gold_path.stem}{s}").is_file()), None)
        if doc is None:
            notes.append(f"{gold_path.stem}: no document {gold_path.stem}.{{txt,md,pdf}} in {docs_dir}; skipped")
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        gold.setdefault("document", gold_path.stem)
        golds.append(gold)
        paths.append(doc)
    predictions = list(extract_all(paths)) if paths else []
    if len(predictions) != len(paths):
        raise ValueError(f"extract_all returned {len(predictions)} predictions for {len(paths)} documents")
    return CorpusReport(tuple(score_document(g, p) for g, p in zip(golds, predictions)), tuple(notes))


def format_table(report: CorpusReport) -> str:
    """Fixed-width P/R/F1 table, one row per document plus MICRO, then the speaker-field block and notes."""
    cols = ("speakers", "attribution", "countries", "organisations", "relations")
    width = max([len("document"), len("MICRO"), *(len(d.document) + 5 for d in report.documents)])

    def prf(c: Counts) -> str:
        return f"{c.precision:4.2f} {c.recall:4.2f} {c.f1:4.2f}"

    def row(name: str, metrics: Mapping[str, Counts], splits: int) -> str:
        cells = "  ".join(prf(metrics[c]) for c in cols)
        return f"{name:<{width}}  {cells}  {metrics['relations_typed'].recall:7.2f}  {splits:5d}"

    lines = [f"{'':<{width}}  " + "  ".join(f"{c:<14}" for c in cols) + "  typed R  split",
             f"{'document':<{width}}  " + "  ".join(["P    R    F1  "] * len(cols))]
    lines += [row(d.document, d.metrics, d.split_organisations) for d in report.documents]
    lines.append("-" * len(lines[0]))
    lines.append(row("MICRO", report.micro, sum(d.split_organisations for d in report.documents)))
    lines += ["", "per publisher (micro over its documents)"]
    for group, metrics in report.publishers.items():
        documents = [d for d in report.documents if publisher(d.document) == group]
        lines.append(row(f"{group} ({len(documents)})", metrics, sum(d.split_organisations for d in documents)))
    lines += ["", "speaker fields (micro, over matched speakers)",
              f"{'field':<14}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>7}{'R':>7}{'F1':>7}"]
    for field in FIELDS:
        c = report.micro[f"speaker_{field}"]
        lines.append(f"{field:<14}{c.tp:>6}{c.fp:>6}{c.fn:>6}{c.precision:>7.2f}{c.recall:>7.2f}{c.f1:>7.2f}")
    lines += ["", *(f"note: {n}" for n in report.notes)] if report.notes else []
    return "\n".join(line.rstrip() for line in lines)
