"""CSL processors behind one seam (:mod:`citeform.engine.base`)."""

from citeform.engine.base import (
    OUTPUT_FORMATS,
    CiteRequest,
    Engine,
    EngineFactory,
    Entry,
    OutputFormat,
)

__all__ = ["OUTPUT_FORMATS", "CiteRequest", "Engine", "EngineFactory", "Entry", "OutputFormat"]
