"""Rendering: service results -> tables -> text (Rich table, CSV, JSON, Markdown)."""

from podium.render.tabular import Format, Tabular, render

__all__ = ["Format", "Tabular", "render"]
