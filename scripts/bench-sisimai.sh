#!/usr/bin/env bash
# Bounce messages per second: mail-diag side by side with Sisimai on the same directory of messages,
# each single-threaded and pinned to the same one CPU, reported as a ratio (the NDR target: mail-diag
# at least 20 times Sisimai's throughput on one core).
#
#   scripts/bench-sisimai.sh [DIR]
#
# DIR defaults to the benchmark mix (benchmarks/src/main/resources/io/maildiag/benchmarks/ndr/mix, or
# extracted from the benchmarks jar). The *.eml files of DIR (every regular, non-empty file when it
# has no *.eml) are copied into a temporary directory, and both tools run on that directory:
#
#   Sisimai:   perl, Sisimai->make($dir) (the whole directory, as its Maildir reader reads it); two
#              untimed passes (the first loads its parser modules), then ROUNDS timed rounds of whole
#              passes, each at least SISIMAI_MIN_SECONDS long; the best round counts. Times are taken
#              inside the perl process, so perl start-up and module loading are not counted.
#   mail-diag: java io.maildiag.benchmarks.ndr.BounceDirThroughput, a JIT warm-up (MD_WARMUP to
#              MD_WARMUP_MAX seconds, until the rate stops rising), then ROUNDS rounds of MD_SECONDS
#              of whole passes; the best round counts. Each pass reads the files from disk again, as
#              Sisimai does, through BounceAnalyzer.analyzeFiles: runs of files (up to 1,024, or
#              4 MiB) read and then analysed.
#
# Both then time the analysis alone, the messages read once and kept in memory, in as many rounds:
# Sisimai through the steps make() takes for each file its Maildir reader hands it
# (Sisimai::Message->new, Sisimai::Data->make; Sisimai 4.x only), mail-diag in the same warm JVM
# (BounceDirThroughput --also-in-memory). This ratio leaves out what each side spends per file on the
# operating system and on its own file handling; the target is judged on the files read from disk.
#
# Both sides time each round by the wall clock and by the CPU time of their process (for the JVM,
# JIT compiler and garbage collector included); the CPU-time ratio is the steadier one when other
# work shares the machine. The target is judged on the wall clock; run it on an idle machine.
#
# Paired rounds: the machine's speed drifts (by 15 to 25% over minutes on a shared host), and the two
# tools above run minutes apart, so their ratio drifts with it. The JVM starts Sisimai as a second
# process on the same CPU before its own warm-up (Sisimai then waits), and after its own rounds the
# two take turns: PAIRS pairs of one Sisimai round (at least
# SISIMAI_MIN_SECONDS) and one mail-diag round (MD_SECONDS), Sisimai first in every other pair. Each
# pair's two rounds see the machine alike; the median of the pairs' ratios is the figure the target
# is judged on (BounceDirThroughput --pairs).
#
# Then, end to end, as a user runs them (start-up, module loading and JIT warm-up included), pinned
# to the same CPU: `perl -MSisimai -e 'print Sisimai->dump(DIR)'` (Sisimai's JSON) against
# `java -jar examples/target/mail-diag.jar ndr --batch DIR` (one JSON object per message), each
# E2E_RUNS times alternating, output to /dev/null; the median wall time of each counts. Skipped
# when the CLI jar is not built (mvn -B -q -DskipTests package).
#
# Prerequisites (this script installs nothing):
#   apt-get install -y libsisimai-perl        # Debian/Ubuntu; Sisimai 4.x (make) or 5.x (rise)
#   mvn -B install -DskipTests -pl .,mail-diag-core,mail-diag-dns,mail-diag-headers,mail-diag-ndr
#   mvn -B -pl benchmarks package -DskipTests # builds benchmarks/target/benchmarks.jar
#
# Environment:
#   BENCH_CPU            CPU both runs are pinned to with taskset (default: the last one); "none" to not pin
#   ROUNDS               timed rounds per tool, best taken (default 3)
#   SISIMAI_MIN_SECONDS  least length of one Sisimai round (default 3)
#   MD_WARMUP            mail-diag's least warm-up, seconds (default 40: pinned to one CPU, the JIT
#                        compiler shares it and the steady state comes after 30 to 90 s); the warm-up
#                        goes on while a 5 s window still runs more than 2% faster than the one before
#   MD_WARMUP_MAX        mail-diag's longest warm-up, seconds (default 180)
#   MD_SECONDS           length of one mail-diag round (default 3)
#   JAVA, JAVA_OPTS      java command (default java) and its options (default -Xms512m -Xmx512m)
#   JAR                  benchmarks jar (default benchmarks/target/benchmarks.jar)
#   CLI_JAR              the mail-diag CLI (default examples/target/mail-diag.jar)
#   E2E_RUNS             end-to-end runs per tool, median taken (default 5; 0 skips them)
#   PAIRS                paired rounds (default 7; 0 skips them): see "Paired rounds" above
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=${JAR:-$ROOT/benchmarks/target/benchmarks.jar}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}
ROUNDS=${ROUNDS:-3}
SISIMAI_MIN_SECONDS=${SISIMAI_MIN_SECONDS:-3}
MD_WARMUP=${MD_WARMUP:-40}
MD_WARMUP_MAX=${MD_WARMUP_MAX:-180}
MD_SECONDS=${MD_SECONDS:-3}
CLI_JAR=${CLI_JAR:-$ROOT/examples/target/mail-diag.jar}
E2E_RUNS=${E2E_RUNS:-5}
PAIRS=${PAIRS:-7}
MIX=$ROOT/benchmarks/src/main/resources/io/maildiag/benchmarks/ndr/mix

indent() { sed 's/^/   /'; }

if [[ ! -f $JAR ]]; then
  echo "error: $JAR not found; build it first:" >&2
  echo "  mvn -B install -DskipTests -pl .,mail-diag-core,mail-diag-dns,mail-diag-headers,mail-diag-ndr" >&2
  echo "  mvn -B -pl benchmarks package -DskipTests" >&2
  exit 2
fi
if ! perl -MSisimai -e 1 2>/dev/null; then
  echo "error: the Perl module Sisimai is not installed; on Debian/Ubuntu: apt-get install -y libsisimai-perl" >&2
  exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-sisimai.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
MSGS=$WORK/messages
mkdir -p "$MSGS"

SRC=${1:-}
if [[ -z $SRC ]]; then
  if [[ -d $MIX ]]; then
    SRC=$MIX
  else
    SRC=$WORK/mix
    "$JAVA" -cp "$JAR" io.maildiag.benchmarks.ndr.BounceDirThroughput --extract-mix "$SRC" >/dev/null
  fi
fi
if [[ ! -d $SRC ]]; then
  echo "error: $SRC is not a directory" >&2
  exit 2
fi
shopt -s nullglob
files=("$SRC"/*.eml)
if (( ${#files[@]} == 0 )); then
  files=("$SRC"/*)
fi
for f in "${files[@]}"; do
  if [[ -f $f && -s $f ]]; then
    cp -- "$f" "$MSGS/"
  fi
done
count=$(find "$MSGS" -maxdepth 1 -type f | wc -l)
if (( count == 0 )); then
  echo "error: no message file in $SRC" >&2
  exit 2
fi
bytes=$(cat "$MSGS"/* | wc -c)

PIN=()
cpu=${BENCH_CPU:-$(( $(nproc) - 1 ))}
if [[ $cpu != none ]] && command -v taskset >/dev/null; then
  PIN=(taskset -c "$cpu")
  pinned="pinned to CPU $cpu"
else
  pinned="not pinned"
fi

echo "== $count messages ($(( bytes / 1024 )) KB) from $SRC, $pinned"
echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

echo "== Sisimai"
# Sisimai's side, one Perl file for both uses: "bench" times rounds one after the other and prints
# them; "serve" is the peer of the paired rounds (ready after two untimed passes, then one round of
# whole passes, at least SISIMAI_MIN_SECONDS, for each line it reads).
cat > "$WORK/sisimai.pl" <<'PERL'
use strict;
use warnings;
use Time::HiRes qw(time);
use Sisimai;

my ($mode, $dir, $rounds, $min) = @ARGV;
# Sisimai 5 parses with rise(); 4.x with make(). Both take a directory (read as a Maildir).
my $parse = Sisimai->can('rise') ? sub { Sisimai->rise($dir) } : sub { Sisimai->make($dir) };
opendir(my $dh, $dir) or die "cannot open $dir: $!";
my @files = sort grep { -f "$dir/$_" && -s "$dir/$_" } readdir $dh;
closedir $dh;
my $n = @files;

# One round of whole passes of $pass, at least $min seconds: messages, wall seconds, CPU seconds.
sub round {
  my ($pass) = @_;
  my @c0 = times;
  my $start = time;
  my ($passes, $elapsed) = (0, 0);
  while ($elapsed < $min) {
    $pass->();
    $passes++;
    $elapsed = time - $start;
  }
  my @c1 = times;
  return ($n * $passes, $elapsed, ($c1[0] + $c1[1]) - ($c0[0] + $c0[1]));
}

if ($mode eq 'serve') {
  $| = 1;
  $parse->();
  $parse->();
  print "READY\n";
  while (defined(my $line = <STDIN>)) {
    my ($msgs, $elapsed, $cpu) = round($parse);
    printf "MSGS_PER_SEC=%.1f MSGS_PER_CPU_SEC=%.1f\n", $msgs / $elapsed, $cpu > 0 ? $msgs / $cpu : 0;
  }
  exit 0;
}

# Times $rounds rounds of whole passes of $pass (each at least $min seconds long), prints each round
# with $indent, then the best as "$label" and as "${key}MSGS_PER_SEC=" and "${key}MSGS_PER_CPU_SEC=".
sub timed_rounds {
  my ($pass, $indent, $label, $key) = @_;
  my ($best, $bestcpu) = (0, 0);
  for my $r (1 .. $rounds) {
    my ($msgs, $elapsed, $cpu) = round($pass);
    my $rate = $msgs / $elapsed;
    my $cpurate = $cpu > 0 ? $msgs / $cpu : 0;
    printf "%sround %d: %d messages in %.2f s wall, %.2f s CPU = %.1f msgs/s wall, %.1f msgs/CPU-s\n",
      $indent, $r, $msgs, $elapsed, $cpu, $rate, $cpurate;
    $best = $rate if $rate > $best;
    $bestcpu = $cpurate if $cpurate > $bestcpu;
  }
  printf "%s: %.1f msgs/s wall (%.0f us per message), %.1f msgs/CPU-s\n", $label, $best, 1e6 / $best, $bestcpu;
  printf "%sMSGS_PER_SEC=%.1f\n", $key, $best;
  printf "%sMSGS_PER_CPU_SEC=%.1f\n", $key, $bestcpu;
}

my $t0 = time;
my $records = $parse->() // [];   # untimed: loads the parser modules on first use
my $first = time - $t0;
printf "Sisimai %s (perl %vd), %d files, %d records; first pass (module loading) %.2f s\n",
  Sisimai->version, $^V, $n, scalar @$records, $first;
$parse->();                        # untimed: one more pass, as the JVM side warms up
timed_rounds($parse, "", "best", "");

# In memory: the files read once, then each one analysed as make() analyses what its Maildir reader
# hands it (Sisimai::Message->new, then Sisimai::Data->make), so that only the file reading differs.
# Sisimai 4.x only: Sisimai 5 renamed these internals.
my $internals = eval { require Sisimai::Message; require Sisimai::Data; 1 };
unless ($internals && !Sisimai->can('rise') && Sisimai::Message->can('new') && Sisimai::Data->can('make')) {
  print "in memory: skipped (needs the internals of Sisimai 4.x)\n";
  exit 0;
}
my @texts;
for my $f (@files) {
  open(my $fh, '<', "$dir/$f") or die "cannot read $dir/$f: $!";
  push @texts, do { local $/; <$fh> };
  close $fh;
}
my $inmemory = sub {
  my $records = 0;
  for my $text (@texts) {
    my $mesg = Sisimai::Message->new('data' => $text) or next;
    my $data = Sisimai::Data->make('data' => $mesg, 'origin' => '<MEMORY>');
    $records += scalar @$data if $data;
  }
  return $records;
};
printf "in memory: %d records\n", $inmemory->();
timed_rounds($inmemory, "  ", "best in memory", "MEM_");
PERL
sisimai_out=$("${PIN[@]}" perl "$WORK/sisimai.pl" bench "$MSGS" "$ROUNDS" "$SISIMAI_MIN_SECONDS")
indent <<<"$sisimai_out"
sisimai=$(sed -n 's/^MSGS_PER_SEC=//p' <<<"$sisimai_out")
sisimai_cpu=$(sed -n 's/^MSGS_PER_CPU_SEC=//p' <<<"$sisimai_out")
sisimai_mem=$(sed -n 's/^MEM_MSGS_PER_SEC=//p' <<<"$sisimai_out")
sisimai_mem_cpu=$(sed -n 's/^MEM_MSGS_PER_CPU_SEC=//p' <<<"$sisimai_out")

echo "== mail-diag"
PEER=()
if (( PAIRS > 0 )); then
  PEER=(--peer perl "$WORK/sisimai.pl" serve "$MSGS" 0 "$SISIMAI_MIN_SECONDS")
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
md_out=$("${PIN[@]}" "$JAVA" $JAVA_OPTS -cp "$JAR" io.maildiag.benchmarks.ndr.BounceDirThroughput \
  --warmup "$MD_WARMUP" --warmup-max "$MD_WARMUP_MAX" --rounds "$ROUNDS" --seconds "$MD_SECONDS" --also-in-memory \
  --pairs "$PAIRS" "$MSGS" "${PEER[@]}")
indent <<<"$md_out"
maildiag=$(sed -n 's/^MSGS_PER_SEC=//p' <<<"$md_out")
maildiag_cpu=$(sed -n 's/^MSGS_PER_CPU_SEC=//p' <<<"$md_out")
maildiag_mem=$(sed -n 's/^MEM_MSGS_PER_SEC=//p' <<<"$md_out")
maildiag_mem_cpu=$(sed -n 's/^MEM_MSGS_PER_CPU_SEC=//p' <<<"$md_out")
paired=$(sed -n 's/^PAIRED_RATIO=//p' <<<"$md_out")
paired_cpu=$(sed -n 's/^PAIRED_CPU_RATIO=//p' <<<"$md_out")

if [[ -z $sisimai || -z $maildiag ]]; then
  echo "error: a run gave no result" >&2
  exit 1
fi
echo "== Result ($count messages, single-threaded, $pinned)"
awk -v s="$sisimai" -v m="$maildiag" -v sc="${sisimai_cpu:-0}" -v mc="${maildiag_cpu:-0}" \
    -v sm="${sisimai_mem:-0}" -v mm="${maildiag_mem:-0}" -v smc="${sisimai_mem_cpu:-0}" -v mmc="${maildiag_mem_cpu:-0}" \
    -v pr="${paired:-0}" -v prc="${paired_cpu:-0}" -v pairs="$PAIRS" '
  function ratio(a, b) { return (a > 0 && b > 0) ? sprintf("%10.1f x", a / b) : sprintf("%12s", "-") }
  BEGIN {
  r = m / s
  printf "   files read from disk in every pass (each tool'"'"'s best round, the tools one after the other)\n"
  printf "                   wall clock          CPU time\n"
  printf "   Sisimai    %10.1f msgs/s  %10.1f msgs/CPU-s\n", s, sc
  printf "   mail-diag  %10.1f msgs/s  %10.1f msgs/CPU-s\n", m, mc
  printf "   ratio      %s       %s\n", ratio(m, s), ratio(mc, sc)
  if (sm > 0 && mm > 0) {
    printf "   messages in memory (the analysis alone)\n"
    printf "   Sisimai    %10.1f msgs/s  %10.1f msgs/CPU-s\n", sm, smc
    printf "   mail-diag  %10.1f msgs/s  %10.1f msgs/CPU-s\n", mm, mmc
    printf "   ratio      %s       %s\n", ratio(mm, sm), ratio(mmc, smc)
  }
  basis = "best rounds"
  if (pr > 0) {
    printf "   paired rounds (the tools in turn, files read from disk; median of %d pairs)\n", pairs
    printf "   ratio      %10.1f x       %10.1f x\n", pr, prc
    r = pr
    basis = "median of the paired rounds"
  }
  printf "   target: mail-diag at least 20 x Sisimai (wall clock, files read from disk, %s): %s\n", basis, (r >= 20 ? "met" : "NOT met")
}'

if (( E2E_RUNS > 0 )) && [[ -f $CLI_JAR ]]; then
  echo "== End to end ($count messages, one process per run, start-up included, $pinned)"
  median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
  wall() { # prints the wall seconds of one run of the command given
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
  }
  s_times=() m_times=()
  for (( i = 0; i < E2E_RUNS; i++ )); do
    s_times+=("$(wall "${PIN[@]}" perl -MSisimai -e 'print Sisimai->dump($ARGV[0])' "$MSGS")")
    m_times+=("$(wall "${PIN[@]}" "$JAVA" -jar "$CLI_JAR" ndr --batch "$MSGS")")
  done
  s_med=$(printf '%s\n' "${s_times[@]}" | median)
  m_med=$(printf '%s\n' "${m_times[@]}" | median)
  echo "   Sisimai    runs: ${s_times[*]} s"
  echo "   mail-diag  runs: ${m_times[*]} s"
  awk -v s="$s_med" -v m="$m_med" -v n="$count" 'BEGIN {
    printf "   Sisimai    median %.3f s = %8.1f msgs/s\n", s, n / s
    printf "   mail-diag  median %.3f s = %8.1f msgs/s\n", m, n / m
    printf "   ratio      %.2f x (end to end)\n", s / m
  }'
elif (( E2E_RUNS > 0 )); then
  echo "== End to end: skipped, $CLI_JAR not built (mvn -B -q -DskipTests package)"
fi
