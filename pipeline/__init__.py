"""sidegraph: speakers, institutions, countries and their cooperation, from side-event reports.

    from pipeline import Extractor, build_graph, write_graphml
    extraction = Extractor().extract("report.pdf")
"""

from .errors import InputError, ModelError, SidegraphError
from .export import (
    read_extraction,
    write_extraction,
    write_gexf,
    write_graphml,
    write_node_link,
    write_tables,
)
from .extractor import Extractor
from .graph import build_graph
from .ingest import SourceDocument, document_from_text, load_document
from .outputs import ALL_FORMATS, write_outputs
from .records import DocumentInfo, Entity, Extraction, Mention, Organiser, Place, Relation, Speaker
from .runner import RunReport, run_corpus
from .speakers import SpeakerAttribution, SpeakerMatch
from .tagging import DEFAULT_MODEL, load_pipeline

__all__ = [
    "ALL_FORMATS",
    "DEFAULT_MODEL",
    "DocumentInfo",
    "Entity",
    "Extraction",
    "Extractor",
    "InputError",
    "Mention",
    "ModelError",
    "Organiser",
    "Place",
    "Relation",
    "RunReport",
    "SidegraphError",
    "SourceDocument",
    "Speaker",
    "SpeakerAttribution",
    "SpeakerMatch",
    "build_graph",
    "document_from_text",
    "load_document",
    "load_pipeline",
    "read_extraction",
    "run_corpus",
    "write_extraction",
    "write_gexf",
    "write_graphml",
    "write_node_link",
    "write_outputs",
    "write_tables",
]
