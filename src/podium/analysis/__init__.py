"""Analysis over scored seasons: winners, audits against published tables,
and (later) title questions. Pure: no I/O."""
