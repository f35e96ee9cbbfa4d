"""The JSON API and the web site (FastAPI + Jinja2), a thin layer over
``podium.app``: ``create_app(repository)`` builds the app; every route
returns an answer's JSON form or renders it."""

from podium.web.app import create_app

__all__ = ["create_app"]
