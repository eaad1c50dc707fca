#!/usr/bin/env bash
# Every test: types, unit tests, both browser builds, the Firefox lint, then end-to-end in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
mkdir -p .tmp-results
echo "== typecheck"; npx tsc --noEmit
echo "== unit tests"; npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp-results/unit.json
echo "== builds"; npm run -s build >/dev/null; npm run -s build:firefox >/dev/null
echo "== web-ext lint (Firefox)"; npx web-ext lint --source-dir .output/firefox-mv2 --self-hosted --output=text --warnings-as-errors=false
echo "== end-to-end (Chromium)"; npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=.tmp-results/e2e.json
node -e '
const fs = require("fs");
let passed = 0, failed = 0;
for (const f of ["unit", "e2e"]) {
  const r = JSON.parse(fs.readFileSync(`.tmp-results/${f}.json`, "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
'
