"""spaCy pipeline components, one module each; importing registers their factories."""

from . import structure, terms  # noqa: F401
