"""The application layer: the use cases the CLI, the JSON API and the site
call, each answering with frozen dataclasses (``answer.Answer``) that have
one JSON form. Points stay exact until they are rendered.

    season        open_season, ScoredSeason: a season with its ledger
    standings     standings tables, explanations, the ledger, the standings page
    rounds        a round's classification, winners, result versions, the round page
    people        the entry list, team and driver pages
    site          the season home, calendar, lists of series and seasons
    audit         computed tables against the published ones
    title         who can still win, what each needs, the odds, the title page
    f1            Formula One seasons against their published tables, deciders
    imports       results files: inspect, plan, apply (import_apply)
    penalties     stewards' decisions checked against the season
    repository    the Repository contract ("as of" rule, tokens, idempotency keys)
    memory        MemoryRepository: the contract in memory
    results_key   the Wikipedia results key of a standings cell
"""
