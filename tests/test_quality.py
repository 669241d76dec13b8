"""Regression floors on the gold corpus: raised as the extractor improves, never lowered to pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import Extractor
from pipeline.evaluate import CorpusReport, evaluate

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"

FLOORS_F1 = {
    "speakers": 0.973,
    "attribution": 0.845,
    "countries": 0.994,
    "organisations": 0.923,
    "relations": 0.866,
}
"""Re-based on 2026-12-04 when the gold corpus grew from 13 to 34 documents (measured micro F1 then: speakers
0.810, attribution 0.575, countries 0.984, organisations 0.806, relations 0.653). Only ever raised from here:
speakers and attribution on 2026-12-04 with the speaker readers by layout shape (measured 0.961 and 0.762),
countries and organisations on 2026-12-04 with the ROR registry, official state names, typography and the repaired
organisation spans (measured: countries 0.989, organisations 0.883); relations to 0.81 with the discourse, list
and layout readings (measured 0.817, P 0.95 R 0.72); after the branches met (2026-12-04, second session):
organisations 0.895, relations 0.86 (measured 0.895, 0.862 with P 0.945 R 0.792). Attribution stays at 0.755: two
rules that lifted one publisher each (administrative-area words, a talk title beside a name) were dropped as special
cases, which leaves it at 0.759; raised to 0.76 with a known unit's parent and "UNIT at BODY" read as the body
(measured 0.765, lifting two publishers). Speakers had been raised to 0.956 and attribution to 0.765 on figures
that counted five rules which each lifted one document only (a talk's gerund subtitle, a role's "by", a presenter
column, possessive list items, a name after a slash); with those rules dropped as special cases the floors return to
the values the rules had not touched: speakers 0.955 (measured 0.9554), attribution 0.76 (measured 0.7649).
Fourth session (2026-12-04): the writer of a first-person account (cpr, sparkplug), an agenda item's title cell read
as what its speaker presents (peer) and "St. Kitts" as a state's short name (un80) raised them to speakers 0.958
(measured 0.9585), attribution 0.77 (0.7715), countries 0.99 (0.9921), organisations 0.897 (0.8977), relations
0.865 (0.8667). Fifth session (speakers6 branch), each rule lifting two publishers or more (gold or dev): a body's
possessive before a name (mse, dev dai), the first of two roles joined by "and" (lesc, obis), a department named
by portfolio and state (mse, dev contrails), kinds of place as no name's words (lesc, dev contrails and esaepimm):
speakers 0.962 (measured 0.9627), attribution 0.79 (0.7928); then a university officer serving the university named
last (nigerianseminars, scoop): attribution 0.80 (0.8048). Then, with the session's other merges (PDF lines joined
from the geometry, nested Markdown, a speaker's stated organisation kept when the NER calls it a person, a title's
portfolio list cut at commas, a stated organisation with a thing's head word): speakers 0.965 (measured 0.9657),
attribution 0.807 (0.8077), organisations 0.91 (0.9103), relations 0.866 (0.8667). Sixth session (spk8 branch): a
programme line ending in an honorific-led name read as slots (gold twict, dev esaepimm): speakers 0.967 (measured
0.9673), attribution 0.809 (0.8095). With the attr8 branch (the one body a paragraph names before a speaker
who is their sentence's subject: zqtzt, dev cbec; records read across a blank line: unggim, dev esaepimm):
attribution 0.81; then a company head's proper name as their body (lesc, dev2 icaocoop), a talk's title crediting
its speaker after a dash (dev3 asef, nihai; dev2 openwis) and quote attributions with the title before the name
(dev3 neu, msstatecavs): attribution 0.815 (measured 0.8155). Seventh session (prog9 branch): a body's
acronym then a leader's title in one field, the acronym never cut at its hyphen (gold twict, dev esaepimm, fresh
ainas): attribution 0.818 (measured 0.8185). Ninth session (acc11 branch; the dev sets were lost with the
machine, so rules were checked on gold and by reading their effect on the corpus's no-gold reports and on real
sentences from other publishers): an employer after what kind of body it is (gold lesc, an Oslo Innovation Week speaker
bio), a national body's short acronym only where its country is named (twict), a state's possessive before a body
(no-gold ENB): attribution 0.83 (measured 0.8304), organisations 0.914 (evaluate: 0.915). Tenth session (a fresh
development set of 14 reports, devsets/2026-12-05): "at ORG in COUNTRY" after a title's list of fields read as after
one title (the part after "at" was lost; gold obis): attribution 0.833 (measured 0.8333); relations stay 0.866
(measured 0.8667 after dropping a rule that cost precision). Six readings that each lifted one document only were
dropped in the session's review, which leaves these values untouched. Eleventh session: a name headed
from its front as Romance and German names are (organisation_words.json head_first, four publishers: gold iupware,
dev iassist, itnewslat, pdis): attribution 0.836 (measured 0.8363), organisations 0.917 (measured 0.9179). Rules that
lifted one document only were dropped in the session's review (gold ausmfa and mse among them), which leaves the
speakers and relations floors where they were. Thirteenth session: a list after "include" takes the part its lead
names (gold cpr, dev csumb, an unlabelled recap): speakers 0.968 (measured 0.9688), attribution 0.838 (measured
0.8380). Fourteenth session: "NAME, X Lighting, said" with a company the NER tagged (gold lesc, no-gold enb):
attribution 0.841 (measured 0.8410), organisations 0.919 (measured 0.9194). Fifteenth session: a national body's country given for one of its people holds for the others (unggim, dev
pacificvis): attribution 0.843 (measured 0.8440). Three readings that lifted one gold document each ("Chair NAME
(Mali)", adverbs inside a cue phrase, UN Secretariat offices in the gazetteer) were raised on, then dropped in the
session's review; the floors they had lifted (attribution 0.849, organisations 0.92, relations 0.871) went back to
what the general rules measure. Sixteenth session: no micro F1 moved (its rules lifted development reports and gold
eera's speaker roles, 0.948 -> 0.954, which has no floor); the floors stay. Seventeenth session: armed services are
institutions of their state (gold whitehouse's "PNG Defense Force", dev mdf, zambiamod, csumb, cosatt): organisations
0.92 (measured 0.9208). Nineteenth session: no floor moved. "in" leading to a speaker's body only after a title
(gold twict; attribution 0.8470) and a second post run on after "and" cut off the body (gold mse; 0.8499) each lifted
one document and were dropped, as was the eighteenth session's envoy reading (dev pfm only). Twentieth session: a
state's adjective names it unless it names a language (gold scoop, and eight development publishers): countries
0.994 (measured 0.9947). Twenty-eighth session: a short name the NER tagged a place or an institution opens
with a given name (models/given_names.txt; gold obis, dev twelve publishers) and a name field of English words
only is no person's (gold unggim, dev fourteen publishers): speakers 0.973 (measured 0.9732), attribution 0.845
(measured 0.8452), organisations 0.921 (measured 0.9220). Thirty-first session: a bracket opened before a speaker's
name is no part of their organisation ("Talk (NAME, X Institute)"; gold iupware, and two no-gold programmes):
organisations 0.923 (measured 0.9235)."""


@pytest.fixture(scope="module")
def report(extractor) -> CorpusReport:
    if not (SHARED / "gold").is_dir():
        pytest.skip("the gold corpus (../shared/corpus) is not here")

    def extract_all(paths):
        return [result.to_dict() for _, result in extractor.extract_many(paths)]

    return evaluate(SHARED / "gold", SHARED / "docs", extract_all)


@pytest.mark.parametrize("metric", sorted(FLOORS_F1))
def test_micro_f1_stays_above_floor(report: CorpusReport, metric: str) -> None:
    assert report.micro[metric].f1 >= FLOORS_F1[metric]


def test_every_gold_document_was_scored(report: CorpusReport) -> None:
    assert len(report.documents) == len(list((SHARED / "gold").glob("*.json")))


def test_seed_speakers_fully_attributed(report: CorpusReport) -> None:
    seed = next(d for d in report.documents if d.document == "side-event-sstc")
    assert seed.metrics["attribution"].f1 == 1.0


def test_relation_precision_three_times_the_cooccurrence_baseline(report: CorpusReport) -> None:
    """Linking every pair of actors that share a sentence is what generic tools do; ours must be far more precise."""
    baseline = Extractor(relations="cooccurrence")

    def extract_all(paths):
        return [result.to_dict() for _, result in baseline.extract_many(paths)]

    simple = evaluate(SHARED / "gold", SHARED / "docs", extract_all)
    assert report.micro["relations"].precision >= 3 * simple.micro["relations"].precision
