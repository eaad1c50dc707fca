#!/usr/bin/env bash
# Every test: types, the linter, unused code (knip), unit tests, both browser builds, the Firefox lint, then end-to-end in Chromium
# and in Firefox ESR.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
bash scripts/ensure-firefox.sh
bash scripts/ensure-postgres.sh
mkdir -p .tmp-results
rm -f .tmp-results/*.json
echo "== typecheck"; npx tsc --noEmit
echo "== lint"; npx eslint .
echo "== unused files, exports and dependencies"; npx knip
echo "== unit tests"; npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp-results/unit.json
echo "== builds"; npm run -s build >/dev/null; npm run -s build:firefox >/dev/null
echo "== web-ext lint (Firefox)"
npx web-ext lint --source-dir .output/firefox-mv2 --self-hosted --output=json > .tmp-results/lint.json || true
npx tsx scripts/lint-firefox.ts .tmp-results/lint.json

echo "== end-to-end (Chromium)"; npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=.tmp-results/e2e.json || true
echo "== end-to-end (Firefox ESR)"; npx vitest run -c vitest.e2e-firefox.config.ts --reporter=default --reporter=json --outputFile.json=.tmp-results/e2e-firefox.json || true
node -e '
const fs = require("fs");
let passed = 0, failed = 0;
for (const f of ["unit", "e2e", "e2e-firefox"]) {
  const path = `.tmp-results/${f}.json`;
  // A suite that could not start wrote no results: count it as a failure, not as nothing.
  if (!fs.existsSync(path)) { console.log(`${f}: no results`); failed++; continue; }
  const r = JSON.parse(fs.readFileSync(path, "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests;
  // A file that failed outside its tests (a hook, an import) fails no test: count it once.
  if (!r.success && r.numFailedTests === 0) failed++;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
'
