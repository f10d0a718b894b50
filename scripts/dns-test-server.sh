#!/usr/bin/env bash
# dns-test-server.sh - run a throw-away authoritative DNS server (NSD) on the loopback interface,
# for integration tests and for trying mail-diag against known zones.
#
# Usage:
#   scripts/dns-test-server.sh start DIR PORT ZONE...   start NSD, wait until it answers
#   scripts/dns-test-server.sh stop DIR                 stop the NSD started in DIR (no-op if none)
#   scripts/dns-test-server.sh status DIR               exit 0 if the NSD of DIR is running
#
#   DIR   a directory owned by the caller; created if missing. Everything NSD reads or writes
#         lives in it: nsd.conf, nsd.pid, nsd.log, zone.list, xfrd.state, xfr/ and zones/ (the
#         zone files are copied there). Nothing is written to /etc, /var or /run.
#   PORT  the UDP and TCP port to listen on (1-65535; a non-root caller needs one above 1023).
#   ZONE  NAME=FILE, or just FILE whose base name without a trailing ".zone" is the zone name
#         (zones/example.test.zone serves example.test). FILE is an RFC 1035 master file.
#
# Environment:
#   NSD                    the nsd binary (default: nsd on PATH, else /usr/sbin/nsd)
#   DNS_TEST_SERVER_ADDRS  addresses to listen on, space-separated (default "127.0.0.1";
#                          e.g. "127.0.0.1 ::1")
#
# "start" checks the configuration with nsd-checkconf and every zone with nsd-checkzone, starts
# NSD as the calling user (root or not; it never changes user: username ""), lets it go to the
# background, then polls with a UDP SOA query for each zone until each one is answered
# authoritatively with NOERROR, for at most about 10 seconds. If NSD does not come up it is
# stopped, the log is printed and the script exits 1. "start" refuses to run over an NSD that is
# still running in DIR. "stop" sends SIGTERM, waits up to about 5 seconds, then SIGKILL.
#
# Needs bash, coreutils and NSD 4 (Debian: apt-get install -y nsd). Example:
#   scripts/dns-test-server.sh start /tmp/dns 15353 example.test=zones/example.test.zone
#   ... query 127.0.0.1 port 15353 ...
#   scripts/dns-test-server.sh stop /tmp/dns
set -euo pipefail

readonly START_TIMEOUT_SECONDS=10
readonly STOP_TIMEOUT_SECONDS=5

SERVER_NAME=dns-test-server
# shellcheck source=test-server-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/test-server-lib.sh"

pid_of() { # DIR: prints the pid recorded in DIR/nsd.pid, if any
  local pidfile=$1/nsd.pid pid
  [[ -s $pidfile ]] || return 1
  read -r pid < "$pidfile" || true
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  echo "$pid"
}

running_pid() { # DIR: prints the pid of a live NSD of DIR
  local pid
  pid=$(pid_of "$1") || return 1
  alive "$pid" || return 1
  echo "$pid"
}

show_log() { # DIR
  if [[ -s $1/nsd.log ]]; then
    echo "---- $1/nsd.log ----" >&2
    tail -n 40 "$1/nsd.log" >&2
    echo "----" >&2
  else
    echo "(no log in $1/nsd.log)" >&2
  fi
}

# Sends one UDP query "ZONE SOA" to ADDR PORT; succeeds if the answer is authoritative NOERROR.
probe() { # ADDR PORT ZONE
  local addr=$1 port=$2 zone=$3 qname="" label header
  local -a labels
  IFS=. read -ra labels <<< "$zone"
  for label in "${labels[@]}"; do
    [[ -n $label ]] && qname+=$(printf '\\x%02x' "${#label}")"$label"
  done
  [[ $addr == *:* ]] && addr="[$addr]"
  exec 3<>"/dev/udp/$addr/$port" || return 1
  # ID 0x4d44, no flags, one question; QNAME, QTYPE SOA (6), QCLASS IN (1).
  # shellcheck disable=SC2059 # qname holds only \xNN escapes and [A-Za-z0-9_-]
  printf "\x4d\x44\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00${qname}\x00\x00\x06\x00\x01" >&3 2>/dev/null || {
    exec 3>&-
    return 1
  }
  header=$(timeout 0.5 head -c 4 <&3 2>/dev/null | od -An -tx1 | tr -d ' \n') || true
  exec 3>&-
  # Bytes 3-4: QR=1 and AA=1 (0x84 with OPCODE 0), RCODE 0.
  [[ ${header:0:4} == 4d44 && $(( 0x${header:4:2} & 0x84 )) -eq 132 && $(( 0x${header:6:2} & 0x0f )) -eq 0 ]]
}

stop_server() { # DIR
  local dir=$1 pid
  if ! pid=$(running_pid "$dir"); then
    rm -f -- "$dir/nsd.pid"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  await_exit "$pid" "$STOP_TIMEOUT_SECONDS" "NSD" # and NSD's children (xfrd, servers) with it
  rm -f -- "$dir/nsd.pid"
}

cmd_start() {
  [[ $# -ge 3 ]] || usage
  local dir port nsd checkconf checkzone spec name file addr ip6=0 pid deadline
  dir=$(abs_dir "$1") || die "cannot create directory '$1'"
  port=$2
  shift 2
  if ! [[ $port =~ ^[0-9]{1,5}$ ]] || (( 10#$port < 1 || 10#$port > 65535 )); then
    die "invalid port '$port'"
  fi
  port=$(( 10#$port ))
  nsd=${NSD:-}
  [[ -n $nsd ]] || nsd=$(find_tool nsd) || die "nsd not found; install it with: apt-get install -y nsd"
  [[ -x $nsd ]] || die "nsd '$nsd' is not executable; install it with: apt-get install -y nsd"
  checkconf=$(find_tool nsd-checkconf) || checkconf=$(dirname "$nsd")/nsd-checkconf
  checkzone=$(find_tool nsd-checkzone) || checkzone=$(dirname "$nsd")/nsd-checkzone
  [[ -x $checkconf && -x $checkzone ]] || die "nsd-checkconf or nsd-checkzone not found next to $nsd"

  if pid=$(running_pid "$dir"); then
    die "an NSD (pid $pid) is already running in $dir; stop it first: $0 stop $dir"
  fi
  rm -rf -- "$dir/zones" "$dir/xfr"
  rm -f -- "$dir/nsd.pid" "$dir/nsd.log" "$dir/zone.list" "$dir/xfrd.state" "$dir/nsd.conf"
  mkdir -p -- "$dir/zones" "$dir/xfr"

  local -a zones=()
  local conf=$dir/nsd.conf
  {
    echo "# Written by dns-test-server.sh; everything lives in $dir."
    echo "server:"
    for addr in ${DNS_TEST_SERVER_ADDRS:-127.0.0.1}; do
      echo "  ip-address: $addr@$port"
      [[ $addr == *:* ]] && ip6=1
    done
    echo "  port: $port"
    echo "  do-ip4: yes"
    if (( ip6 )); then echo "  do-ip6: yes"; else echo "  do-ip6: no"; fi
    echo "  username: \"\""
    echo "  chroot: \"\""
    echo "  zonesdir: \"$dir/zones\""
    echo "  database: \"\""
    echo "  zonelistfile: \"$dir/zone.list\""
    echo "  xfrdfile: \"$dir/xfrd.state\""
    echo "  xfrdir: \"$dir/xfr\""
    echo "  pidfile: \"$dir/nsd.pid\""
    echo "  logfile: \"$dir/nsd.log\""
    echo "  server-count: 1"
    echo "  verbosity: 1"
    echo "  hide-version: yes"
    echo "  zonefiles-check: yes"
    echo "  zonefiles-write: 0"
    echo "remote-control:"
    echo "  control-enable: no"
  } > "$conf"
  for spec in "$@"; do
    if [[ $spec == *=* ]]; then
      name=${spec%%=*}
      file=${spec#*=}
    else
      file=$spec
      name=$(basename -- "$file")
      name=${name%.zone}
    fi
    name=${name%.}
    [[ $name =~ ^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$ ]] || die "invalid zone name '$name' (from '$spec')"
    [[ -r $file ]] || die "zone file '$file' is not readable"
    cp -- "$file" "$dir/zones/$name.zone"
    "$checkzone" "$name" "$dir/zones/$name.zone" > "$dir/checkzone.out" 2>&1 || {
      cat "$dir/checkzone.out" >&2
      die "zone $name ($file) does not compile"
    }
    printf 'zone:\n  name: "%s"\n  zonefile: "%s"\n' "$name" "$dir/zones/$name.zone" >> "$conf"
    zones+=("$name")
  done
  rm -f -- "$dir/checkzone.out"
  "$checkconf" "$conf" >&2 || die "nsd-checkconf rejected $conf"

  # NSD forks into the background itself; its pid lands in DIR/nsd.pid.
  if ! "$nsd" -c "$conf" < /dev/null >> "$dir/nsd.log" 2>&1; then
    show_log "$dir"
    die "nsd failed to start (port $port in use?)"
  fi

  deadline=$(( $(date +%s%N) + START_TIMEOUT_SECONDS * 1000000000 ))
  local first=${DNS_TEST_SERVER_ADDRS:-127.0.0.1}
  first=${first%% *}
  while :; do
    local ready=1
    for name in "${zones[@]}"; do
      if ! probe "$first" "$port" "$name"; then
        ready=0
        break
      fi
    done
    (( ready )) && break
    if (( $(date +%s%N) > deadline )); then
      echo "dns-test-server: NSD did not answer for zone $name on $first port $port within ${START_TIMEOUT_SECONDS} s" >&2
      show_log "$dir"
      stop_server "$dir"
      exit 1
    fi
    if [[ -s $dir/nsd.pid ]] && ! running_pid "$dir" > /dev/null; then
      echo "dns-test-server: NSD exited during start-up" >&2
      show_log "$dir"
      exit 1
    fi
    sleep 0.1
  done
  pid=$(running_pid "$dir") || { show_log "$dir"; die "NSD answers but its pid file $dir/nsd.pid is missing"; }
  echo "dns-test-server: NSD (pid $pid) serving ${zones[*]} on ${DNS_TEST_SERVER_ADDRS:-127.0.0.1} port $port"
}

run_command "$@"
