#!/usr/bin/env bash
# Makes docs/images/report-html.png, the picture in docs/howto/publish.md: the Kielce 2023 report
# written as HTML by the command itself, opened in headless Chromium (Debian's chromium) with the
# network off, and photographed at a laptop's width. Not run by the tests or CI (the tests render
# the page in Chromium themselves). Run from the project's root with its venv.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/citystrategy report kielce --year 2023 -o "$work/raport.html" > /dev/null
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --host-resolver-rules="MAP * ~NOTFOUND" --proxy-server=127.0.0.1:9 \
  --user-data-dir="$work/profile" --hide-scrollbars --window-size=1280,1500 \
  --screenshot=docs/images/report-html.png "file://$work/raport.html" 2> /dev/null
echo "wrote docs/images/report-html.png"
