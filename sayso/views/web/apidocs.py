"""The API's documentation page (``/api``), generated from the app's OpenAPI schema (``/openapi.json``).

Rendered on the server like every page: no Swagger UI bundle, no CDN, no inline script.
"""
from __future__ import annotations

from fastapi import APIRouter, Request

from .context import render

router = APIRouter()


def _schema_text(schema: dict) -> str:
    """A parameter's type in a few words: "integer, 1 to 100", "string, YYYY… pattern"."""
    options = schema.get("anyOf") or [schema]
    kinds = [o.get("type", "") for o in options if o.get("type") != "null"]
    main = next((o for o in options if o.get("type") != "null"), {})
    words = [" or ".join(k for k in kinds if k) or "any"]
    if "minimum" in main and "maximum" in main:
        words.append(f"{main['minimum']} to {main['maximum']}")
    if "maxLength" in main:
        words.append(f"at most {main['maxLength']} characters")
    if "default" in schema and schema["default"] is not None:
        words.append(f"default {schema['default']}")
    return ", ".join(words)


def operations(openapi: dict) -> list[dict]:
    """Every documented operation: method, path, summary, description, parameters, body, tag."""
    out = []
    for path, methods in openapi.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "type": _schema_text(p.get("schema", {})), "description": p.get("description")
                       or p.get("schema", {}).get("description", "")} for p in op.get("parameters", [])]
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            ref = body.get("$ref", "").rsplit("/", 1)[-1]
            fields = openapi.get("components", {}).get("schemas", {}).get(ref, {}).get("properties", {})
            out.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", "").replace("``", ""), "parameters": params,
                        "body": [{"name": k, "type": _schema_text(v), "description": v.get("description", "")}
                                 for k, v in fields.items()], "tag": (op.get("tags") or [""])[0]})
    return out


@router.get("/api", include_in_schema=False)
def page_api(request: Request):
    return render(request, "api.html", active="api", operations=operations(request.app.openapi()))
