#!/bin/sh
# Every visible string ships in Italian too: the UI catalog and the help.
set -eu
top=$1
status=0
for po in "$top/po/it.po" "$top/help/it/it.po"; do
  stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1) || { echo "$po: $stats"; status=1; continue; }
  echo "$po: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*) status=1 ;;
  esac
done
# The POT is made from POTFILES.in: a source file with strings missing from
# it would never be translated.
for f in $(grep -rlE '(^|[^a-zA-Z_])(_|N_|C_)\(' "$top/src" --include='*.c') $(grep -rl --include='*.ui' 'translatable="yes"' "$top/src"); do
  rel=${f#"$top/"}
  grep -qx "$rel" "$top/po/POTFILES.in" || { echo "missing from po/POTFILES.in: $rel"; status=1; }
done
exit $status
