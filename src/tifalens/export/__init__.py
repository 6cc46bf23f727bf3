"""Exporters: pure functions of (Doc, Source) -> text, one module per format."""
