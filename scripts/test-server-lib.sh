# test-server-lib.sh - what the throw-away test servers' scripts (dns-test-server.sh,
# mta-test-server.sh) share; sourced by them, not run. A script sets SERVER_NAME (the prefix of its
# messages) and defines running_pid DIR (the pid of its live server in DIR, or failure), stop_server
# DIR and cmd_start ARGS..., then ends with: run_command "$@".

die() {
  echo "$SERVER_NAME: $*" >&2
  exit 1
}

usage() { # prints the calling script's header comment (its usage) and exits 2
  sed -n '2,/^set -euo pipefail/{/^set -euo/d;s/^# \{0,1\}//;p;}' "$0" >&2
  exit 2
}

find_tool() { # NAME...: prints the path of the first NAME found on PATH, in /usr/sbin or /usr/local/sbin
  local name found dir
  for name in "$@"; do
    if found=$(command -v "$name" 2>/dev/null); then
      echo "$found"
      return 0
    fi
    for dir in /usr/sbin /usr/local/sbin; do
      if [[ -x $dir/$name ]]; then
        echo "$dir/$name"
        return 0
      fi
    done
  done
  return 1
}

abs_dir() { # DIR: creates it if needed and prints its absolute path
  mkdir -p -- "$1"
  (cd -- "$1" && pwd -P)
}

alive() { # PID: true if the process exists and is not a zombie
  local state
  [[ -r /proc/$1/stat ]] || { kill -0 "$1" 2>/dev/null; return; }
  state=$(sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/$1/stat" 2>/dev/null) || return 1
  [[ -n $state && $state != Z && $state != X ]]
}

await_exit() { # PID SECONDS WHAT: waits up to SECONDS for PID to exit; then kills it and its children
  local pid=$1 seconds=$2 what=$3 i children
  for (( i = 0; i < seconds * 10; i++ )); do
    alive "$pid" || return 0
    sleep 0.1
  done
  echo "$(basename "$0" .sh): $what (pid $pid) did not stop; killing it" >&2
  children=$(pgrep -P "$pid" || true) # before the parent goes, while they are still its children
  kill -KILL "$pid" $children 2>/dev/null || true
}

cmd_stop() { # DIR
  [[ $# -eq 1 ]] || usage
  [[ -d $1 ]] || return 0
  stop_server "$(cd -- "$1" && pwd -P)"
}

cmd_status() { # DIR
  [[ $# -eq 1 ]] || usage
  local pid
  if [[ -d $1 ]] && pid=$(running_pid "$(cd -- "$1" && pwd -P)"); then
    echo "running (pid $pid)"
  else
    echo "not running"
    return 1
  fi
}

run_command() { # COMMAND ARGS...: start, stop or status
  [[ $# -ge 1 ]] || usage
  local command=$1
  shift
  case $command in
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status "$@" ;;
    *) usage ;;
  esac
}
