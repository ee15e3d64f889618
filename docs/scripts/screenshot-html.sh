#!/usr/bin/env bash
# Makes the pictures in docs/howto/publish.md from the real output: the Kielce 2023 report written
# as HTML by the command itself, opened in headless Chromium (Debian's chromium) with the network
# off and photographed at a laptop's width, 1280 px. docs/images/report-html.png is the top of the
# page; docs/images/report-html-charts.png the part around section 2's first chart (found in the
# picture by the charts' first colour). Not run by the tests or CI (the tests render the page in
# Chromium themselves). Run from the project's root with its venv.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/citystrategy report kielce --year 2023 -o "$work/raport.html" > /dev/null
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --host-resolver-rules="MAP * ~NOTFOUND" --proxy-server=127.0.0.1:9 \
  --user-data-dir="$work/profile" --hide-scrollbars --window-size=1280,9000 \
  --screenshot="$work/page.png" "file://$work/raport.html" 2> /dev/null
.venv/bin/python - "$work/page.png" <<'PYTHON'
import sys

import numpy as np
from PIL import Image

from citystrategy.reports.charts import PALETTE

page = Image.open(sys.argv[1]).convert("RGB")
page.crop((0, 0, 1280, 1500)).save("docs/images/report-html.png", optimize=True)
first = [int(PALETTE[0][n : n + 2], 16) for n in (1, 3, 5)]
rows = np.flatnonzero((np.asarray(page) == first).all(axis=2).any(axis=1))
top = max(int(rows[0]) - 150, 0)
page.crop((0, top, 1280, top + 1100)).save("docs/images/report-html-charts.png", optimize=True)
PYTHON
echo "wrote docs/images/report-html.png and docs/images/report-html-charts.png"
