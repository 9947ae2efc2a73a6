"""The web view: ``sayso serve``, server-rendered pages and their JSON API over one ledger.

A thin layer like the CLI: each page and its ``/api/...`` twin call one function of
:mod:`sayso.ledger.browse` (or :meth:`sayso.ledger.Ledger.article` / ``resolve``) and never
extract anything. Modules: ``app`` (the factory, errors, headers), ``security`` (token, CSRF,
sessions), ``context`` (the ledger per thread, rendering, query parameters), one module per
page group (``home``, ``search``, ``articles``, ``speakers``, ``forecasts``, ``figures``,
``apidocs``), ``marks`` (an article's text cut into marked segments), ``charts`` (SVG geometry).
Templates and static files live beside them and are packaged.

>>> from sayso.views.web import create_app                 # doctest: +SKIP
>>> app = create_app("sayso-demo.db", token=None)           # read-only
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
