#!/usr/bin/env bash
# Renders the meeting pack (kinerja export --pack rapat --format html) in headless Chromium:
# OUT-DIR/screen.png as a reader sees it, OUT-DIR/print.pdf as it prints on A4 (the page's own
# @page rule: portrait), OUT-DIR/page-N.png per printed page; prints the page count. Debian:
# apt-get install chromium poppler-utils. The test tests/pack_print.rs runs this script.
#
#   scripts/render-pack.sh [WORKSPACE.json] [OUT-DIR] [TW] [LANG]
#
# LANG is id (the default) or en.
#
# Without WORKSPACE, a copy of the bundled sample with explanations for IP ASN and realisasi
# anggaran and an over-pagu TW IV for Nonperizinan (the trial's 202,11 %), so every part of
# the pack shows. The workspace given is only read.
set -euo pipefail
cd "$(dirname "$0")/.."

ws_file=${1:-}
out=${2:-target/render-pack}
tw=${3:-4}
lang=${4:-id}
mkdir -p "$out"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cargo build --quiet
kinerja=target/debug/kinerja
if [ -z "$ws_file" ]; then
  ws_file="$tmp/kinerja.json"
  cp data/sooko-2023.json "$ws_file"
  "$kinerja" -w "$ws_file" note 7.01.01.2.05 --tw 4 \
    --penghambat "Tiga pegawai bersertifikat dimutasi ke OPD lain; diklat teknis belum terjadwal" \
    --tindak-lanjut "Usulkan diklat teknis ke BKPSDM" \
    --bukti /srv/bukti/2023/ipasn-tw4.pdf --bukti "ND 800/112/416-305/2023" >/dev/null
  "$kinerja" -w "$ws_file" note 7.01.01.2.02 --tw 4 \
    --penghambat "Sisa belanja pegawai karena pensiun dan mutasi" \
    --tindak-lanjut "Rencana kas disesuaikan pada P-APBD" >/dev/null
  "$kinerja" -w "$ws_file" set 7.01.02.2.04.02 --tw 4 --rp 37158000 >/dev/null
fi
"$kinerja" -w "$ws_file" --lang "$lang" export --pack rapat --format html --tw "$tw" -o "$out/rapat.html" >/dev/null
exec scripts/render-html.sh "$out/rapat.html" "$out"
