"""A rate limit on writes, per token: a bucket of ``burst`` writes that
refills at ``per_minute`` a minute (a results desk posts a handful a
minute; a runaway client is stopped before it fills the history)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field


@dataclass
class WriteRate:
    per_minute: float = 60.0
    burst: float = 20.0
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, who: str, now: float | None = None) -> float:
        """0 when ``who`` may write now (one write taken), else the seconds
        until the next write is allowed."""
        now = time.monotonic() if now is None else now
        rate = self.per_minute / 60.0
        with self._lock:
            tokens, last = self._buckets.get(who, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * rate)
            if tokens >= 1:
                self._buckets[who] = (tokens - 1, now)
                return 0.0
            self._buckets[who] = (tokens, now)
            return (1 - tokens) / rate
