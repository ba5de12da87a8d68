# Shared by the benchmark scripts, which source it after setting JAR and BUILD and moving to the
# repository root.

log() { echo "bench: $*" >&2; }

# need_debian PACKAGE:COMMAND...: installs with apt-get each Debian PACKAGE whose COMMAND is missing
need_debian() {
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair#*:}" > /dev/null || missing+=("${pair%%:*}")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  fi
}

# newer_than FILE PATH...: true when FILE is missing or any file under the PATHs is newer
newer_than() {
  local file="$1"; shift
  [ ! -f "$file" ] || [ -n "$(find "$@" -type f -newer "$file" -print -quit 2>/dev/null)" ]
}

# build_when_needed [GENERATOR_CLASS]: with BUILD=always, or BUILD=auto when the jar (or the
# generator class) is missing or older than its sources, builds the jar and the test classes that
# hold the generators. package, not install: nothing lands in ~/.m2, which other checkouts share.
build_when_needed() {
  local generator="${1:-}"
  if [ "$BUILD" = always ] || { [ "$BUILD" = auto ] && {
        newer_than "$JAR" pom.xml core/pom.xml cli/pom.xml core/src/main cli/src/main \
          || { [ -n "$generator" ] && newer_than "$generator" cli/src/test/java/dev/salesflow/cli/bench "$JAR"; }; }; }; then
    log "building $JAR and the generators (mvn -B -q -DskipTests package)"
    mvn -B -q -DskipTests package >&2
  fi
  [ -f "$JAR" ] || { log "no $JAR"; exit 3; }
  [ -z "$generator" ] || [ -f "$generator" ] || { log "no $generator"; exit 3; }
}
