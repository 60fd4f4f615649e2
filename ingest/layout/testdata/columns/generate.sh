#!/bin/sh
# Regenerates record.pdf from record.fodt. Needs LibreOffice Writer and the
# DejaVu fonts (Debian: libreoffice-writer, fonts-dejavu-core).
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp record.fodt "$tmp/record.fodt"
soffice --headless "-env:UserInstallation=file://$tmp/profile" --convert-to pdf --outdir "$tmp" \
	"$tmp/record.fodt" >/dev/null 2>&1
cp "$tmp/record.pdf" .
