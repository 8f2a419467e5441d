#!/usr/bin/env bash
# JMH micro-benchmarks of the media hot paths, and the media-engine load test, in one command, offline.
#   bench/jmh/run.sh                 all JMH benchmarks (RTP header, G.711, RFC 4733, pacer tick over 3,000 calls)
#   bench/jmh/run.sh jmh <regex>     JMH benchmarks matching <regex>, e.g. 'G711'
#   bench/jmh/run.sh load N [warmup measure loops]   N calls of the media engine on loopback (MediaEngineLoad)
# Builds the service's classes with Maven (offline), compiles bench/jmh/src against them with the JMH
# annotation processor, and runs. JMH comes from ~/.m2 (org.openjdk.jmh 1.37); it is not a dependency
# of the service.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/target"
m2="${M2_REPO:-$HOME/.m2/repository}"
jmh_version=1.37
mkdir -p "$out/classes"

(cd "$root" && ./mvnw -B -o -q compile dependency:build-classpath -Dmdep.outputFile="$out/service.cp" >/dev/null)
jmh_cp="$m2/org/openjdk/jmh/jmh-core/$jmh_version/jmh-core-$jmh_version.jar:$m2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar:$m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
annproc="$m2/org/openjdk/jmh/jmh-generator-annprocess/$jmh_version/jmh-generator-annprocess-$jmh_version.jar"
for jar in ${jmh_cp//:/ } "$annproc"; do
  [ -f "$jar" ] || { echo "missing $jar: fetch it once with mvn dependency:get -Dartifact=org.openjdk.jmh:jmh-core:$jmh_version (and jmh-generator-annprocess)" >&2; exit 1; }
done
cp="$root/target/classes:$(cat "$out/service.cp"):$jmh_cp"
rm -rf "$out/classes" && mkdir -p "$out/classes"
javac -nowarn -d "$out/classes" -cp "$cp" -processorpath "$annproc:$jmh_cp" $(find "$here/src" -name '*.java')
cp="$out/classes:$cp"

mode="${1:-jmh}"
case "$mode" in
  load)
    shift
    exec java -Xms512m -Xmx512m -cp "$cp" ${BENCH_JAVA_OPTS:-} vn.dvc.hotline.bench.MediaEngineLoad "$@"
    ;;
  jmh)
    shift || true
    # JMH_OPTS replaces the default run lengths, e.g. JMH_OPTS='-f 1 -wi 2 -i 3' for a quick look
    exec java -cp "$cp" org.openjdk.jmh.Main ${JMH_OPTS:--f 1 -wi 3 -w 1s -i 5 -r 1s} -prof gc \
      "${1:-vn.dvc.hotline.(bench|media)}"
    ;;
  *) echo "usage: $0 [jmh [regex] | load N [warmup measure loops]]" >&2; exit 2 ;;
esac
