"""schema.org JSON-LD: claims as ``Claim``, resolved forecasts as ``ClaimReview``.

One JSON document, ``{"@context": "https://schema.org", "@graph": [...]}``. A claim is a
``Claim`` whose ``author`` is the speaker (``Person`` or ``Organization``), with the article as
its ``appearance`` (a ``NewsArticle``). A resolved forecast is a ``ClaimReview`` of the forecast
(``claimReviewed``, and the ``Claim`` as ``itemReviewed``) whose ``reviewRating`` carries the
outcome: true 5, partly 3, false 1 on a 1-5 scale, its word as ``alternateName`` (the form
fact-checkers publish); ``unclear`` has no rating value. Open and due forecasts are not reviews
and are left out. Only schema.org properties of each type are used (tests/views/test_exports.py
checks them against the types' definitions).
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

CONTEXT = "https://schema.org"
RATING = {"true": 5, "partly": 3, "false": 1}
RATING_NAME = {"true": "True", "partly": "Partly true", "false": "False", "unclear": "Unclear"}
AUTHOR_TYPE = {"person": "Person", "org": "Organization"}


def _author(name: str | None, kind: str | None) -> dict | None:
    if not name:
        return None
    kind_type = AUTHOR_TYPE.get(kind or "")
    return {"@type": kind_type, "name": name} if kind_type else {"name": name}  # unknown kind: no type guessed


def _appearance(row: dict) -> dict:
    page = {"@type": "NewsArticle", "identifier": row.get("article_id"), "headline": row.get("title") or None,
            "url": row.get("url") if str(row.get("url") or "").startswith(("http://", "https://")) else None,
            "datePublished": row.get("published")}
    return _clean(page)


def _clean(node: dict) -> dict:
    return {k: v for k, v in node.items() if v not in (None, "", [], {})}


def claim(row: dict) -> dict:
    """A claim dict as a schema.org Claim."""
    return _clean({
        "@type": "Claim", "@id": f"urn:sayso:claim:{row['id']}", "identifier": str(row["id"]),
        "text": row["content"], "author": _author(row.get("speaker"), row.get("speaker_kind")),
        "datePublished": row.get("published"), "appearance": _appearance(row),
    })


def claim_review(row: dict) -> dict | None:
    """A resolved forecast dict as a schema.org ClaimReview (None when it is not resolved)."""
    if not row.get("outcome"):
        return None
    rating = _clean({"@type": "Rating", "ratingValue": RATING.get(row["outcome"]), "bestRating": 5,
                     "worstRating": 1, "alternateName": RATING_NAME.get(row["outcome"], row["outcome"])})
    evidence = row.get("evidence") or ""
    return _clean({
        "@type": "ClaimReview", "@id": f"urn:sayso:forecast:{row['id']}", "identifier": str(row["id"]),
        "claimReviewed": row["text"], "reviewRating": rating,
        "url": evidence if evidence.startswith(("http://", "https://")) else None,
        "citation": evidence or None,
        "itemReviewed": _clean({"@type": "Claim", "text": row["text"], "author": _author(row.get("predictor"), None),
                                "datePublished": row.get("published"), "appearance": _appearance(row)}),
    })


def write(records: str, rows: Iterable[dict], out: TextIO) -> int:
    """The JSON-LD document of ``records`` (claims or forecasts); returns the number of nodes."""
    nodes = [claim(r) for r in rows] if records == "claims" else [n for r in rows if (n := claim_review(r))]
    out.write(json.dumps({"@context": CONTEXT, "@graph": nodes}, ensure_ascii=False, indent=1) + "\n")
    return len(nodes)
