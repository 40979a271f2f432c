#!/usr/bin/env bash
# Guards .ci/install-deps.sh against the failure a fresh machine meets first: a package that the
# build finds, or a library the programs load, that only happens to be installed here (by hand, or
# as a Recommends of something else). Usage: .ci/check-deps.sh [BUILD_DIR] [--without PKG ...]
#
# Every file the configured build found (the package config behind each *_DIR entry of
# CMakeCache.txt, each pkg-config module's libraries and .pc file) and every
# shared library the built programs load (ldd) must belong to a package in the dependency closure
# of install-deps.sh's list, followed without Recommends and Suggests as apt-get
# --no-install-recommends does, or to the base system (Priority required or important).
# --without PKG drops PKG from the list first: CI uses it to show that the check catches a
# package taken out of the list.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
without=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --without) without+=("$2"); shift 2 ;;
    *) build_dir=$1; shift ;;
  esac
done
cache="$build_dir/CMakeCache.txt"
[[ -f "$cache" ]] || { echo "check-deps: no $cache; configure the build first (make build)" >&2; exit 2; }

mapfile -t listed < <(bash .ci/install-deps.sh --list)
for drop in "${without[@]}"; do
  mapfile -t listed < <(printf '%s\n' "${listed[@]}" | grep -vx -- "$drop")
done

# What the build uses: file -> why it is used.
declare -A reason
add() { [[ -f "$1" ]] && reason["$1"]="${reason[$1]:-$2}"; return 0; }
while IFS='=' read -r key value; do
  name=${key%%_DIR:*}
  for config in "$value/${name}Config.cmake" "$value/${name,,}-config.cmake"; do
    add "$config" "${name}_DIR"
  done
done < <(grep -E '^[A-Za-z0-9_]+_DIR:PATH=/usr/' "$cache")
# pkg-config modules: each library pkg_check_modules found (pkgcfg_lib_<PREFIX>_<lib>) and the
# module's .pc file (<PREFIX>_MODULE_NAME).
while IFS='=' read -r key value; do
  add "$value" "pkg-config ${key%%:*}"
done < <(grep -E '^pkgcfg_lib_[A-Za-z0-9_]+:FILEPATH=/' "$cache")
while IFS='=' read -r _ module; do
  pc=$(pkg-config --path "$module" 2>/dev/null || true)
  [[ -n "$pc" ]] && add "$pc" "pkg-config $module"
done < <(grep -E '_MODULE_NAME:INTERNAL=' "$cache")
# Shared libraries every built program loads.
while IFS= read -r program; do
  while read -r lib; do add "$lib" "loaded by ${program#"$build_dir"/}"; done < <(
    ldd "$program" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }')
done < <(find "$build_dir" -type f -perm -u+x -not -path '*/CMakeFiles/*' -exec sh -c \
  'head -c 4 "$1" | grep -q ELF' _ {} \; -print)

# The package that owns a file, trying its resolved path and both sides of the /usr merge.
owner() {
  local f real
  real=$(realpath -e "$1" 2>/dev/null || echo "$1")
  for f in "$1" "$real" "${1#/usr}" "${real#/usr}" "/usr$1"; do
    dpkg-query -S "$f" 2>/dev/null | head -1 | cut -d: -f1 | cut -d, -f1 && return 0
  done
  return 1
}

# The closure of the list without Recommends/Suggests, plus the base system.
declare -A closure
while read -r pkg; do closure["${pkg%%:*}"]=1; done < <(
  apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances "${listed[@]}" 2>/dev/null | grep -v '^ ' | tr -d '<>')
while read -r pkg prio; do
  [[ "$prio" == required || "$prio" == important ]] && closure["${pkg%%:*}"]=1
done < <(dpkg-query -W -f='${Package} ${Priority}\n')

declare -A missing
unowned=()
for file in "${!reason[@]}"; do
  case "$file" in "$PWD"/*|"$(realpath "$build_dir")"/*) continue ;; esac
  if ! pkg=$(owner "$file"); then unowned+=("$file (${reason[$file]})"); continue; fi
  [[ -n "${closure[$pkg]:-}" ]] || missing["$pkg"]="${missing[$pkg]:-$file (${reason[$file]})}"
done

status=0
for pkg in "${!missing[@]}"; do
  echo "check-deps: missing from .ci/install-deps.sh: $pkg (provides ${missing[$pkg]})"
  status=1
done
for f in "${unowned[@]}"; do
  echo "check-deps: not from any Debian package: $f"
  status=1
done
[[ $status -eq 0 ]] && echo "check-deps: ${#reason[@]} files the build uses all come from install-deps.sh's ${#listed[@]} packages or the base system"
exit $status
