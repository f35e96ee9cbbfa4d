"""Rendering: answers of ``podium.app`` -> tables -> text (Rich table, CSV,
JSON, Markdown), wikitext, and every SVG chart podium draws."""

from podium.render.tabular import Format, Tabular, render

__all__ = ["Format", "Tabular", "render"]
