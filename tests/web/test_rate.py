"""Writes are rate limited per token: a burst, then a steady rate; past it
429 with Retry-After, and the refused write stores nothing (issue 14)."""

from __future__ import annotations

import httpx

from podium.model import Season
from podium.web.rate import WriteRate
from tests.web.conftest import loaded, serving


def test_the_bucket_allows_a_burst_then_the_rate() -> None:
    rate = WriteRate(per_minute=60, burst=3)
    assert [rate.take("desk", now=0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert rate.take("desk", now=0.0) == 1.0  # one a second at 60 a minute
    assert rate.take("desk", now=0.5) == 0.5
    assert rate.take("desk", now=1.0) == 0.0
    assert rate.take("other", now=1.0) == 0.0  # per token


def test_a_runaway_client_gets_429_and_writes_nothing_more(alms: Season) -> None:
    repository = loaded(alms)
    token = repository.create_token("runaway")
    penalty = {"round": 9, "car_no": "16", "kind": "points", "value": "1", "reason": "x"}
    with serving(repository) as url, httpx.Client(base_url=url, timeout=30) as http:
        answers = [
            http.post(
                "/api/v1/seasons/alms-2004/penalties",
                json=penalty,
                headers={"Authorization": f"Bearer {token}"},
            )
            for _ in range(25)
        ]
    statuses = [a.status_code for a in answers]
    assert statuses[:20] == [201] * 20
    refused = [a for a in answers if a.status_code == 429]
    assert refused and int(refused[0].headers["retry-after"]) >= 1
    assert refused[0].json()["error"]["problems"][0]["field"] == "rate"
    stored = [p for p in repository.season("alms-2004").penalties if p.reason == "x"]
    assert len(stored) == statuses.count(201)
