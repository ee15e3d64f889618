#!/usr/bin/env bash
# Renders the instructions and the indicators sheet of Kielce's 2024 form of strategic goal 1 to
# docs/images/form-instructions.png and docs/images/form-indicators.png, for the how-to on the
# monitoring cycle. Needs LibreOffice and poppler (Debian: libreoffice-calc-nogui, poppler-utils);
# not run by the tests or CI. Run from the project's root with its venv.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/citystrategy collect forms kielce --year 2024 -o "$work/formularze" > /dev/null
form="$work/formularze/cel-strategiczny-1-miasto-dla-kazdego.xlsx"
# the Polish locale, so that LibreOffice shows Polish separators as a Polish Excel does
LANG=pl_PL.UTF-8 LC_ALL=pl_PL.UTF-8 soffice --headless -env:UserInstallation="file://$work/profile" \
  --convert-to pdf --outdir "$work" "$form" > /dev/null
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$work/cel-strategiczny-1-miasto-dla-kazdego.pdf" docs/images/form-instructions
pdftoppm -r 80 -png -f 2 -l 2 -singlefile "$work/cel-strategiczny-1-miasto-dla-kazdego.pdf" docs/images/form-indicators
echo "wrote docs/images/form-instructions.png and docs/images/form-indicators.png"
