"""Teams and drivers, each known by one canonical name plus the aliases that
sponsors and sources use for it ("ADT Champion Racing" = "Champion Racing")."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Team:
    name: str
    aliases: tuple[str, ...] = ()
    nationality: str = ""
    source: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Driver:
    name: str
    nationality: str = ""
    aliases: tuple[str, ...] = ()
    source: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)
