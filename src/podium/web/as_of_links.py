"""A page shown "as of" a moment keeps it across every link, form and
download, so a reader who opened the standings as published on 17 October
2004 stays in that state while clicking through rounds, teams and CSVs.

Done once, on the rendered page, rather than in each template: every
internal ``href``/``src``/``action`` (a path starting with ``/``, not
``/static/``) gets ``as_of``, and every GET form a hidden ``as_of`` field
(a browser drops the query of a GET form's action). Links that say which
state they show already (an ``as_of`` of their own, the "show the latest"
link marked ``data-latest``) are left alone.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

_ATTRIBUTE = re.compile(r'(?P<lead><[a-zA-Z][^>]*?\s(?:href|src|action)=")(?P<url>/[^"/][^"]*|/)"')
_FORM = re.compile(r"<form\b(?P<attrs>[^>]*)>", re.IGNORECASE)
_LATEST = "data-latest"


def keep_as_of(page: str, as_of: str) -> str:
    """``page`` (HTML) with ``as_of`` carried by its internal links and forms."""
    query = "as_of=" + quote(as_of, safe="")

    def link(match: re.Match[str]) -> str:
        url = html.unescape(match["url"])
        if _LATEST in match["lead"] or url.startswith("/static/") or _has_as_of(url):
            return match.group(0)
        path, hash_, fragment = url.partition("#")
        joined = f"{path}{'&' if '?' in path else '?'}{query}{hash_}{fragment}"
        return f'{match["lead"]}{html.escape(joined)}"'

    def form(match: re.Match[str]) -> str:
        attrs = match["attrs"]
        if re.search(r'method="post"', attrs, re.IGNORECASE):
            return match.group(0)
        hidden = f'<input type="hidden" name="as_of" value="{html.escape(as_of)}">'
        return match.group(0) + hidden

    page = _ATTRIBUTE.sub(link, page)
    if 'name="as_of"' in page:  # a page that asks for a moment keeps its own field
        return page
    return _FORM.sub(form, page)


def _has_as_of(url: str) -> bool:
    query = url.partition("?")[2].partition("#")[0]
    return any(part.split("=", 1)[0] == "as_of" for part in query.split("&"))
