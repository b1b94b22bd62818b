#!/usr/bin/env bash
# The installed .deb, end to end, on a Debian machine like CI's (run as root: it installs and removes a
# package): build the .deb, install it, train Iris for one epoch with the installed launcher, open the
# window under Xvfb (screenshot kept in target/smoke/), open a project file the way the desktop does,
# check that nothing was written into /opt/layerlab, uninstall and check that nothing is left behind.
#
#   installer/smoke-test.sh              build the .deb, then test it
#   installer/smoke-test.sh --no-build   test the .deb already in target/dist/
#
# Prints one "ok:" line per check and the time taken; exits 1 at the first failing check.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
out=target/smoke
rm -rf "$out" && mkdir -p "$out"
out=$(cd "$out" && pwd)

ok() { echo "ok: $*"; }
fail() {
  echo "FAILED: $*" >&2
  exit 1
}

# --- tools: Xvfb and a screenshot; jpackage's .deb needs fakeroot, dpkg-dev and binutils to be built.
export DEBIAN_FRONTEND=noninteractive
need=()
for tool in Xvfb:xvfb xwininfo:x11-utils import:imagemagick xdg-mime:xdg-utils fakeroot:fakeroot \
  dpkg-shlibdeps:dpkg-dev objcopy:binutils update-desktop-database:desktop-file-utils \
  update-mime-database:shared-mime-info; do
  command -v "${tool%%:*}" > /dev/null || need+=("${tool##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" > /dev/null
fi

# --- build
if [ "${1:-}" != "--no-build" ]; then
  build_started=$(date +%s)
  ./mvnw -B -q -Pinstaller -DskipTests package
  ok "built the installer in $(($(date +%s) - build_started)) s"
fi
deb=$(ls target/dist/layerlab_*_amd64.deb)
ok "$deb: $(du -m "$deb" | cut -f1) MB"

# --- install. A desktop machine has /usr/share/desktop-directories; a container may not, and without it
# the menu entry is skipped (see installer/linux/postinst). Make one for the test, removed at the end.
made_menu_dir=
if [ ! -d /usr/share/desktop-directories ]; then
  mkdir -p /usr/share/desktop-directories
  made_menu_dir=yes
fi
dpkg -l layerlab 2> /dev/null | grep -q '^ii' && fail "layerlab is installed already: apt-get remove layerlab first"
apt-get install -y -qq "./$deb" > "$out/install.log" 2>&1 || { cat "$out/install.log"; fail "apt-get install"; }
app=/opt/layerlab/bin/LayerLab
[ -x "$app" ] || fail "no $app after install"
ok "installed $(dpkg-query -W -f='${Package} ${Version}, ${Installed-Size} KB' layerlab)"
[ -f /usr/share/applications/layerlab-LayerLab.desktop ] || fail "no menu entry"
ok "menu entry /usr/share/applications/layerlab-LayerLab.desktop"
[ "$(xdg-mime query default application/x-layerlab-project)" = "layerlab-LayerLab.desktop" ] \
  || fail "*.layerlab is not opened by LayerLab"
ok "*.layerlab (application/x-layerlab-project) opens with layerlab-LayerLab.desktop"

# A fresh student account: it cannot write into /opt/layerlab, and everything LayerLab writes must land in
# its home (Java takes user.home from the account, not from $HOME). Removed with its home at the end.
student=layerlab-smoke
home="$out/home"
id "$student" > /dev/null 2>&1 && userdel -r "$student" > /dev/null 2>&1
useradd --create-home --home-dir "$home" --shell /bin/sh "$student"
as_student() { runuser -u "$student" -- env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"; }
touch "$out/installed-marker"

# --- train a bundled sample for one epoch with the installed launcher, headless
as_student "$app" train --data sample:iris --stack /opt/layerlab/lib/app/sample-data/stacks/iris-mlp.json \
  --epochs 1 --seed 1 --out "$home/iris-run" > "$out/train.log" 2>&1 || { cat "$out/train.log"; fail "train"; }
accuracy=$(grep -E '^Test accuracy: [0-9.]+' "$out/train.log") || { cat "$out/train.log"; fail "no accuracy line"; }
ok "installed launcher trained Iris: $accuracy"
[ -d "$home/.cache/layerlab/djl" ] || fail "DJL's cache is not in ~/.cache/layerlab/djl"
ok "DJL cache in the user's cache folder ~/.cache/layerlab/djl: $(du -sh "$home/.cache/layerlab/djl" | cut -f1)"

# --- the window under Xvfb, opened with a project file as the menu entry's Exec line does (%f)
cat > "$out/iris.layerlab" << EOF
{"format": "layerlab-project", "version": 1,
 "data": {"source": "sample:iris", "format": "auto", "label_column": null, "text_column": null,
          "image_size": 0, "grey": false, "fill_missing": false, "test_fraction": 0.2},
 "stack": $(cat sample-data/stacks/iris-mlp.json),
 "training": {}, "runs": []}
EOF
display=:97
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp > "$out/xvfb.log" 2>&1 &
xvfb=$!
cleanup_x() { kill "$xvfb" 2> /dev/null || true; }
trap cleanup_x EXIT
exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/layerlab-LayerLab.desktop)
# In its own process group (setsid), so that stopping it stops the JVM below runuser too.
setsid bash -c 'runuser -u "$0" -- env -i HOME="$1" PATH=/usr/bin:/bin LANG=C.UTF-8 DISPLAY="$2" "${@:3}"' \
  "$student" "$home" "$display" ${exec_line//%f/$out/iris.layerlab} > "$out/window.log" 2>&1 &
window_app=$!
deadline=$(($(date +%s) + 60))
# xwininfo, not xdotool: the title has a non-Latin-1 dash, which xdotool's name search does not match.
title() { DISPLAY=$display xwininfo -root -tree 2> /dev/null | grep -o '"LayerLab — iris\.layerlab[^"]*"' | head -1; }
until [ -n "$(title)" ]; do
  kill -0 "$window_app" 2> /dev/null || { cat "$out/window.log"; fail "the window app ended"; }
  if [ "$(date +%s)" -ge "$deadline" ]; then
    kill -- -"$window_app" 2> /dev/null || true
    cat "$out/window.log"
    fail "no window titled iris.layerlab within 60 s"
  fi
  sleep 1
done
ok "window opened the project: $(title)"
sleep 3 # let it draw before the screenshot
DISPLAY=$display import -window root "$out/window.png"
ok "screenshot $out/window.png"
kill -- -"$window_app" 2> /dev/null || true
wait "$window_app" 2> /dev/null || true
cleanup_x
ok "the student's files: $(cd "$home" && find . -mindepth 1 -maxdepth 3 -type d | sort | tr '\n' ' ')"

# --- the install folder is read-only for the app
written=$(find /opt/layerlab -newer "$out/installed-marker" | head -5)
[ -z "$written" ] || fail "the app wrote into its install folder: $written"
ok "nothing written into /opt/layerlab"
[ ! -e "$home/.djl.ai" ] || fail "DJL wrote ~/.djl.ai"

# --- uninstall: nothing of the package is left
apt-get remove -y -qq --purge layerlab > "$out/remove.log" 2>&1 || { cat "$out/remove.log"; fail "apt-get remove"; }
[ ! -e /opt/layerlab ] || fail "/opt/layerlab is still there: $(find /opt/layerlab | head -5)"
! dpkg -l layerlab 2> /dev/null | grep -q '^ii' || fail "dpkg still lists layerlab"
[ ! -e /usr/share/applications/layerlab-LayerLab.desktop ] || fail "the menu entry is still there"
[ ! -e /usr/share/mime/packages/layerlab-LayerLab-MimeInfo.xml ] || fail "the file type is still registered"
left=$(find /usr /etc /var/lib/dpkg/info -name '*layerlab*' 2> /dev/null | head -5)
[ -z "$left" ] || fail "left behind: $left"
ok "removed: no /opt/layerlab, menu entry, file type or package files left"
[ -z "$made_menu_dir" ] || rmdir /usr/share/desktop-directories 2> /dev/null || true
sleep 1
userdel -r "$student" > /dev/null 2>&1 || true

echo "smoke test passed in $(($(date +%s) - started)) s"
