#!/usr/bin/env bash
# Renders the first sheet of the Kielce 2023 workbook to docs/images/report-summary.png, for the
# how-to on the annual report. Needs LibreOffice and poppler (Debian: libreoffice-calc-nogui,
# poppler-utils); not run by the tests or CI. Run from the project's root with its venv.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/citystrategy report kielce --year 2023 -o "$work/raport.xlsx" > /dev/null
# the Polish locale, so that LibreOffice shows Polish separators as a Polish Excel does
LANG=pl_PL.UTF-8 LC_ALL=pl_PL.UTF-8 soffice --headless -env:UserInstallation="file://$work/profile" \
  --convert-to pdf --outdir "$work" "$work/raport.xlsx" > /dev/null
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$work/raport.pdf" docs/images/report-summary
echo "wrote docs/images/report-summary.png"
