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
               -e "s|@WM_CLASS@|$wm_class|g" -e "s|@JAR_NAME@|$jar_name|g")
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
#   java.desktop                  AWT/Java2D for the PNG/SVG figure export (already implied; explicit);
#   jdk.incubator.vector          the Vector-API kernels of the finite-task methods (docs/decisions/0041), loaded
#                                 by reflection only when the launcher's --add-modules puts it in the boot layer.
echo "== jdeps: modules used by $jar"
jdeps_modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$jar")
modules="$jdeps_modules,java.desktop,java.logging,java.net.http,jdk.zipfs,jdk.incubator.vector"
modules=$(tr ',' '\n' <<<"$modules" | sort -u | paste -sd, -)
echo "   $modules"

# The finite-task kernels run on the Vector API when its incubator module is resolved (2-3x a bare java -jar on
# paper-scale problems); the JVM then prints one "Using incubator modules" warning line on stderr at start.
vector_module=(--add-modules jdk.incubator.vector)
java_options=(--java-options "--add-modules=jdk.incubator.vector")
jdk_feature=$(jpackage --version | cut -d. -f1)
if [ "$jdk_feature" -ge 23 ]; then
  # JavaFX 21 calls System::load and sun.misc.Unsafe; newer JDKs warn on every start without these.
  java_options+=(--java-options "--enable-native-access=ALL-UNNAMED"
                 --java-options "--sun-misc-unsafe-memory-access=allow")
fi

# Transparent huge pages for the heap: a finite-task step streams every task's samples from memory, and with 4 KB
# pages (in a virtual machine especially) the page-table walks halve the streaming rate; measured 1.1-1.3x per step
# (docs/decisions/0045). Where the kernel has no huge pages the JVM prints one warning and runs as before.
java_options+=(--java-options "-XX:+UseTransparentHugePages")

# Class-data sharing for the app's own classes (see below): the launcher maps the archive lib/app/<name>.jsa.
# $APPDIR is expanded by the launcher, not here.
jsa_name=$package_name.jsa
java_options+=(--java-options "-XX:SharedArchiveFile=\$APPDIR/$jsa_name")

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

# --- class-data sharing (AppCDS) -------------------------------------------------------------------
# The runtime carries the JDK's own archive (--generate-cds-archive; it needs the runtime's bin/java, so no
# --strip-native-commands). On top of that the app's start-up classes (JavaFX, JFreeChart, Jackson and ours, about
# 6,700) are archived too, so that a start maps them instead of parsing and verifying them: their list is recorded
# here by opening the window once under Xvfb (closed after its first frame), shipped as lib/app/<name>.classlist,
# and turned into the archive lib/app/<name>.jsa by `java -Xshare:dump`. On JDK 17 an archive is valid only for the
# class path it was dumped with, so the .deb's postinst dumps it again at /opt/...; a mismatching or missing
# archive switches class-data sharing off altogether (no error), which is why a failed dump falls back to a copy of
# the JDK's own archive (valid anywhere).
classlist="$image/lib/app/$package_name.classlist"
jsa="$image/lib/app/$jsa_name"
record_classlist() {
  command -v Xvfb >/dev/null 2>&1 || { echo "   (no Xvfb: the start-up classes are not recorded)"; return 1; }
  local display=":$(( 300 + RANDOM % 300 ))" prefs xvfb status=0
  prefs=$(mktemp -d)
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  DISPLAY=$display JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$classlist -Danil.exitAfterFirstFrame=true \
-Djava.util.prefs.userRoot=$prefs" timeout 300 "$image/bin/$package_name" >"$work/classlist.log" 2>&1 || status=$?
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  rm -rf "$prefs"
  [ "$status" -eq 0 ] && [ -s "$classlist" ] || { echo "   (recording the start-up classes failed: $work/classlist.log)"; rm -f "$classlist"; return 1; }
}
# dump_archive ARCHIVE JAR: the archive for the app at JAR (an absolute path: the class path it will run with)
dump_archive() {
  if [ -s "$classlist" ] && "$image/lib/runtime/bin/java" "${vector_module[@]}" -Xshare:dump -XX:SharedClassListFile="$classlist" \
       -XX:SharedArchiveFile="$1" -cp "$2" >"$work/dump.log" 2>&1; then
    return 0
  fi
  echo "   (no archive of the app's classes; the JDK's own is used: $work/dump.log)"
  cp "$image/lib/runtime/lib/server/classes.jsa" "$1"
}
echo "== class-data sharing: recording the start-up classes under Xvfb"
record_classlist && echo "   $(wc -l <"$classlist") classes in $classlist"
echo "   app image: $image ($(du -sh "$image" | cut -f1))"

if [ "$what" != all ]; then
  dump_archive "$jsa" "$(cd "$image/lib/app" && pwd)/$jar_name"
  echo "   archive for the image where it is: $jsa ($(du -h "$jsa" | cut -f1))"
  exit 0
fi

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
# after the .deb (whose postinst makes its own at /opt/...): the archive for the image where it is
dump_archive "$jsa" "$(cd "$image/lib/app" && pwd)/$jar_name"
echo "   archive for the image where it is: $jsa ($(du -h "$jsa" | cut -f1))"
