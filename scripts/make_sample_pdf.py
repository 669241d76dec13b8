"""Generate `ministerial-dialogue-sample.pdf`: a short, fictional side-event summary for tests.

The people, numbers and event are invented; the text is written for this project, so it can live
in the repository (unlike the reports in shared/corpus, which belong to their publishers). It
copies the layout problems of real reports: text hard-wrapped by the PDF, a speaker section that
runs over the page break mid-sentence, "Quote:" lines, and country names in their usual
variants (Viet Nam, Lao PDR, Türkiye, the UK).

Run with the test extras installed (reportlab):  python scripts/make_sample_pdf.py
The output is byte-for-byte reproducible (`invariant=1`), so regenerating it makes no diff.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

OUTPUT = Path(__file__).resolve().parents[1] / "corpus" / "ministerial-dialogue-sample.pdf"
TITLE = "Ministerial Dialogue on Social Protection Financing"
SUBTITLE = "Side event summary (fictional sample)"

PARAGRAPHS = [
    ("Ms Adaeze Okafor, Director of the Social Security Division, Ministry of Labour and Employment, "
    "Nigeria, chaired the session. She recalled that fewer than half of the workers in the region "
    "contribute to any pension or health scheme, and asked the panel how ministries of finance and "
    "labour can plan together for the long-term financing of social protection floors. The dialogue "
    "followed a regional meeting of labour ministers earlier in the year, whose conclusions called "
    "for joint budget reviews."),
    ("Mr Tomás Herrera, Senior Adviser, Inter-American Development Bank, presented a review of fiscal "
    "space studies from twelve countries. A programme implemented jointly by the ILO and UNICEF "
    "helped Viet Nam and Lao PDR to cost a universal child benefit, and a similar study in Türkiye "
    "was completed with the support of the Government of Norway. He stressed that such studies only "
    "matter when budget offices own the numbers."),
    ("Dr Mei-Ling Tan (World Health Organization) said that health coverage and income security should "
    "be financed together, because households facing large medical bills quickly fall into poverty. "
    "She described a pilot in which district health offices share enrolment data with social "
    "security agencies."),
    "Quote: Nobody should have to choose between medicine and food for their children.",
    ("Mr Kwame Mensah, Chief Economist, Ministry of Finance, Ghana, reported on the exchanges between "
    "Ghana and Kenya on digital payment systems. Since 2021 the two treasuries have compared how they "
    "pay cash transfers in remote districts, and both have cut the cost of each payment by almost a "
    "third while reaching more women who had never held an account. Ghana will host the next round "
    "of visits, funded by the UK."),
    ("Ms Ingrid Solberg, Ambassador, Permanent Mission of Norway to the United Nations Office at "
    "Geneva, closed the dialogue. She announced that Norway will continue to support the fiscal "
    "space work in Asia and Africa, and invited other donors to pool their funding."),
    ("Quote: Social protection is not a cost to be cut in hard times; it is what keeps hard times "
    "from becoming crises."),
]
PAGE_BREAK_AFTER = "both have cut"
"""Page 1 ends with the line ending in these words, inside a sentence of Mr Mensah's section."""

FONT, SIZE, LEADING = "Helvetica", 11, 15
LEFT, TOP, WIDTH = 2.5 * cm, A4[1] - 2.5 * cm, A4[0] - 5 * cm


def layout() -> list[list[str]]:
    """The lines of each page: title, then paragraphs wrapped to the text width, a blank line apart."""
    lines = [TITLE, SUBTITLE, ""]
    for paragraph in PARAGRAPHS:
        lines.extend(simpleSplit(paragraph, FONT, SIZE, WIDTH))
        lines.append("")
    last = next(i for i, line in enumerate(lines) if line.endswith(PAGE_BREAK_AFTER))
    return [lines[: last + 1], lines[last + 1 :]]


def main(path: Path = OUTPUT) -> Path:
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setTitle(TITLE)
    canvas.setAuthor("sidegraph test corpus")
    for page in layout():
        y = TOP
        for line in page:
            canvas.setFont(FONT, SIZE)
            canvas.drawString(LEFT, y, line)
            y -= LEADING
        canvas.showPage()
    canvas.save()
    return path


if __name__ == "__main__":
    print(main())
