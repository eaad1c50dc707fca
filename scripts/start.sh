#!/usr/bin/env bash
# Start Isnad on its built-in corpus: build, then open Chromium on a local seed article.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
npm run -s build >/dev/null
exec npx tsx scripts/start.ts "$@"
