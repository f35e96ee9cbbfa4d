"""Crawl the built-in season's site from its home page: every link answers
200, so the 2004 season is complete on first run (every team, driver, round
and table has its page)."""

from __future__ import annotations

import re
from collections import deque

import httpx

from podium.app.answer import slugify
from podium.model import Season

HREF = re.compile(r'href="(/[^"#]*)"')


def test_every_link_from_the_home_page_answers(http: httpx.Client, alms: Season) -> None:
    start = "/seasons/alms-2004"
    seen = {start}
    queue = deque([start])
    broken = []
    while queue:
        path = queue.popleft()
        response = http.get(path)
        if response.status_code != 200:
            broken.append((path, response.status_code))
            continue
        if not response.headers["content-type"].startswith("text/html"):
            continue
        for link in HREF.findall(response.text):
            if link.startswith(("/seasons/alms-2004", "/static/")) and link not in seen:
                seen.add(link)
                queue.append(link)
    assert broken == []
    # Every team and every driver who raced has a reachable page.
    raced = {line.team for line in alms.results if line.team}
    assert {f"{start}/teams/{slugify(t)}" for t in raced} <= seen
    drove = {d for line in alms.results for d in line.drivers}
    assert {f"{start}/drivers/{slugify(d)}" for d in drove} <= seen
    assert len(seen) > 200


def test_slugs_are_unique(alms: Season) -> None:
    teams = [slugify(t.name) for t in alms.teams]
    drivers = [slugify(d.name) for d in alms.drivers]
    assert len(set(teams)) == len(teams) and len(set(drivers)) == len(drivers)
    assert all(teams) and all(drivers)
