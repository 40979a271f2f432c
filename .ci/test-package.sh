#!/usr/bin/env bash
# Builds the Debian package (make package), lints it, installs it with apt, exercises the
# installed program from outside the source tree (CLI, GUI under Xvfb, desktop entry's Exec,
# MIME type), then removes it. Runs as root, like CI. PLUMBLINE_DEB=path skips the build and
# tests that package instead.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(pwd)

failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# check DESCRIPTION COMMAND...: one PASS or FAIL line per check; keeps going so one run shows all.
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

bash .ci/install-deps.sh
if [[ -z "${PLUMBLINE_DEB:-}" ]]; then
  start=$SECONDS
  make package
  echo "make package took $((SECONDS - start)) s"
fi
version=$(sed -nE 's/^project\(plumbline VERSION ([0-9.]+).*/\1/p' CMakeLists.txt)
deb=$(realpath "${PLUMBLINE_DEB:-build/plumbline_${version}_amd64.deb}")
[[ -f "$deb" ]] || { echo "FAIL: no package at $deb"; exit 1; }
echo "package: $deb ($(stat -c %s "$deb") bytes)"

# Static checks: lintian errors fail (warnings are printed), desktop entry, AppStream metainfo.
check "lintian reports no errors" lintian --fail-on error --allow-root "$deb"
check "desktop-file-validate" desktop-file-validate packaging/plumbline.desktop
unpacked=$(mktemp -d)
dpkg-deb -x "$deb" "$unpacked"
check "appstreamcli validate" appstreamcli validate --no-net \
  "$unpacked/usr/share/metainfo/io.plumbline.Plumbline.metainfo.xml"
check "metainfo release is $version" grep -q "<release version=\"$version\"" \
  "$unpacked/usr/share/metainfo/io.plumbline.Plumbline.metainfo.xml"
check "no tests or benchmarks packaged" \
  bash -c "! dpkg-deb -c '$deb' | grep -Eq 'tst_|bench_|fuzz_'"
rm -rf "$unpacked"

export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "$deb" >/dev/null
pass "apt-get install $(basename "$deb")"

# Everything below runs from a temporary directory, so nothing can come from the source tree.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
examples=/usr/share/plumbline/examples
example=$examples/ecommerce-platform.json

check "plumbline --version prints $version" \
  bash -c "[[ \"\$(/usr/bin/plumbline --version)\" == 'plumbline $version' ]]"
check "man page installed" test -s /usr/share/man/man1/plumbline.1.gz
check "examples installed" bash -c "ls $examples/*.json $examples/*.findings.md >/dev/null"
status=0
plumbline check "$example" >check.txt || status=$?
check "plumbline check on an installed example (exit $status)" \
  bash -c "[[ $status -eq 0 || $status -eq 1 ]] && [[ -s check.txt ]]"
mkdir -p "$work/x"
check "plumbline report writes HTML" bash -c \
  "plumbline report '$example' -o '$work/x/x.html' && [[ -s '$work/x/x.html' ]] && grep -qi '<html' '$work/x/x.html'"
check "plumbline convert to .plumb" plumbline convert "$example" ex.plumb
check ".plumb starts with the SQLite header" \
  bash -c "[[ \"\$(head -c 15 ex.plumb)\" == 'SQLite format 3' ]]"
check ".plumb has application_id PLMB at byte 68" \
  bash -c "[[ \"\$(dd if=ex.plumb bs=1 skip=68 count=4 status=none)\" == PLMB ]]"

# Desktop integration: the dpkg triggers ran update-mime-database; the type is known by glob and
# by magic alone (a copy without the .plumb extension), as a file manager would see it.
check "MIME package installed" test -f /usr/share/mime/packages/plumbline.xml
check "MIME database has the type" test -f /usr/share/mime/application/x-plumbline-project.xml
check "desktop entry installed" test -f /usr/share/applications/plumbline.desktop
check "icons installed" test -f /usr/share/icons/hicolor/scalable/apps/plumbline.svg -a \
  -f /usr/share/icons/hicolor/256x256/apps/plumbline.png
cp ex.plumb no-extension
type_of() { gio info -a standard::content-type "$1" | sed -n 's/.*standard::content-type: //p'; }
check "gio: ex.plumb is application/x-plumbline-project" \
  bash -c "[[ \"\$(gio info -a standard::content-type ex.plumb | sed -n 's/.*content-type: //p')\" == application/x-plumbline-project ]]"
check "gio: magic alone detects the type ($(type_of no-extension))" \
  bash -c "[[ '$(type_of no-extension)' == application/x-plumbline-project ]]"
check "xdg-mime default handler is plumbline.desktop ($(xdg-mime query default application/x-plumbline-project 2>/dev/null || true))" \
  bash -c "[[ \"\$(xdg-mime query default application/x-plumbline-project 2>/dev/null)\" == plumbline.desktop ]]"

# The GUI opens a project; still running when the timeout ends it (exit 124) means it started.
gui() { local s=0; timeout 5 "$@" >gui.log 2>&1 || s=$?; [[ $s -eq 124 ]] || { cat gui.log; false; }; }
check "GUI starts on ex.plumb under Xvfb" xvfb-run -a bash -c "$(declare -f gui); gui plumbline ex.plumb"
exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/plumbline.desktop)
check "desktop entry's Exec ($exec_line) starts the GUI" \
  xvfb-run -a bash -c "$(declare -f gui); gui ${exec_line//%f/$work/ex.plumb}"

cd "$src"
apt-get remove -y -qq plumbline >/dev/null
check "apt-get remove removes /usr/bin/plumbline" test ! -e /usr/bin/plumbline
check "apt-get remove removes the desktop entry" test ! -e /usr/share/applications/plumbline.desktop

if [[ $failures -ne 0 ]]; then echo "test-package: $failures check(s) failed"; exit 1; fi
echo "test-package: all checks passed"
