#!/usr/bin/env bash
# Renders an HTML export in headless Chromium, as a reader sees it on screen (PNG) and as it
# prints (PDF, A4 by the page's own @page rule), and turns each printed page into a PNG to
# look at. Debian: apt-get install chromium poppler-utils.
#
#   scripts/render-html.sh [FILE.html] [OUT-DIR]
#
# Without FILE, exports the bundled sample (kinerja export --format html) first. Writes
# OUT-DIR/screen.png, OUT-DIR/print.pdf and OUT-DIR/page-N.png (one per printed page), and
# prints the page count. The test tests/html_print.rs runs this script.
set -euo pipefail
cd "$(dirname "$0")/.."

html=${1:-}
out=${2:-target/render-html}
mkdir -p "$out"
out=$(cd "$out" && pwd)

if [ -z "$html" ]; then
  ws=$(mktemp -d)
  trap 'rm -rf "$ws"' EXIT
  cp data/sooko-2023.json "$ws/kinerja.json"
  html="$out/sample.html"
  cargo run --quiet -- -w "$ws/kinerja.json" export --format html -o "$html"
fi
html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")

for tool in chromium pdfinfo pdftoppm; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install chromium poppler-utils)" >&2; exit 2; }
done

# A fresh profile each run, nothing fetched: the page is self-contained.
profile=$(mktemp -d)
trap 'rm -rf "$profile" ${ws:+"$ws"}' EXIT
browser() {
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$profile" "$@" "file://$html" 2>/dev/null
}

browser --window-size=1280,2000 --screenshot="$out/screen.png"
browser --no-pdf-header-footer --print-to-pdf="$out/print.pdf"

rm -f "$out"/page-*.png
pdftoppm -r 60 -png "$out/print.pdf" "$out/page"
pages=$(pdfinfo "$out/print.pdf" | awk '/^Pages:/ {print $2}')
size=$(pdfinfo "$out/print.pdf" | awk -F': *' '/^Page size:/ {print $2}')
echo "pages: $pages"
echo "page size: $size"
echo "screen: $out/screen.png"
echo "print: $out/print.pdf"
