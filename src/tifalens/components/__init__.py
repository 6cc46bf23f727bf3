"""spaCy pipeline components, one module each; importing registers their factories."""

from . import entities, stats, structure, terms  # noqa: F401
