"""Write-API tokens on every repository (memory, SQLite, PostgreSQL): scopes,
seasons, expiry, listing and revocation; only the hash is stored."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from podium.app.repository import Repository, hash_token
from podium.app.tokens import TokenGrant, TokenScope, TokenState, parse_expiry
from podium.errors import InputError, NotFound
from podium.store.models import TokenRow
from podium.store.repository import SqlRepository
from tests.test_repository_contract import REPOSITORIES

NOW = dt.datetime(2026, 12, 14, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(params=sorted(REPOSITORIES))
def repo(request: pytest.FixtureRequest) -> Repository:
    return REPOSITORIES[request.param]()


def test_scopes_and_seasons_are_what_a_token_grants(repo: Repository) -> None:
    admin = repo.create_token("results desk")  # the default: every write, as before scopes
    writer = repo.create_token(
        "timing screen", TokenScope.WRITE, ["alms-2004", "imsa-2023", "alms-2004"]
    )
    assert repo.verify_token(admin) == TokenGrant("results desk", TokenScope.ADMIN, ())
    grant = repo.verify_token(writer)
    assert grant == TokenGrant("timing screen", TokenScope.WRITE, ("alms-2004", "imsa-2023"))
    assert grant.may_write("alms-2004") and grant.may_write("imsa-2023")
    assert not grant.may_write("alms-2004-scratch") and not grant.may_write(None)  # no loads
    assert repo.verify_token(writer + "x") is None
    assert repo.find_token("pdm_unknown") is None


def test_the_list_holds_everything_but_the_secret(repo: Repository) -> None:
    started = dt.datetime.now(dt.UTC)
    secret = repo.create_token("results desk")
    expires = started + dt.timedelta(days=30)
    repo.create_token("timing screen", TokenScope.WRITE, ["alms-2004"], expires)
    first, second = repo.list_tokens()
    assert (first.name, first.scope, first.seasons) == ("results desk", TokenScope.ADMIN, ())
    assert (second.name, second.scope, second.seasons) == (
        "timing screen",
        TokenScope.WRITE,
        ("alms-2004",),
    )
    assert first.id < second.id
    assert started <= first.created_at <= second.created_at <= dt.datetime.now(dt.UTC)
    assert first.expires_at is None and second.expires_at == expires
    assert first.revoked_at is None and second.revoked_at is None
    assert {t.state(dt.datetime.now(dt.UTC)) for t in (first, second)} == {TokenState.ACTIVE}
    assert secret not in repr(repo.list_tokens())
    if isinstance(repo, SqlRepository):  # the database holds the hash, never the token
        with repo.engine.connect() as connection:
            hashes = set(connection.scalars(select(TokenRow.token_hash)))
        assert hash_token(secret) in hashes and secret not in hashes


def test_an_expired_token_grants_nothing(repo: Repository) -> None:
    now = dt.datetime.now(dt.UTC)
    gone = repo.create_token("last season", expires_at=now - dt.timedelta(seconds=1))
    naive = repo.create_token(
        "naive", expires_at=(now + dt.timedelta(hours=1)).replace(tzinfo=None)
    )
    assert repo.verify_token(gone) is None
    found = repo.find_token(gone)
    assert found is not None and found.state(dt.datetime.now(dt.UTC)) is TokenState.EXPIRED
    assert repo.verify_token(naive) == TokenGrant("naive", TokenScope.ADMIN, ())  # naive is UTC
    (_, held) = repo.list_tokens()
    assert held.expires_at is not None and held.expires_at.tzinfo is not None


def test_revoke_by_id_or_name(repo: Repository) -> None:
    desk = repo.create_token("results desk")
    screen = repo.create_token("timing screen", TokenScope.WRITE, ["alms-2004"])
    revoked = repo.revoke_token("timing screen")
    assert revoked.name == "timing screen" and revoked.revoked_at is not None
    assert repo.verify_token(screen) is None
    assert repo.verify_token(desk) is not None
    found = repo.find_token(screen)
    assert found is not None and found.state(dt.datetime.now(dt.UTC)) is TokenState.REVOKED
    # Again, by id: nothing changes, the first moment stays.
    assert repo.revoke_token(str(revoked.id)) == revoked
    assert repo.revoke_token("timing screen") == revoked
    assert [t.revoked_at for t in repo.list_tokens()] == [None, revoked.revoked_at]
    by_id = repo.revoke_token(str(repo.list_tokens()[0].id))
    assert by_id.name == "results desk" and repo.verify_token(desk) is None
    with pytest.raises(NotFound) as none:
        repo.revoke_token("nobody")
    assert none.value.problems[0].found == "nobody"


def test_a_name_two_live_tokens_share_is_refused(repo: Repository) -> None:
    old = repo.create_token("results desk")
    new = repo.create_token("results desk")
    with pytest.raises(InputError) as refused:
        repo.revoke_token("results desk")
    ids = [t.id for t in repo.list_tokens()]
    assert refused.value.problems[0].found == f"{ids[0]}, {ids[1]}"
    assert repo.verify_token(old) and repo.verify_token(new)  # nothing revoked
    repo.revoke_token(str(ids[0]))  # rotated: the old one goes by id...
    assert repo.revoke_token("results desk").id == ids[1]  # ...then the name is the live one
    assert repo.verify_token(new) is None


@pytest.mark.parametrize(
    ("scope", "seasons", "field", "found"),
    [
        (TokenScope.WRITE, [], "season", "none"),
        (TokenScope.ADMIN, ["alms-2004"], "season", "alms-2004"),
        (TokenScope.WRITE, ["ALMS 2004"], "season", "ALMS 2004"),
        ("read", [], "scope", "read"),
    ],
)
def test_a_token_that_does_not_hold_together_is_refused_and_not_stored(
    repo: Repository, scope: TokenScope, seasons: list[str], field: str, found: str
) -> None:
    with pytest.raises(InputError) as refused:
        repo.create_token("desk", scope, seasons)
    assert (refused.value.problems[0].field, refused.value.problems[0].found) == (field, found)
    with pytest.raises(InputError):
        repo.create_token("  ")
    assert repo.list_tokens() == []


def test_expiry_is_a_duration_or_a_moment() -> None:
    assert parse_expiry("30d", NOW) == NOW + dt.timedelta(days=30)
    assert parse_expiry("12h", NOW) == NOW + dt.timedelta(hours=12)
    assert parse_expiry("8w", NOW) == NOW + dt.timedelta(weeks=8)
    assert parse_expiry("2027-01-31", NOW) == dt.datetime(2027, 1, 31, tzinfo=dt.UTC)
    assert parse_expiry("2027-01-31T18:00+02:00", NOW) == dt.datetime(
        2027, 1, 31, 16, tzinfo=dt.UTC
    )
    for wrong, says in [
        ("0d", "no time at all"),
        ("2026-12-01", "in the past"),
        ("tomorrow", "neither a duration"),
        ("30y", "neither a duration"),
        ("999999w", "too far ahead"),
    ]:
        with pytest.raises(ValueError, match=says):
            parse_expiry(wrong, NOW)
