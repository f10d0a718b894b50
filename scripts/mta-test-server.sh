#!/usr/bin/env bash
# mta-test-server.sh - run a throw-away MTA (Postfix or Exim) on the loopback interface, whose
# bounces are that MTA's own, for integration tests and for trying mail-diag on them.
#
# Usage:
#   scripts/mta-test-server.sh start MTA DIR PORT RELAY [DOMAIN=HOST:PORT]... [--warn-delays]
#                                               start the MTA, wait until it greets on PORT
#   scripts/mta-test-server.sh stop DIR         stop the MTA started in DIR (no-op if none)
#   scripts/mta-test-server.sh status DIR       exit 0 if the MTA of DIR is running
#
#   MTA      postfix or exim.
#   DIR      a directory; created if missing. Everything the MTA reads or writes lives in it: its
#            configuration, queue (spool) and log (DIR/maillog for Postfix, DIR/log/mainlog for
#            Exim). Nothing is written to /etc, /var or /run, and the system's own MTA (if any) is
#            left alone.
#   PORT     the TCP port of 127.0.0.1 on which the MTA takes mail (SMTP; any sender on 127.0.0.1
#            may relay through it).
#   RELAY    HOST:PORT, where the MTA delivers all mail, the bounces it makes included: the test's
#            own SMTP server, which answers each command as the test wants (accepts, refuses, ...).
#   DOMAIN=HOST:PORT
#            mail for DOMAIN goes to HOST:PORT instead.
#   --warn-delays
#            Postfix only: keep trying a message it cannot deliver for an hour, and warn its sender
#            that it is delayed once it has waited a second (delay_warning_time = 1s), instead of
#            returning it at once.
#
# The MTA makes its bounces at once, or nearly: a 5xx reply bounces a message as always, and a
# message it cannot deliver at the first attempt (a 4xx reply, a refused connection) is returned
# to its sender then (Postfix: maximal_queue_lifetime = 0) or at the attempt one second later
# (Exim: retry rule F,1s,1s, queue runs every second). Exim alone also keeps trying mail for
# slow.test for an hour, and warns the sender of a message with an X-Delay-Warning header field
# that it is delayed, once it has waited two seconds (delay_warning). The MTA never looks up DNS,
# accepts SMTPUTF8 and DSN requests (RFC 3461), waits 3 seconds for a next hop's greeting and
# replies, and runs no chroot. Its one local domain is local.test, which has no users and
# no aliases: Postfix accepts its addresses, then bounces them in local delivery ("unknown user");
# Exim accepts them, then bounces them as unroutable.
#
# Either MTA's master process must be started as root (it drops to its own user for deliveries):
# run as another user, "start" exits with status 3 and does nothing; so it does when the MTA is
# not installed (with the install hint on stderr). "start" refuses to run over an MTA that is
# still running in DIR, and polls PORT for the 220 greeting for at most about 15 seconds; if the
# MTA does not come up, its log is printed and the script exits 1; so it does when something else
# already listens on PORT. The MTA greets with a banner naming DIR, and "start" waits for that
# banner, not any greeting. "stop" asks the MTA to stop, waits up to about 10 seconds, then kills
# it and its children; it signals only the process whose pid file DIR holds, and only when that
# process is the MTA of DIR, and removes the pid file.
#
# Postfix: 3.6 or later (Debian: apt-get install -y postfix, answering "No configuration";
# non-interactively, first:
#   echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections).
# Exim: 4.9x, the binary given by $EXIM, else exim4 or exim on PATH or in /usr/sbin. Debian's
# exim4-daemon-light cannot be installed beside Postfix (both are the system's MTA); its binary
# runs unpacked from the package (apt-get download exim4-daemon-light; dpkg-deb -x ... DIR; then
# EXIM=DIR/usr/sbin/exim4), with the libraries the package depends on installed (on Debian 12,
# libidn12 and libgnutls-dane0 are the ones a system without Exim may lack) and the user it was
# built for, Debian-exim, present (useradd --system --user-group Debian-exim). DIR must not
# contain white space (Postfix cannot use such a directory). Example:
#   scripts/mta-test-server.sh start postfix /tmp/mta 2525 127.0.0.1:2626 down.test=127.0.0.1:2699
#   ... send mail to 127.0.0.1 port 2525, receive its bounces on 127.0.0.1 port 2626 ...
#   scripts/mta-test-server.sh stop /tmp/mta
set -euo pipefail

readonly START_TIMEOUT_SECONDS=15
readonly STOP_TIMEOUT_SECONDS=10
readonly NOT_READY=3
readonly POSTFIX_HINT='install it with: echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections && apt-get install -y postfix'
readonly EXIM_HINT='unpack it with: apt-get download exim4-daemon-light && dpkg-deb -x exim4-daemon-light_*.deb DIR, then set EXIM=DIR/usr/sbin/exim4 (it needs the libraries of its package, libidn12 and libgnutls-dane0 among them, and the user Debian-exim)'

SERVER_NAME=mta-test-server
# shellcheck source=test-server-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/test-server-lib.sh"

not_ready() { # MESSAGE: the MTA cannot run here; exit 3
  echo "mta-test-server: $*" >&2
  exit "$NOT_READY"
}

mta_of() { # DIR: prints the MTA last started in DIR
  [[ -s $1/mta ]] && cat -- "$1/mta"
}

running_pid() { # DIR: prints the pid of the live master (Postfix) or daemon (Exim) of DIR
  local pidfile pid
  case $(mta_of "$1") in
    postfix) pidfile=$1/queue/pid/master.pid ;;
    exim) pidfile=$1/exim.pid ;;
    *) return 1 ;;
  esac
  [[ -s $pidfile ]] || return 1
  read -r pid < "$pidfile" || true
  pid=${pid//[[:space:]]/}
  [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" && ours "$pid" "$1" || return 1
  echo "$pid"
}

ours() { # PID DIR: true if PID is the MTA of DIR (Postfix's master has MAIL_CONFIG=DIR, Exim -C DIR/exim.conf)
  case $(mta_of "$2") in
    postfix) tr '\0' '\n' < "/proc/$1/environ" 2>/dev/null | grep -qxF "MAIL_CONFIG=$2" ;;
    exim) tr '\0' '\n' < "/proc/$1/cmdline" 2>/dev/null | grep -qxF "$2/exim.conf" ;;
    *) return 1 ;;
  esac
}

remove_pid_files() { # DIR: removes the pid files the MTAs write
  rm -f -- "$1/queue/pid/master.pid" "$1/exim.pid"
}

log_of() { # DIR: prints the path of the MTA's log
  case $(mta_of "$1") in
    exim) echo "$1/log/mainlog" ;;
    *) echo "$1/maillog" ;;
  esac
}

show_log() { # DIR
  local log
  for log in "$(log_of "$1")" "$1/log/paniclog"; do
    [[ $log == "$1/log/paniclog" && ! -s $log ]] && continue
    if [[ -s $log ]]; then
      echo "---- $log ----" >&2
      # postfix check's warnings on a queue outside /var/spool say nothing about the failure
      grep -v -e 'warning: not owned by' -e 'warning: group or other writable' "$log" | tail -n 40 >&2 || true
      echo "----" >&2
    else
      echo "(no log in $log)" >&2
    fi
  done
}

greets() { # PORT TOKEN: succeeds if 127.0.0.1:PORT answers with a 220 greeting that holds TOKEN
  local line=""
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  IFS= read -r -t 2 line <&3 || true
  printf 'QUIT\r\n' >&3 2>/dev/null || true
  exec 3>&- 3<&-
  [[ $line == 220* && $line == *"$2"* ]]
}

listening() { # PORT: succeeds if something takes connections on 127.0.0.1:PORT
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  exec 3>&- 3<&-
}

stop_server() { # DIR
  local dir=$1 pid postfix
  if ! pid=$(running_pid "$dir"); then
    remove_pid_files "$dir"
    return 0
  fi
  if [[ $(mta_of "$dir") == postfix ]] && postfix=$(find_tool postfix); then
    "$postfix" -c "$dir" stop > /dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
  else
    kill -TERM "$pid" 2>/dev/null || true
  fi
  await_exit "$pid" "$STOP_TIMEOUT_SECONDS" "the MTA of $dir"
  remove_pid_files "$dir"
}

# The next hops of the DOMAIN=HOST:PORT arguments, checked: three words (domain, host, port) each.
HOPS=()
WARN_DELAYS=0
parse_hops() {
  local spec domain hop
  for spec in "$@"; do
    if [[ $spec == --warn-delays ]]; then
      WARN_DELAYS=1
      continue
    fi
    [[ $spec == *=* ]] || die "invalid DOMAIN=HOST:PORT '$spec'"
    domain=${spec%%=*}
    hop=${spec#*=}
    [[ $domain =~ ^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$ ]] || die "invalid domain '$domain'"
    [[ $hop =~ ^([A-Za-z0-9.-]+):([0-9]{1,5})$ ]] || die "invalid next hop '$hop' for $domain (HOST:PORT)"
    HOPS+=("$domain" "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}")
  done
}

start_postfix() { # DIR PORT RELAY_HOST RELAY_PORT
  local dir=$1 port=$2 relay_host=$3 relay_port=$4 postfix postconf owner i
  postfix=$(find_tool postfix) || not_ready "Postfix is not installed; $POSTFIX_HINT"
  postconf=$(dirname "$postfix")/postconf
  [[ -x $postconf ]] || postconf=$(find_tool postconf) || die "postconf not found next to $postfix"
  owner=$("$postconf" -d -h mail_owner)
  local lifetime=0 warning=0
  if (( WARN_DELAYS )); then
    lifetime=1h
    warning=1s
  fi
  mkdir -p -- "$dir/queue" "$dir/data"
  chown -- "$owner" "$dir/data"
  if command -v runuser > /dev/null && ! runuser -u "$owner" -- test -w "$dir/data"; then
    die "user $owner cannot reach $dir: every directory above it must be searchable by others (chmod o+x)"
  fi
  : > "$dir/transport"
  for (( i = 0; i < ${#HOPS[@]}; i += 3 )); do
    printf '%s smtp:[%s]:%s\n' "${HOPS[i]}" "${HOPS[i + 1]}" "${HOPS[i + 2]}" >> "$dir/transport"
  done
  cat > "$dir/main.cf" <<EOF
# Written by mta-test-server.sh; everything lives in $dir.
compatibility_level = 3.6
queue_directory = $dir/queue
data_directory = $dir/data
command_directory = $("$postconf" -d -h command_directory)
daemon_directory = $("$postconf" -d -h daemon_directory)
meta_directory = $("$postconf" -d -h meta_directory)
shlib_directory = $("$postconf" -d -h shlib_directory)
mail_owner = $owner
setgid_group = $("$postconf" -d -h setgid_group)
maillog_file = $dir/maillog
maillog_file_prefixes = $dir
myhostname = mta.example.test
smtpd_banner = \$myhostname ESMTP $BANNER
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
smtp_helo_timeout = 3s
smtputf8_enable = yes
maximal_queue_lifetime = $lifetime
bounce_queue_lifetime = $lifetime
delay_warning_time = $warning
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
  "$postfix" -c "$dir" check > "$dir/check.out" 2>&1 || {
    cat "$dir/check.out" >&2
    show_log "$dir"
    die "postfix check failed on $dir"
  }
  rm -f -- "$dir/check.out"
  if ! "$postfix" -c "$dir" start < /dev/null > /dev/null 2>&1; then
    show_log "$dir"
    die "Postfix failed to start (port $port in use?)"
  fi
  VERSION="Postfix $("$postconf" -d -h mail_version)"
}

start_exim() { # DIR PORT RELAY_HOST RELAY_PORT
  local dir=$1 port=$2 relay_host=$3 relay_port=$4 exim user i
  (( ! WARN_DELAYS )) || die "--warn-delays is for Postfix (Exim warns of delays for slow.test)"
  exim=${EXIM:-}
  [[ -n $exim ]] || exim=$(find_tool exim4 exim) || not_ready "Exim is not installed; $EXIM_HINT"
  [[ -x $exim ]] || not_ready "Exim '$exim' is not executable; $EXIM_HINT"
  # the spool and log belong to the user the binary was built to run deliveries as
  user=Debian-exim
  getent passwd "$user" > /dev/null || user=exim
  getent passwd "$user" > /dev/null \
    || not_ready "Exim's user Debian-exim does not exist; add it with: useradd --system --user-group Debian-exim"
  mkdir -p -- "$dir/spool" "$dir/log"
  chown -- "$user" "$dir/spool" "$dir/log"
  {
    echo "# Written by mta-test-server.sh; everything lives in $dir."
    echo "exim_path = $exim"
    echo "keep_environment ="
    echo "primary_hostname = exim.example.test"
    echo "qualify_domain = exim.example.test"
    echo "spool_directory = $dir/spool"
    echo "log_file_path = $dir/log/%slog"
    echo "pid_file_path = $dir/exim.pid"
    echo "daemon_smtp_ports = $port"
    echo "daemon_startup_retries = 0"
    echo "smtp_banner = \$smtp_active_hostname ESMTP $BANNER"
    echo "local_interfaces = 127.0.0.1"
    echo "tls_advertise_hosts ="
    echo "host_lookup ="
    echo "rfc1413_hosts ="
    echo "smtputf8_advertise_hosts = *"
    echo "dsn_advertise_hosts = *"
    echo "acl_smtp_rcpt = acl_rcpt"
    echo "ignore_bounce_errors_after = 0s"
    echo "timeout_frozen_after = 0s"
    echo "delay_warning = 2s"
    echo "delay_warning_condition = \${if def:h_X-Delay-Warning:{yes}{no}}"
    echo "begin acl"
    echo "acl_rcpt:"
    echo "  accept hosts = 127.0.0.0/8"
    echo "  deny"
    echo "begin routers"
    for (( i = 0; i < ${#HOPS[@]}; i += 3 )); do
      echo "hop$i:"
      echo "  driver = manualroute"
      echo "  domains = ${HOPS[i]}"
      echo "  route_list = * ${HOPS[i + 1]} byname"
      echo "  transport = smtp$i"
      echo "  self = send"
    done
    echo "local_users:"
    echo "  driver = accept"
    echo "  domains = local.test"
    echo "  check_local_user"
    echo "  transport = discard"
    echo "relay:"
    echo "  driver = manualroute"
    echo "  domains = ! local.test"
    echo "  route_list = * $relay_host byname"
    echo "  transport = relay"
    echo "  self = send"
    echo "begin transports"
    echo "relay:"
    echo "  driver = smtp"
    echo "  port = $relay_port"
    echo "  command_timeout = 3s"
    for (( i = 0; i < ${#HOPS[@]}; i += 3 )); do
      echo "smtp$i:"
      echo "  driver = smtp"
      echo "  port = ${HOPS[i + 2]}"
      echo "  command_timeout = 3s"
    done
    echo "discard:"
    echo "  driver = appendfile"
    echo "  file = /dev/null"
    echo "begin retry"
    echo "slow.test  *  F,1h,1s"
    echo "*          *  F,1s,1s"
  } > "$dir/exim.conf"
  if ! "$exim" -C "$dir/exim.conf" -bV > "$dir/version.out" 2>&1; then
    if grep -q -e 'failed to find uid' -e 'error while loading shared libraries' "$dir/version.out"; then
      # a library or the user it was built for is missing: not this configuration's fault
      not_ready "Exim ($exim) cannot run here: $(head -n 2 "$dir/version.out" | tr '\n' ' ')"
    fi
    cat "$dir/version.out" >&2
    die "Exim rejected $dir/exim.conf"
  fi
  # the daemon goes to the background itself, then binds the port (it gives up at once if it
  # cannot: daemon_startup_retries = 0); a queue run every second retries deferred mail
  if ! "$exim" -C "$dir/exim.conf" -bd -q1s < /dev/null > "$dir/start.out" 2>&1; then
    cat "$dir/start.out" >&2
    show_log "$dir"
    die "Exim failed to start"
  fi
  VERSION=$(sed -n 's/^Exim version \([^ ]*\).*/Exim \1/p' "$dir/version.out")
  rm -f -- "$dir/version.out" "$dir/start.out"
}

cmd_start() {
  [[ $# -ge 4 ]] || usage
  local mta=$1 dir port relay relay_host relay_port pid deadline
  [[ $mta == postfix || $mta == exim ]] || die "unknown MTA '$mta' (postfix or exim)"
  if [[ $(id -u) -ne 0 ]]; then
    not_ready "$mta must be started as root"
  fi
  [[ $2 != *[[:space:]]* ]] || die "DIR '$2' holds white space, which Postfix cannot use"
  dir=$(abs_dir "$2") || die "cannot create directory '$2'"
  port=$3
  relay=$4
  shift 4
  if ! [[ $port =~ ^[0-9]{1,5}$ ]] || (( 10#$port < 1 || 10#$port > 65535 )); then
    die "invalid port '$port'"
  fi
  port=$(( 10#$port ))
  [[ $relay =~ ^([A-Za-z0-9.-]+):([0-9]{1,5})$ ]] || die "invalid relay '$relay' (HOST:PORT)"
  relay_host=${BASH_REMATCH[1]}
  relay_port=${BASH_REMATCH[2]}
  parse_hops "$@"
  if pid=$(running_pid "$dir"); then
    die "an MTA (pid $pid) is already running in $dir; stop it first: $0 stop $dir"
  fi
  if listening "$port"; then
    die "port $port of 127.0.0.1 is in use"
  fi
  rm -rf -- "$dir/queue" "$dir/data" "$dir/spool" "$dir/log"
  rm -f -- "$dir/main.cf" "$dir/master.cf" "$dir/transport" "$dir/maillog" "$dir/exim.conf" "$dir/exim.pid"
  chmod o+x -- "$dir" # the MTA's own user reaches its queue and configuration through DIR
  echo "$mta" > "$dir/mta"
  BANNER="mta-test-server:$dir"
  VERSION=$mta
  "start_$mta" "$dir" "$port" "$relay_host" "$relay_port"

  deadline=$(( $(date +%s%N) + START_TIMEOUT_SECONDS * 1000000000 ))
  until greets "$port" "$BANNER"; do
    if (( $(date +%s%N) > deadline )); then
      echo "mta-test-server: $mta did not greet on 127.0.0.1 port $port within ${START_TIMEOUT_SECONDS} s" >&2
      show_log "$dir"
      stop_server "$dir"
      exit 1
    fi
    # Exim's panic log holds a note that running with -C cost it its privileges; anything else there
    # (a port it cannot bind) means it gave up
    if [[ $mta == exim && -s $dir/log/paniclog ]] && grep -qv 'lost privilege for using -C' "$dir/log/paniclog"; then
      echo "mta-test-server: Exim failed to start" >&2
      show_log "$dir"
      stop_server "$dir"
      exit 1
    fi
    sleep 0.1
  done
  pid=$(running_pid "$dir") || { show_log "$dir"; die "$mta greets but its pid file is missing"; }
  echo "mta-test-server: $VERSION (pid $pid) on 127.0.0.1 port $port, relaying to $relay"
}

run_command "$@"
