"""Questions over scored seasons: class winners, the audit against published
tables, F1 table checks and title analysis (``analysis.title``). Pure: no I/O."""
