"""``GET /docs``: the API's reference as one plain HTML page generated from the OpenAPI
document — no script, no style sheet or font from elsewhere, so it works offline."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from .openapi import install_openapi

__all__ = ["install_docs", "render_docs"]

_STYLE = ("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
          "padding:0 1rem;line-height:1.45}code,pre{background:#f4f4f4;padding:.1rem .3rem}"
          "pre{padding:.6rem;overflow:auto}h2{border-top:1px solid #ccc;padding-top:1rem}"
          "table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;"
          "text-align:left}")


def install_docs(app: FastAPI) -> None:
    """Serve the OpenAPI document (``/openapi.json``) and its page (``/docs``)."""
    install_openapi(app)

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return HTMLResponse(render_docs(app.openapi()))


def render_docs(doc: dict[str, Any]) -> str:
    """The page: every operation with its parameters, bodies and responses."""
    info = doc.get("info", {})
    parts = [f"<!doctype html><html lang='vi'><head><meta charset='utf-8'>"
             f"<title>{escape(info.get('title', ''))} API</title><style>{_STYLE}</style>"
             f"</head><body><h1>{escape(info.get('title', ''))} "
             f"{escape(str(info.get('version', '')))}</h1>"
             f"<p>{escape(info.get('description', ''))}</p>"
             "<p>OpenAPI: <a href='/openapi.json'>/openapi.json</a></p>"]
    for path, methods in doc.get("paths", {}).items():
        for method, operation in methods.items():
            parts.append(_operation(method, path, operation))
    parts.append("</body></html>")
    return "".join(parts)


def _operation(method: str, path: str, operation: dict[str, Any]) -> str:
    lines = [f"<h2><code>{method.upper()} {escape(path)}</code></h2>"]
    summary = operation.get("description") or operation.get("summary") or ""
    lines.append(f"<p>{escape(summary)}</p>")
    params = operation.get("parameters", [])
    if params:
        lines.append("<table><tr><th>parameter</th><th>in</th><th>schema</th></tr>")
        lines += [f"<tr><td>{escape(p['name'])}</td><td>{escape(p.get('in', ''))}</td>"
                  f"<td><code>{escape(json.dumps(p.get('schema', {})))}</code></td></tr>"
                  for p in params]
        lines.append("</table>")
    body = operation.get("requestBody", {}).get("content", {})
    if body:
        kinds = ", ".join(f"<code>{escape(m)}</code>" for m in body)
        lines.append(f"<p>body: {kinds}</p>")
    answers = operation.get("responses", {})
    lines.append("<p>responses: " + ", ".join(
        f"<code>{escape(str(code))}</code> {escape(', '.join(a.get('content', {})))}"
        for code, a in answers.items()) + "</p>")
    return "\n".join(lines)
