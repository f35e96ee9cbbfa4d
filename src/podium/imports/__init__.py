"""Mapping an imported session onto a season: classes, cars, people, and
the diff a dry run shows (see docs/importing.md)."""
