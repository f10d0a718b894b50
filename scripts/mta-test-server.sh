#!/usr/bin/env bash
# mta-test-server.sh - run a throw-away Postfix on the loopback interface, whose bounces are real
# Postfix bounces, for integration tests and for trying mail-diag on them.
#
# Usage:
#   scripts/mta-test-server.sh start DIR PORT RELAY [DOMAIN=NEXTHOP]...
#                                               start Postfix, wait until it greets on PORT
#   scripts/mta-test-server.sh stop DIR         stop the Postfix started in DIR (no-op if none)
#   scripts/mta-test-server.sh status DIR       exit 0 if the Postfix of DIR is running
#
#   DIR      a directory; created if missing. Everything this Postfix reads or writes lives in it:
#            main.cf, master.cf, transport, maillog, queue/ and data/. Nothing is written to /etc,
#            /var or /run, and the system's own Postfix (if any) is left alone.
#   PORT     the TCP port of 127.0.0.1 on which Postfix takes mail (SMTP; any sender on 127.0.0.1
#            may relay through it).
#   RELAY    HOST:PORT, where Postfix delivers all mail, the bounces it makes included: the test's
#            own SMTP server, which answers each command as the test wants (accepts, refuses, ...).
#   DOMAIN=NEXTHOP
#            mail for DOMAIN goes to NEXTHOP instead, a Postfix transport(5) value such as
#            "smtp:[127.0.0.1]:2626" or "error:5.1.2 bad destination".
#
# This Postfix makes its bounces at once: a message it cannot deliver at the first attempt (a 4xx
# reply, a refused connection) is returned to its sender then (maximal_queue_lifetime = 0), and a
# 5xx reply bounces it as always. It never looks up DNS, accepts SMTPUTF8, logs to DIR/maillog,
# and runs no chroot. The one local domain is local.test, which has no users and no aliases: its
# addresses are accepted, then bounced by local delivery ("unknown user").
#
# Postfix's master process must be started as root (it drops to the mail_owner user, "postfix",
# for its daemons): run as another user, "start" exits with status 3 and does nothing. "start"
# refuses to run over a Postfix that is still running in DIR, and polls PORT for the 220 greeting
# for at most about 15 seconds; if Postfix does not come up, the log is printed and the script
# exits 1. "stop" asks Postfix to stop, waits up to about 10 seconds, then kills its master.
#
# Needs bash, coreutils and Postfix 3.4 or later (Debian: apt-get install -y postfix, answering
# "No configuration"; non-interactively:
#   echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
# first). Example:
#   scripts/mta-test-server.sh start /tmp/mta 2525 127.0.0.1:2626 down.test='smtp:[127.0.0.1]:2699'
#   ... send mail to 127.0.0.1 port 2525, receive its bounces on 127.0.0.1 port 2626 ...
#   scripts/mta-test-server.sh stop /tmp/mta
set -euo pipefail

readonly START_TIMEOUT_SECONDS=15
readonly STOP_TIMEOUT_SECONDS=10

die() {
  echo "mta-test-server: $*" >&2
  exit 1
}

usage() {
  sed -n '2,/^set -euo pipefail/{/^set -euo/d;s/^# \{0,1\}//;p;}' "$0" >&2
  exit 2
}

find_postfix() { # prints the path of the postfix command, from PATH or /usr/sbin
  local found
  if found=$(command -v postfix 2>/dev/null); then
    echo "$found"
  elif [[ -x /usr/sbin/postfix ]]; then
    echo /usr/sbin/postfix
  else
    return 1
  fi
}

abs_dir() { # DIR: creates it if needed and prints its absolute path
  mkdir -p -- "$1"
  (cd -- "$1" && pwd -P)
}

master_pid() { # DIR: prints the pid of a live Postfix master of DIR
  local pidfile=$1/queue/pid/master.pid pid state
  [[ -s $pidfile ]] || return 1
  read -r pid < "$pidfile" || true
  pid=${pid//[[:space:]]/}
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ -r /proc/$pid/stat ]] || return 1
  state=$(sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
  [[ -n $state && $state != Z && $state != X ]] || return 1
  echo "$pid"
}

show_log() { # DIR
  if [[ -s $1/maillog ]]; then
    echo "---- $1/maillog ----" >&2
    tail -n 40 "$1/maillog" >&2
    echo "----" >&2
  else
    echo "(no log in $1/maillog)" >&2
  fi
}

greets() { # PORT: succeeds if 127.0.0.1:PORT answers with an SMTP 220 greeting
  local line=""
  exec 3<>"/dev/tcp/127.0.0.1/$1" 2>/dev/null || return 1
  IFS= read -r -t 2 line <&3 || true
  printf 'QUIT\r\n' >&3 2>/dev/null || true
  exec 3>&- 3<&-
  [[ $line == 220* ]]
}

stop_server() { # DIR
  local dir=$1 pid i
  pid=$(master_pid "$dir") || return 0
  "$POSTFIX" -c "$dir" stop > /dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
  for (( i = 0; i < STOP_TIMEOUT_SECONDS * 10; i++ )); do
    master_pid "$dir" > /dev/null || return 0
    sleep 0.1
  done
  echo "mta-test-server: Postfix (master pid $pid) did not stop; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
  pkill -KILL -P "$pid" 2>/dev/null || true
}

cmd_start() {
  [[ $# -ge 3 ]] || usage
  local dir port relay relay_host relay_port spec domain nexthop owner pid deadline
  if [[ $(id -u) -ne 0 ]]; then
    echo "mta-test-server: Postfix must be started as root" >&2
    exit 3
  fi
  dir=$(abs_dir "$1") || die "cannot create directory '$1'"
  port=$2
  relay=$3
  shift 3
  if ! [[ $port =~ ^[0-9]{1,5}$ ]] || (( 10#$port < 1 || 10#$port > 65535 )); then
    die "invalid port '$port'"
  fi
  port=$(( 10#$port ))
  [[ $relay =~ ^([A-Za-z0-9.-]+):([0-9]{1,5})$ ]] || die "invalid relay '$relay' (HOST:PORT)"
  relay_host=${BASH_REMATCH[1]}
  relay_port=${BASH_REMATCH[2]}
  if pid=$(master_pid "$dir"); then
    die "a Postfix (master pid $pid) is already running in $dir; stop it first: $0 stop $dir"
  fi
  owner=$("$POSTCONF" -d -h mail_owner)

  rm -rf -- "$dir/queue" "$dir/data"
  rm -f -- "$dir/main.cf" "$dir/master.cf" "$dir/transport" "$dir/maillog"
  mkdir -p -- "$dir/queue" "$dir/data"
  chmod 755 -- "$dir"
  chown -- "$owner" "$dir/data"
  if command -v runuser > /dev/null && ! runuser -u "$owner" -- test -w "$dir/data"; then
    die "user $owner cannot reach $dir: every directory above it must be searchable by others (chmod o+x)"
  fi
  : > "$dir/transport"
  for spec in "$@"; do
    [[ $spec == *=* ]] || die "invalid DOMAIN=NEXTHOP '$spec'"
    domain=${spec%%=*}
    nexthop=${spec#*=}
    [[ $domain =~ ^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$ ]] || die "invalid domain '$domain'"
    [[ -n $nexthop && $nexthop != *$'\n'* ]] || die "invalid next hop for $domain"
    printf '%s %s\n' "$domain" "$nexthop" >> "$dir/transport"
  done

  cat > "$dir/main.cf" <<EOF
# Written by mta-test-server.sh; everything lives in $dir.
compatibility_level = 3.6
queue_directory = $dir/queue
data_directory = $dir/data
command_directory = $("$POSTCONF" -d -h command_directory)
daemon_directory = $("$POSTCONF" -d -h daemon_directory)
meta_directory = $("$POSTCONF" -d -h meta_directory)
shlib_directory = $("$POSTCONF" -d -h shlib_directory)
mail_owner = $owner
setgid_group = $("$POSTCONF" -d -h setgid_group)
maillog_file = $dir/maillog
maillog_file_prefixes = $dir
myhostname = mta.example.test
mydomain = example.test
myorigin = \$myhostname
mydestination = local.test
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
relayhost = [$relay_host]:$relay_port
transport_maps = texthash:$dir/transport
smtp_dns_support_level = disabled
smtp_host_lookup = native
smtp_connect_timeout = 5s
smtputf8_enable = yes
maximal_queue_lifetime = 0
bounce_queue_lifetime = 0
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
alias_maps =
alias_database =
local_recipient_maps =
biff = no
EOF

  cat > "$dir/master.cf" <<EOF
# Written by mta-test-server.sh: SMTP on 127.0.0.1:$port and the services mail needs on its way.
127.0.0.1:$port inet n - n - - smtpd
pickup    unix  n - n 60   1 pickup
cleanup   unix  n - n -    0 cleanup
qmgr      unix  n - n 300  1 qmgr
rewrite   unix  - - n -    - trivial-rewrite
bounce    unix  - - n -    0 bounce
defer     unix  - - n -    0 bounce
trace     unix  - - n -    0 bounce
verify    unix  - - n -    1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n -    - proxymap
smtp      unix  - - n -    - smtp
relay     unix  - - n -    - smtp
showq     unix  n - n -    - showq
error     unix  - - n -    - error
retry     unix  - - n -    - error
discard   unix  - - n -    - discard
anvil     unix  - - n -    1 anvil
scache    unix  - - n -    1 scache
local     unix  - n n -    - local
postlog   unix-dgram n - n - 1 postlogd
EOF

  # "check" makes the queue's directories with their owners and modes; its warnings (a queue
  # outside /var/spool) are not errors
  "$POSTFIX" -c "$dir" check > "$dir/check.out" 2>&1 || {
    cat "$dir/check.out" >&2
    show_log "$dir"
    die "postfix check failed on $dir"
  }
  rm -f -- "$dir/check.out"
  if ! "$POSTFIX" -c "$dir" start < /dev/null > /dev/null 2>&1; then
    show_log "$dir"
    die "Postfix failed to start (port $port in use?)"
  fi

  deadline=$(( $(date +%s%N) + START_TIMEOUT_SECONDS * 1000000000 ))
  until greets "$port"; do
    if (( $(date +%s%N) > deadline )); then
      echo "mta-test-server: Postfix did not greet on 127.0.0.1 port $port within ${START_TIMEOUT_SECONDS} s" >&2
      show_log "$dir"
      stop_server "$dir"
      exit 1
    fi
    sleep 0.1
  done
  pid=$(master_pid "$dir") || { show_log "$dir"; die "Postfix greets but its master's pid file is missing"; }
  echo "mta-test-server: Postfix $("$POSTCONF" -d -h mail_version) (master pid $pid) on 127.0.0.1 port $port, relaying to $relay"
}

cmd_stop() {
  [[ $# -eq 1 ]] || usage
  [[ -d $1 ]] || return 0
  stop_server "$(cd -- "$1" && pwd -P)"
}

cmd_status() {
  [[ $# -eq 1 ]] || usage
  local pid
  if [[ -d $1 ]] && pid=$(master_pid "$(cd -- "$1" && pwd -P)"); then
    echo "running (master pid $pid)"
  else
    echo "not running"
    return 1
  fi
}

[[ $# -ge 1 ]] || usage
command=$1
shift
case $command in
  -h | --help | help) usage ;;
esac
POSTFIX=$(find_postfix) || die "postfix not found; install it with: apt-get install -y postfix"
POSTCONF=$(dirname "$POSTFIX")/postconf
[[ -x $POSTCONF ]] || POSTCONF=$(command -v postconf) || die "postconf not found next to $POSTFIX"
case $command in
  start) cmd_start "$@" ;;
  stop) cmd_stop "$@" ;;
  status) cmd_status "$@" ;;
  *) usage ;;
esac
