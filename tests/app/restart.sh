#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# tests/app/restart.sh: KMS Doctor started the way the README starts it,
# through build-aux/run, with a home of its own, three times.
#  1. A capture is pasted with Ctrl+V, a search typed, the window resized,
#     and the app quit with Ctrl+Q.
#  2. It comes back with them, which only happens if the app wrote them into
#     the home it was given; a second capture is given on the command line,
#     and the app is killed with SIGKILL half a second later.
#  3. It asks whether to restore the work of the killed session, which a
#     clean quit does not; Enter restores it, and the second capture is
#     back: the case was on the disk, whole.
# What the app holds is read back from its session file after a code is
# opened, which makes the app save its case as it has it in memory: a case
# not restored would be saved without its capture.  Speaks TAP.
#
# Run from the host (build-aux/test does), not from inside the development
# root: what it checks is what build-aux/env gives the app.
set -uo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
capture="$top/tests/fixtures/captures/en-dlv-win10-ent-kmsclient-dns-banner-prompt.txt"
second="$top/tests/fixtures/captures/en-dlv-win7-enterprise-kmsclient-dns-banner58.txt"
search=0xC004F074

work=$(mktemp -d "${TMPDIR:-/tmp}/kd-restart.XXXXXX")
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The machine's development root, whatever HOME says from here on.
export KD_ROOT_CACHE=${KD_ROOT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kms-doctor}
export HOME="$work/home"
mkdir -p "$HOME"
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR \
      DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY XAUTHORITY KD_ENV_ENTERED KD_IN_ROOT \
      GSETTINGS_BACKEND G_DEBUG
export LANG=C.UTF-8 GDK_BACKEND=x11 GSK_RENDERER=cairo NO_AT_BRIDGE=1

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
bail() { echo "Bail out! $*"; exit 1; }
in_env() { "$top/build-aux/env" "$@"; }

# An X server and a session bus of the test's own; their sockets outlive
# each sandbox (the X socket is abstract as well as in /tmp/.X11-unix).
mkdir -p /tmp/.X11-unix 2>/dev/null && chmod 1777 /tmp/.X11-unix 2>/dev/null
in_env Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || bail "Xvfb did not start: $(cat "$work/xvfb.log")"
export DISPLAY=":$(head -n1 "$work/display")"
export DBUS_SESSION_BUS_ADDRESS="unix:path=$HOME/.bus"
in_env dbus-daemon --session --nofork --address="$DBUS_SESSION_BUS_ADDRESS" 2>"$work/dbus.log" &
pids+=($!)
for _ in $(seq 100); do [ -S "$HOME/.bus" ] && break; sleep 0.1; done
[ -S "$HOME/.bus" ] || bail "dbus-daemon did not start: $(cat "$work/dbus.log")"

# Builds first, so that the runs below are timed on the app alone.
"$top/build-aux/run" kms-doctor-cli --version >/dev/null || bail "build-aux/run could not build the app"

start_app() {
  "$top/build-aux/run" >"$work/app-$1.log" 2>&1 &
  app_pid=$!
  pids+=("$app_pid")
  window=$(in_env timeout 60 xdotool search --sync --onlyvisible --name '^KMS Doctor$' 2>/dev/null | head -n1)
  [ -n "$window" ] || bail "no KMS Doctor window: $(cat "$work/app-$1.log")"
  in_env xdotool windowfocus --sync "$window"
  sleep 1
}

quit_app() {
  in_env xdotool key --clearmodifiers ctrl+q
  for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"
    not_ok "Ctrl+Q quits the app ($1)" "$(cat "$work/app-$1.log")"
  else
    ok "Ctrl+Q quits the app ($1)"
  fi
}

setting() { in_env gsettings get io.github.kmsdoctor.KmsDoctor "$1" 2>&1; }
export GSETTINGS_SCHEMA_DIR="$top/_build/data"

# First run: paste a capture, search for a code, make the window 1000×700.
start_app 1
# -quiet: in the foreground, as the sandbox ends with its first process
in_env xclip -quiet -selection clipboard -i "$capture" >/dev/null 2>&1 &
pids+=($!)
sleep 0.5
in_env xdotool key --clearmodifiers ctrl+v
sleep 1
in_env xdotool key --clearmodifiers ctrl+f
sleep 0.5
in_env xdotool type --delay 50 "$search"
in_env xdotool windowsize --sync "$window" 1000 700
sleep 2
quit_app "first run"

# What the first run left is in the home it was given.
got=$(setting last-search)
[ "$got" = "'$search'" ] && ok "the typed search is a setting in the home" ||
  not_ok "the typed search is a setting in the home" "last-search: $got"
got=$(setting window-width)
[ "$got" = 1000 ] && ok "the window width is a setting in the home" ||
  not_ok "the window width is a setting in the home" "window-width: $got"
session="$HOME/.local/state/kms-doctor/session.kmsdoctor"
cmid() { grep -m1 'Client Machine ID' "$1" | tr -d '\r' | sed 's/.*: *//'; }
holds() { [ -f "$session" ] && grep -qF -- "$1" "$session"; }
if holds "$(cmid "$capture")"; then
  ok "the pasted capture is in the session file"
else
  not_ok "the pasted capture is in the session file" "$(find "$HOME" -path "$HOME/.bus" -prune -o -type f -print)"
fi

# Opens a code from the search (Ctrl+F, the code, Enter): the case notes
# it and is saved as the app holds it.
open_code() {
  in_env xdotool key --clearmodifiers ctrl+f
  sleep 0.5
  in_env xdotool key --clearmodifiers ctrl+a
  in_env xdotool type --delay 50 "$1"
  sleep 1
  in_env xdotool key --clearmodifiers Return
  for _ in $(seq 50); do holds "\"$1\"" && break; sleep 0.1; done
}

# Second run: the window comes back at its size and with the search; the
# case it restored is saved again when a code is opened.
G_MESSAGES_DEBUG=all start_app 2
if grep -q "offering to restore it" "$work/app-2.log"; then
  not_ok "after a clean quit the next start asks nothing"
else
  ok "after a clean quit the next start asks nothing"
fi
geometry=$(in_env xdotool getwindowgeometry "$window" | sed -n 's/.*Geometry: //p')
[ "$geometry" = 1000x700 ] && ok "the window comes back at its size" ||
  not_ok "the window comes back at its size" "geometry: $geometry"
got=$(setting last-search)
[ "$got" = "'$search'" ] && ok "the search comes back" || not_ok "the search comes back" "last-search: $got"
open_code 0xC004F038
if holds '"0xC004F038"' && holds "$(cmid "$capture")"; then
  ok "the second run restored the capture of the first"
else
  not_ok "the second run restored the capture of the first" "$(cat "$session" 2>&1 | head -c 2000)"
fi

# Another capture, given on the command line as a user or a script would:
# it reaches the running app, which takes it as a paste.  The app is killed
# half a second after.
"$top/build-aux/run" "$(cat "$second")" >"$work/second-invocation.log" 2>&1 ||
  not_ok "a second invocation reaches the running app" "$(cat "$work/second-invocation.log")"
sleep 0.5
pkill -KILL -f "$top/_build/src/app/kms-doctor" 2>/dev/null
for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app_pid" 2>/dev/null; then
  not_ok "the app is killed with SIGKILL"
else
  ok "the app is killed with SIGKILL"
fi

# Third run: the app asks whether to restore what the killed session
# held (Enter: Restore), and what was pasted before the kill is back.
G_MESSAGES_DEBUG=all start_app 3
sleep 1
if grep -q "offering to restore it" "$work/app-3.log"; then
  ok "after SIGKILL the next start offers to restore the work"
else
  not_ok "after SIGKILL the next start offers to restore the work" "$(cat "$work/app-3.log")"
fi
in_env xdotool key --clearmodifiers Return
sleep 1
open_code 0xC004F074
if holds '"0xC004F074"' && holds "$(cmid "$second")"; then
  ok "a capture given half a second before SIGKILL is back"
else
  not_ok "a capture given half a second before SIGKILL is back" "$(cat "$session" 2>&1 | head -c 2000)"
fi
quit_app "third run"
if python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$session" 2>/dev/null ||
   in_env python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$session"; then
  ok "the session file is whole JSON"
else
  not_ok "the session file is whole JSON"
fi

echo "1..$n"
[ "$failed" = 0 ]
