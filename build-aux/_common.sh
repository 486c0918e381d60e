# shellcheck shell=bash
# Sourced by build-aux/run and build-aux/test once inside the environment.

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Configures and builds BUILD_DIR with the given meson options, quietly:
# the output is shown only when something fails.  A lock keeps two builds
# started at once from running ninja in the same directory.
kd_build() {
  local dir=$1; shift
  local log
  mkdir -p "$dir"
  exec 8>"$dir/.kd-build-lock"
  flock 8
  if [ ! -f "$dir/build.ninja" ]; then
    if ! log=$(meson setup "$dir" "$top" "$@" 2>&1); then
      printf '%s\n' "$log" >&2
      echo "build-aux: meson setup failed" >&2
      return 2
    fi
  fi
  if ! log=$(ninja -C "$dir" 2>&1); then
    printf '%s\n' "$log" | grep -v '^\[' >&2
    echo "build-aux: the build failed" >&2
    return 2
  fi
  flock -u 8
  exec 8>&-
}

# What an uninstalled build needs to find its own translations and schemas.
kd_uninstalled_env() {
  local dir=$1
  export KMS_DOCTOR_LOCALEDIR="$dir/po"
  export GSETTINGS_SCHEMA_DIR="$dir/data"
  export XDG_DATA_DIRS="$dir/data:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
}
