#!/bin/sh
# Regenerates record.pdf (one column) and record-2col.pdf (the same text
# with its body in two columns) from record.fodt. Needs LibreOffice Writer
# and the DejaVu fonts (Debian: libreoffice-writer, fonts-dejavu-core).
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp record.fodt "$tmp/record.fodt"
sed 's/fo:column-count="1"/fo:column-count="2"/' record.fodt >"$tmp/record-2col.fodt"
soffice --headless "-env:UserInstallation=file://$tmp/profile" --convert-to pdf --outdir "$tmp" \
	"$tmp/record.fodt" "$tmp/record-2col.fodt" >/dev/null 2>&1
cp "$tmp/record.pdf" "$tmp/record-2col.pdf" .
