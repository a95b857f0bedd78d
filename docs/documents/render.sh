#!/usr/bin/env bash
# Prints two sample documents (the 奖惩决定 and the 警示通知书 of the example county) to PNG for
# docs/documents/. Needs the Debian packages libreoffice-writer-nogui (or libreoffice-writer),
# poppler-utils, fonts-noto-cjk and fonts-arphic-ukai; CI does not run it. The GB fonts of 公文
# are not free: a fontconfig file maps them to the nearest free faces (Noto Serif CJK for 小标宋,
# 宋体 and 仿宋, Noto Sans CJK for 黑体, AR PL UKai for 楷体), so the images show the layout
# and the text, not the exact faces Word or WPS will use.
#
#   docs/documents/render.sh            re-renders docs/documents/*.png
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/documents
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/fonts.conf" <<'CONF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>方正小标宋简体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>仿宋_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>仿宋</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="same"><family>楷体_GB2312</family><prefer><family>AR PL UKai CN</family></prefer></alias>
  <alias binding="same"><family>楷体</family><prefer><family>AR PL UKai CN</family></prefer></alias>
</fontconfig>
CONF
export FONTCONFIG_FILE="$work/fonts.conf"

npx tsx src/workflows/documents/samples.ts "$work/docx"
rm -f "$out"/*.png
for doc in decision warning_notice; do
  soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" \
    "$work/docx/$doc.docx" >/dev/null
  pages=$(pdfinfo "$work/$doc.pdf" | awk '/^Pages:/ {print $2}')
  # The decision's first two pages (版头 and the first tables); the notice's first and last (回执).
  if [ "$doc" = decision ]; then wanted="1 2"; else wanted="1 $pages"; fi
  for p in $wanted; do
    pdftoppm -r 80 -png -singlefile -f "$p" -l "$p" "$work/$doc.pdf" "$out/$doc-page$p"
  done
done
ls -l "$out"/*.png
