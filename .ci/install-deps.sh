#!/usr/bin/env bash
# Installs the Debian 12 packages Plumbline builds, tests and runs with.
# Idempotent: asks dpkg first and touches apt only when something is missing,
# so `make run` / `make test` stay quiet and fast on a machine that has everything.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev qt6-svg-dev libgl-dev
  libsqlitecpp-dev libsqlite3-dev nlohmann-json3-dev libgraphviz-dev
  libexpat1-dev zlib1g-dev   # draw.io import: streaming XML (DTDs refused), compressed pages
  libbenchmark-dev time   # benchmarks; /usr/bin/time for tests/bench/compare_python.sh
  # Tools the test suites run: PDF text and page checks, fonts the reports are drawn with,
  # and a display server for the workbench.
  poppler-utils fonts-dejavu-core
  xvfb xauth
  git   # diff/check --baseline git:REV read the old model with `git show`, and are tested so
  # make package and .ci/test-package.sh: man page, PNG icon, .deb checks, MIME database
  help2man librsvg2-bin dpkg-dev file lintian desktop-file-utils appstream shared-mime-info xdg-utils
  libglib2.0-bin   # gio, which reads the MIME type the way file managers do
)

# `install-deps.sh --list` prints the list, one package a line (.ci/check-deps.sh reads it).
if [[ "${1:-}" == "--list" ]]; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing missing Debian packages: ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "error: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}"
