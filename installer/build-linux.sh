#!/usr/bin/env bash
# Builds ANIL Explorer as a self-contained Linux desktop application with jpackage:
#   target/installer/<artifactId>/                        app image with a bundled, trimmed Java runtime
#   target/installer/<artifactId>_<version>-1_<arch>.deb  Debian package of that image
# Name, title, version, description, main class and jar name all come from pom.xml.
#
# Usage (from anywhere, after the jar is built):
#   mvn -B -q -DskipTests package
#   installer/build-linux.sh            # app image and .deb
#   installer/build-linux.sh app-image  # app image only (no fakeroot/dpkg-deb needed)
#   JPACKAGE_VERBOSE=1 installer/build-linux.sh   # show what jpackage does and which resources it uses
# Needs: a JDK 17+ with jpackage and jdeps on PATH, Maven, and for the .deb fakeroot and dpkg-deb.
# Not part of `mvn verify`: building the installer takes about a minute and writes only under target/.
set -euo pipefail

what=${1:-all}
case "$what" in
  all|app-image) ;;
  *) echo "usage: $0 [all|app-image]" >&2; exit 2 ;;
esac

project_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$project_dir"

fail() { echo "build-linux.sh: $*" >&2; exit 1; }

need_tool() { command -v "$1" >/dev/null 2>&1 || fail "'$1' not found on PATH ($2)"; }
need_tool mvn "install Maven"
need_tool jpackage "needs a full JDK 17+, not a JRE"
need_tool jdeps "needs a full JDK 17+, not a JRE"
need_tool jar "needs a full JDK 17+, not a JRE"
need_tool javap "needs a full JDK 17+, not a JRE"
if [ "$what" = all ]; then
  need_tool fakeroot "Debian: apt-get install fakeroot"
  need_tool dpkg-deb "Debian: apt-get install dpkg-dev"
fi

# --- identity, from the effective pom ----------------------------------------------------------
pom_value() {
  local value log
  log=$(mktemp)
  if ! value=$(mvn -B -q -N org.apache.maven.plugins:maven-help-plugin:3.5.1:evaluate \
                 -DforceStdout -Dexpression="$1" 2>"$log"); then
    cat "$log" >&2; rm -f "$log"
    fail "could not read $1 from pom.xml"
  fi
  rm -f "$log"
  # Maven 3.8 wraps forced output in colour codes even in batch mode; strip them.
  value=$(sed 's/\x1b\[[0-9;]*m//g' <<<"$value")
  [ -n "$value" ] && [ "$value" != "null object or invalid expression" ] || fail "pom.xml has no $1"
  printf '%s' "$value"
}
package_name=$(pom_value project.artifactId)      # launcher, install dir /opt/<name>, .deb name
pom_version=$(pom_value project.version)
app_title=$(pom_value project.name)                # shown in the desktop menu
description=$(pom_value project.description)
main_class=$(pom_value main.class)
jar_name=$(pom_value project.build.finalName).jar

# jpackage wants a plain numeric version (.msi even demands it): X.Y.Z-SNAPSHOT ships as X.Y.Z.
app_version=${pom_version%%-*}
[[ "$app_version" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] \
  || fail "pom version '$pom_version' does not start with a numeric version (digits and dots)"

# --- the jar must be the one this pom builds now -----------------------------------------------
jar="target/$jar_name"
[ -f "$jar" ] || fail "$jar not found; build it first with: mvn -B -q -DskipTests package"

work=target/installer-work
out=target/installer
rm -rf "$work" "$out"
mkdir -p "$work/input" "$work/resources" "$work/manifest" "$out"
(cd "$work/manifest" && jar xf "$project_dir/$jar" META-INF/MANIFEST.MF)
manifest=$(tr -d '\r' < "$work/manifest/META-INF/MANIFEST.MF")
jar_main=$(sed -n 's/^Main-Class: //p' <<<"$manifest")
jar_version=$(sed -n 's/^Implementation-Version: //p' <<<"$manifest")
[ "$jar_main" = "$main_class" ] || fail "$jar has Main-Class '$jar_main', pom says '$main_class'; rebuild the jar"
[ "$jar_version" = "$pom_version" ] || fail "$jar is version '$jar_version', pom says '$pom_version'; rebuild the jar"
# grep without -q: an early exit would kill jar with SIGPIPE and fail the pipeline
jar tf "$jar" | grep -xF "${main_class//.//}.class" >/dev/null || fail "$jar does not contain $main_class"

install_dir=/opt/$package_name   # jpackage's default for a .deb named $package_name

# JavaFX names the window's X class (WM_CLASS) after its Application subclass; the desktop entry's
# StartupWMClass must match it for docks to put the window under the launcher's icon. Found here
# among the project's own classes; without one, the line is left out.
package_path=$(dirname "${main_class//.//}")
project_classes=$(jar tf "$jar" | grep -E "^$package_path/[^\$]*\.class\$" | sed 's/\.class$//; s|/|.|g')
# shellcheck disable=SC2086  # one class name per word
wm_class=$(javap -cp "$jar" $project_classes \
  | sed -n 's/^.* class \([^ ]*\) extends javafx\.application\.Application.*$/\1/p')
wm_class=${wm_class%%$'\n'*}

# Fills the @TOKENS@ of the files under installer/linux with this pom's values.
fill_template() {
  local escaped_title escaped_description
  escaped_title=$(sed 's/[&|\\]/\\&/g' <<<"$app_title")
  escaped_description=$(sed 's/[&|\\]/\\&/g' <<<"$description")
  local edits=(-e "s|@APP_TITLE@|$escaped_title|g" -e "s|@DESCRIPTION@|$escaped_description|g"
               -e "s|@PACKAGE_NAME@|$package_name|g" -e "s|@INSTALL_DIR@|$install_dir|g"
               -e "s|@WM_CLASS@|$wm_class|g")
  [ -n "$wm_class" ] || edits=(-e '/@WM_CLASS@/d' "${edits[@]}")
  sed "${edits[@]}" "$1" > "$2"
}

# Only the shaded jar goes on the class path (target/ also holds original-*.jar). The desktop entry
# and the icons ride along in lib/app/desktop; the .deb's postinst installs them for the desktop.
cp "$jar" "$work/input/"
mkdir -p "$work/input/desktop"
fill_template installer/linux/app.desktop "$work/input/desktop/$package_name.desktop"
cp assets/icon-[0-9]*.png "$work/input/desktop/"     # icon-<size>.png, from assets/render-icons.sh

# --- runtime modules ----------------------------------------------------------------------------
# jdeps over the whole shaded jar (JavaFX, JFreeChart, ControlsFX, Jackson, ... included) sees every
# module the classes refer to. Added by hand, because jdeps cannot see them:
#   java.net.http, java.logging  required by ControlsFX's module descriptor;
#   jdk.zipfs                     the provider behind FileSystems.newFileSystem(jar) (listing presets);
#   java.desktop                  AWT/Java2D for the PNG/SVG figure export (already implied; explicit).
echo "== jdeps: modules used by $jar"
jdeps_modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$jar")
modules="$jdeps_modules,java.desktop,java.logging,java.net.http,jdk.zipfs"
modules=$(tr ',' '\n' <<<"$modules" | sort -u | paste -sd, -)
echo "   $modules"

java_options=()
jdk_feature=$(jpackage --version | cut -d. -f1)
if [ "$jdk_feature" -ge 23 ]; then
  # JavaFX 21 calls System::load and sun.misc.Unsafe; newer JDKs warn on every start without these.
  java_options+=(--java-options "--enable-native-access=ALL-UNNAMED"
                 --java-options "--sun-misc-unsafe-memory-access=allow")
fi

common=(--name "$package_name" --app-version "$app_version" --description "$description"
        --vendor "$app_title" --dest "$out")
if [ -n "${JPACKAGE_VERBOSE:-}" ]; then common+=(--verbose); fi

# --- app image ------------------------------------------------------------------------------------
echo "== jpackage app-image $package_name $app_version (JDK $(jpackage --version))"
jpackage --type app-image "${common[@]}" \
  --input "$work/input" --main-jar "$jar_name" --main-class "$main_class" \
  --icon assets/icon-256.png \
  --add-modules "$modules" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive" \
  ${java_options[@]+"${java_options[@]}"}
image="$out/$package_name"

# The runtime carries the JDK's class-data-sharing archive (--generate-cds-archive; it needs the runtime's bin/java,
# so no --strip-native-commands): the JDK classes start mapped instead of parsed. An archive of the app's own classes
# (-XX:ArchiveClassesAtExit) is not built: on JDK 17 it is tied to the path it was recorded at and only warns once
# the image is installed elsewhere (/opt/...).
echo "   app image: $image ($(du -sh "$image" | cut -f1))"

[ "$what" = all ] || exit 0

# --- .deb -----------------------------------------------------------------------------------------
# Our own maintainer scripts replace jpackage's (see installer/linux/postinst for why).
for script in postinst prerm; do
  fill_template "installer/linux/$script" "$work/resources/$script"
  chmod 755 "$work/resources/$script"
done

# jpackage reads dependencies only from the JDK's own natives (it finds libx11-6, libxtst6,
# libfreetype6, ...). JavaFX's natives sit inside the jar, so what only they need is declared here:
# GTK 3 for the window, GL and Xxf86vm for Prism, fontconfig for text; plus a font.
deps="libgtk-3-0, libgl1, libxxf86vm1, libfontconfig1"
deps="$deps, fonts-dejavu-core | fonts-liberation | fonts-freefont-ttf"

echo "== jpackage deb (gzip)"
# xz, dpkg-deb's default, takes minutes single-threaded under fakeroot; gzip takes seconds.
# No --icon or --linux-shortcut here: either turns on jpackage's own desktop integration, which
# adds xdg-utils to Depends for postinst commands our scripts do not use.
DPKG_DEB_COMPRESSOR_TYPE=gzip jpackage --type deb "${common[@]}" \
  --app-image "$image" \
  --resource-dir "$work/resources" \
  --linux-app-category science \
  --linux-package-deps "$deps"
deb=$(ls "$out"/*.deb)
echo "   package: $deb ($(du -h "$deb" | cut -f1))"
