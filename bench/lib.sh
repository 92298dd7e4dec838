# Shared by bench/run.sh and bench/forms.sh (sourced): the server they start and a free port.
# Expects HOST, SERVER_PID and die().

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}

# A free loopback port: the first from $1 to $2 nobody answers on.
free_port() {
  local port
  for port in $(seq "$1" "$2"); do
    if ! (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  die "no free port in $1-$2"
}
