#!/usr/bin/env bash
# Builds the Debian package from the release tarball with the JDK's jpackage (run by the deb
# profile of cli/pom.xml):  jpackage.sh TARBALL VERSION DEST
#
# The tarball's tree becomes /opt/salesflow/lib/app/ (bin/salesflow, lib/salesflow.jar, man/,
# completions/, examples/), beside a Java runtime jlink makes of the modules the jar needs
# (/opt/salesflow/lib/runtime, found by the launcher). postinst and prerm (in this folder, used by
# jpackage through --resource-dir: resources/) link /usr/bin/salesflow, the man pages and the completions into
# their usual places and make the class-data archive once, as root, in the install folder.
set -euo pipefail
tarball="$1" version="$2" dest="$3"
here="$(cd "$(dirname "$0")" && pwd)"
for tool in jpackage jlink dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null || { echo "jpackage.sh: $tool is missing (apt-get install -y fakeroot; a JDK 17+)" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work"
input="$work/salesflow-$version"
# Debian orders 0.1.0~SNAPSHOT before 0.1.0; jpackage takes no '-' in a version
deb_version="${version/-/\~}"
rm -rf "$dest"
mkdir -p "$dest"
# the modules jdeps finds in the jar, less java.desktop (only Jackson's optional java.beans
# support wants it, and its AWT libraries would make the package depend on X11's), plus what is
# looked up at run time: the Chinese locale data for --lang zh, the extra charsets of CSV imports,
# sun.misc.Unsafe for JLine and SQLite. .ci/install-check runs the packaged commands.
modules=java.base,java.management,java.sql,jdk.localedata,jdk.charsets,jdk.unsupported
# not jpackage's default --strip-native-commands: the launcher runs the runtime's bin/java
jpackage --type deb \
  --name salesflow \
  --app-version "$deb_version" \
  --description "Runs and checks the standard sales process: cases, stages, SLA deadlines." \
  --vendor salesflow \
  --linux-package-name salesflow \
  --linux-deb-maintainer "salesflow@localhost" \
  --linux-app-category utils \
  --input "$input" \
  --main-jar lib/salesflow.jar \
  --main-class dev.salesflow.cli.Main \
  --add-modules "$modules" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --include-locales=en,zh" \
  --resource-dir "$here/resources" \
  --dest "$dest"
ls "$dest"/*.deb
