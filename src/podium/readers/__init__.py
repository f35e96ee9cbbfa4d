"""Readers: files in, podium's types out, every problem with file, line and field.

``native/`` reads and writes the season folder; ``registry`` is the one
table of results-file importers (timing systems and simulators), each
parsing into ``session.ImportedSession``; ``f1db`` reads Formula One data in
the F1DB layout; ``rows`` is the CSV reader they all share. What an imported
session does to a season is decided in ``podium.imports``, not here.
"""
