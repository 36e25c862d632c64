# Sourced by .ci/run: which Node the suite runs on. The machine's own node is never replaced: when it
# is missing or older than 22.18, the pinned version is installed into a cache folder and put first
# on PATH for this run only. Uses .ci/run's `say`.

# Exact, so every CI run tests the same Node (a bare major version is whatever is newest that day).
NODE_PIN=22.23.3

node_is_recent() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 18) ? 0 : 1)'
}

# True when the prefix `$1` (where npm installed the `node` package) holds the pinned version: an
# earlier run may have cached another one.
cached_node_is_pinned() {
  local bin="$1/node_modules/node/bin/node"
  [ -x "$bin" ] && [ "$("$bin" --version 2>/dev/null)" = "v$NODE_PIN" ]
}

# Puts the pinned Node first on PATH, installing it into the prefix `$1` unless it is there already.
use_pinned_node() {
  local prefix="$1"
  if ! cached_node_is_pinned "$prefix"; then
    say "installing Node $NODE_PIN into $prefix"
    npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund "node@$NODE_PIN" >/dev/null
    cached_node_is_pinned "$prefix" || { say "could not install Node $NODE_PIN into $prefix"; return 1; }
  fi
  export PATH="$prefix/node_modules/node/bin:$PATH"
}
