# A throw-away PostgreSQL 15 server for the tests (sourced by .ci/run; usable by hand too):
#   source .ci/postgres.sh && pg_start && trap pg_stop EXIT
# initdb + pg_ctl in a temporary folder, run as the `postgres` user (initdb refuses root), listening
# on a Unix socket in that folder only (no TCP port to collide with). Exports SAYSO_TEST_PG, the URL
# the ledger tests run their PostgreSQL half against (tests/ledger/conftest.py).
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

pg_start() {
    if [ ! -x "$PG_BIN/initdb" ]; then
        local sudo; sudo=$([ "$(id -u)" -eq 0 ] && echo "" || echo "sudo")
        $sudo apt-get install -y -qq postgresql-15 >/dev/null
    fi
    PG_DIR=$(mktemp -d /tmp/sayso-pg.XXXXXX)
    local as=()
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_DIR"; as=(runuser -u postgres --); fi
    "${as[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
    "${as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w start \
        -o "-c listen_addresses='' -c unix_socket_directories='$PG_DIR' -c fsync=off -c full_page_writes=off" >/dev/null
    export SAYSO_TEST_PG="postgresql://postgres@/postgres?host=$PG_DIR"
    echo "PostgreSQL 15 for the tests: $SAYSO_TEST_PG"
}

pg_stop() {
    [ -n "${PG_DIR:-}" ] || return 0
    local as=()
    [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
    "${as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
}
