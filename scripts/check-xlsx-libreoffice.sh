#!/usr/bin/env bash
# Opens the sample's .xlsx export in LibreOffice (headless), converts every sheet to CSV and
# checks the LRA total against the seed (Lampiran IV: 2.902.352.710 / 2.664.510.688).
# Needs LibreOffice: apt-get install libreoffice-calc-nogui
set -euo pipefail
cd "$(dirname "$0")/.."
command -v libreoffice >/dev/null || { echo "libreoffice not found" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo run --quiet --release -- -w data/sooko-2023.json export -o "$work/sooko.xlsx"
# Filter options: comma, double quote, UTF-8, start row 1, …, sheet -1 = every sheet to its own file.
( cd "$work" && HOME="$work" libreoffice --headless \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    sooko.xlsx >/dev/null 2>&1 )
ls "$work"/*.csv >/dev/null
lra=$(ls "$work"/sooko-LRA.csv)
echo "sheets converted: $(ls "$work"/*.csv | wc -l)"
grep -F 'JUMLAH' "$lra"
grep -F 'JUMLAH' "$lra" | grep -q '2902352710' || { echo "LRA total pagu differs" >&2; exit 1; }
grep -F 'JUMLAH' "$lra" | grep -q '2664510688' || { echo "LRA total realisasi differs" >&2; exit 1; }
echo "LibreOffice opens the workbook; LRA total matches the seed."
