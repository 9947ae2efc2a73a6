"""``sayso serve``: the web app on uvicorn, bound to this machine unless told otherwise."""
from __future__ import annotations

from pathlib import Path

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve(db: Path, host: str, port: int, token: str | None, as_of: str | None, say=print) -> None:
    """Build the app over ``db`` and serve it until interrupted (SaysoError when ``db`` is no ledger)."""
    import uvicorn

    from .app import create_app

    app = create_app(db, token=token, as_of=as_of)
    app.state.site.ledger().browse.figure_groups(per_page=1)  # group the figures once, before the first visitor
    where = f"[{host}]" if ":" in host else host
    say(f"sayso: serving {db} on http://{where}:{port}/ ({'writes need the token' if token else 'read-only'}); "
        "Ctrl-C stops")
    if host not in LOOPBACK:
        say(f"warning: listening on {host}: other machines can read this ledger")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
