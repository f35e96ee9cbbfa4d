"""The JSON API and the web site (FastAPI + Jinja2), a thin layer over the
repository and the service: ``create_app(repository)`` builds the app."""

from podium.web.app import create_app

__all__ = ["create_app"]
