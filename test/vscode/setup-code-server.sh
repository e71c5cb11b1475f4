#!/usr/bin/env bash
# Offline install of what the real-VS-Code tests need: Debian Chromium (+ build tools for
# code-server's native modules) and code-server 4.100.3 (= VS Code 1.100.3 on Node 20) from npm,
# into a cache folder. Idempotent: a second run only checks. Needs root for apt (SKIP_APT=1 skips it).
# Prints the code-server folder on its last line.
set -euo pipefail
CS_VERSION="${CS_VERSION:-4.100.3}"
CS_DIR="${CS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pymodern-vscode/code-server-$CS_VERSION}"
# Pinned by code-server 4.100.3 (lib/vscode/npm-shrinkwrap.json + @vscode/ripgrep lib/postinstall.js):
RG_PKG_VERSION="${RG_PKG_VERSION:-1.15.11}"
RG_ASSET="${RG_ASSET:-ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz}"

if [ "${SKIP_APT:-0}" != 1 ]; then
  need=()
  for pkg in build-essential python3 libkrb5-dev ripgrep chromium ca-certificates; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
  done
  if [ ${#need[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y --no-install-recommends "${need[@]}" >&2
  fi
fi

# node-gyp: build against the running Node's headers (no header download).
NODE_PREFIX="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
[ -f "$NODE_PREFIX/include/node/node.h" ] || { echo "no Node headers in $NODE_PREFIX/include/node" >&2; exit 1; }
export npm_config_nodedir="$NODE_PREFIX"

mkdir -p "$CS_DIR"
# @vscode/ripgrep's postinstall downloads rg from GitHub: pre-seed its cache (in os.tmpdir()) with Debian's rg.
export TMPDIR="$CS_DIR/tmp"
RG_CACHE="$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION"
mkdir -p "$RG_CACHE"
if [ ! -f "$RG_CACHE/$RG_ASSET" ]; then
  staging="$(mktemp -d -p "$TMPDIR")"; cp "$(command -v rg)" "$staging/rg"
  tar czf "$RG_CACHE/$RG_ASSET" -C "$staging" rg; rm -rf "$staging"
fi

# unsafe_perm: code-server's postinstall refuses root without it (npm 11 ignores the flag, the env var
# still reaches the script). yes: node-pty's postinstall runs `npx node-gyp@...`.
export npm_config_unsafe_perm=true npm_config_yes=true
cd "$CS_DIR"
[ -f package.json ] || echo '{ "name": "code-server-host", "private": true }' > package.json
if [ "$(node -p 'require("./node_modules/code-server/package.json").version' 2>/dev/null)" != "$CS_VERSION" ]; then
  npm install --no-audit --no-fund --foreground-scripts "code-server@$CS_VERSION" >&2
fi

test -x node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg
HOME="$TMPDIR" XDG_CONFIG_HOME="$TMPDIR" XDG_DATA_HOME="$TMPDIR" node_modules/.bin/code-server --version >&2
echo "$CS_DIR"
