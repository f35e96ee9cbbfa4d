"""Write-API tokens in the SQL store (``SqlRepository`` mixes it in): only
each token's hash is kept, with its scope, seasons, expiry and revocation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from podium.app.repository import hash_token, new_token, now
from podium.app.tokens import TokenGrant, TokenInfo, TokenScope, checked_request, pick_token
from podium.store.models import TokenRow


class SqlTokens:
    _read: sessionmaker[Session]
    _write: sessionmaker[Session]

    def find_token(self, token: str) -> TokenInfo | None:
        with self._read() as session:
            row = session.scalar(select(TokenRow).where(TokenRow.token_hash == hash_token(token)))
            return None if row is None else _token_info(row)

    def verify_token(self, token: str) -> TokenGrant | None:
        info = self.find_token(token)
        return None if info is None else info.grant_at(now())

    def list_tokens(self) -> list[TokenInfo]:
        with self._read() as session:
            return [
                _token_info(row) for row in session.scalars(select(TokenRow).order_by(TokenRow.id))
            ]

    def create_token(
        self,
        name: str,
        scope: TokenScope = TokenScope.ADMIN,
        seasons: Sequence[str] = (),
        expires_at: dt.datetime | None = None,
    ) -> str:
        name, scope, wanted = checked_request(name, scope, seasons)
        token = new_token()
        with self._write() as session, session.begin():
            session.add(
                TokenRow(
                    name=name,
                    token_hash=hash_token(token),
                    created_at=now(),
                    scope=scope.value,
                    seasons=",".join(wanted),
                    expires_at=expires_at,
                )
            )
        return token

    def revoke_token(self, id_or_name: str) -> TokenInfo:
        with self._write() as session, session.begin():
            rows = session.scalars(select(TokenRow).order_by(TokenRow.id)).all()
            picked = pick_token([_token_info(row) for row in rows], id_or_name)
            row = next(r for r in rows if r.id == picked.id)
            if row.revoked_at is None:
                row.revoked_at = now()
                session.flush()
            return _token_info(row)


def _token_info(row: TokenRow) -> TokenInfo:
    return TokenInfo(
        row.id,
        row.name,
        TokenScope(row.scope),
        tuple(s for s in row.seasons.split(",") if s),
        row.created_at,
        row.expires_at,
        row.revoked_at,
    )
