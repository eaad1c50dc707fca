#!/usr/bin/env bash
# Every test: types, unit tests, both browser builds, the Firefox lint, then end-to-end in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
bash scripts/ensure-postgres.sh
mkdir -p .tmp-results
echo "== typecheck"; npx tsc --noEmit
echo "== unit tests"; npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp-results/unit.json
echo "== builds"; npm run -s build >/dev/null; npm run -s build:firefox >/dev/null
echo "== web-ext lint (Firefox)"
npx web-ext lint --source-dir .output/firefox-mv2 --self-hosted --output=json > .tmp-results/lint.json || true
node -e '
const r = JSON.parse(require("fs").readFileSync(".tmp-results/lint.json", "utf8"));
for (const k of ["errors", "warnings"]) for (const m of r[k]) console.log(`${k}: ${m.code} ${m.file ?? ""} ${m.message}`);
console.log("web-ext lint:", JSON.stringify(r.summary));
process.exit(r.summary.errors ? 1 : 0);
'

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
