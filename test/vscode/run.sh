#!/usr/bin/env bash
# The real-VS-Code tests, from a fresh machine: Debian Chromium and code-server 4.100.3
# (VS Code 1.100.3) installed offline into a cache folder, a build, the packaged .vsix, then
#   1. the main suite (test/vscode/suite/) with the extension loaded from this repository;
#   2. the package check (test/vscode/vsix/) with the .vsix installed into a clean
#      extensions folder and nothing loaded from the repository.
# Each run is bounded by `timeout`. The last line is `vscode: N passed, M failed`; the exit
# code is non-zero when a test failed or a run did not finish.
#
#   bash test/vscode/run.sh                 # what CI runs (needs root for apt, or SKIP_APT=1)
#   bash test/vscode/run.sh --screenshots   # also refresh test/vscode/screenshots/*.png
# Environment: PYMODERN_VSCODE_CACHE (default ~/.cache/pymodern-vscode), SKIP_APT=1,
# RUN_TIMEOUT (seconds per run, default 900), RUNNER_VERBOSE=1 (browser console).
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
started=$SECONDS
screenshots=0
[ "${1:-}" = "--screenshots" ] && screenshots=1
run_timeout=${RUN_TIMEOUT:-900}
work="$root/.vscode-test"

fail_setup() {
  echo "vscode: setup failed: $1" >&2
  echo "vscode: 0 passed, 1 failed"
  exit 1
}

echo "== setup: Chromium and code-server (offline, cached)"
cache="${PYMODERN_VSCODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pymodern-vscode}"
cs_dir=$(CS_DIR="$cache/code-server-4.100.3" bash test/vscode/setup-code-server.sh | tail -n 1) || fail_setup "test/vscode/setup-code-server.sh"
code_server="$cs_dir/node_modules/.bin/code-server"
[ -x "$code_server" ] || fail_setup "no code-server at $code_server"

echo "== build: dependencies, the .vsix, the development build, the suites"
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/@vscode/vsce ]; then
  npm ci --no-audit --no-fund || fail_setup "npm ci"
fi
npm run --silent package || fail_setup "npm run package"
version=$(node -p 'require("./package.json").version')
vsix="$root/pymodern-$version.vsix"
node esbuild.mjs || fail_setup "node esbuild.mjs"
node test/vscode/build.mjs || fail_setup "node test/vscode/build.mjs"

passed=0
failed=0
# run NAME ARGS...: one code-server run; adds its counts from WORKDIR/results.json.
run() {
  local name=$1
  shift
  echo "== $name"
  timeout --kill-after=30 "$run_timeout" node test/vscode/run-code-server.mjs \
    --codeServer="$code_server" --workDir="$work/$name" --timeout="$((run_timeout - 30))" "$@"
  local code=$?
  local results="$work/$name/results.json"
  if [ -f "$results" ]; then
    passed=$((passed + $(node -p "require('$results').passes")))
    failed=$((failed + $(node -p "require('$results').failures")))
    node -e "for (const [k, v] of Object.entries(require('$results').timings)) console.log('timing: ' + k + ' = ' + v)"
  fi
  if [ "$code" -ne 0 ] && { [ ! -f "$results" ] || [ "$(node -p "require('$results').failures")" = 0 ]; }; then
    echo "vscode: the $name run ended with exit code $code without reporting a failed test (see $work/$name)" >&2
    failed=$((failed + 1))
  fi
}

run suite --extensionDevelopmentPath="$root" \
  --extensionTestsPath="$root/out/test-vscode/suite/index.js" --workspace="$root/test/vscode/workspace"
run vsix --installVsix="$vsix" --extensionDevelopmentPath="$root/test/vscode/harness" \
  --extensionTestsPath="$root/out/test-vscode/vsix/index.js" --workspace="$root/test/vscode/workspace"
if [ "$screenshots" = 1 ]; then
  run screenshots --extensionDevelopmentPath="$root" --screenshots="$root/test/vscode/screenshots" \
    --extensionTestsPath="$root/out/test-vscode/screenshots/index.js" --workspace="$root/test/vscode/workspace"
fi

echo "package: $(basename "$vsix") $(( $(stat -c %s "$vsix") / 1024 )) KiB"
echo "time: $((SECONDS - started)) s"
echo "vscode: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
