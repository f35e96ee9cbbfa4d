"""The API explorer at /api/v1/docs: Swagger UI served from the package
(static/swagger-ui/, vendored from npm), started by a script of the site's
own, so it works offline and under the pages' content security policy."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>podium API</title>
<link rel="stylesheet" href="/static/swagger-ui/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/static/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/static/api-docs.js"></script>
</body>
</html>
"""


@router.get("/api/v1/docs")
def docs() -> HTMLResponse:
    return HTMLResponse(PAGE)
