# Shared by ops/crash-test.sh and ops/two-nodes.sh (sourced, not run): starting, waiting for and killing the
# packaged application, and asking PostgreSQL. Every application started here is killed when the script exits.

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER

# One run's files (application logs, what the clients were told) in one folder, kept after a failure or when
# OPS_WORK_DIR names it.
work=${OPS_WORK_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/tessa-ops.XXXXXX")}
mkdir -p "$work"

jar=$(ls target/tessa-*.jar 2>/dev/null | head -n 1 || true)
if [[ -z $jar ]]; then
  echo "No target/tessa-*.jar: build it first (./mvnw -B -ntp -q -DskipTests package)" >&2
  exit 2
fi

started_pids=()
failures=0

# Kills every application this script started, whatever way the script ends.
kill_started() {
  for pid in "${started_pids[@]}"; do
    kill -9 "$pid" 2>/dev/null || true
    { wait "$pid"; } 2>/dev/null || true
  done
  started_pids=()
}
trap kill_started EXIT

say() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*"; }

# check DESCRIPTION EXPECTED ACTUAL: one line of the summary; a mismatch fails the script at the end.
check() {
  if [[ "$2" == "$3" ]]; then
    printf '  ok    %s: %s\n' "$1" "$3"
  else
    printf '  FAIL  %s: expected %s, found %s\n' "$1" "$2" "$3"
    failures=$((failures + 1))
  fi
}

# sql DATABASE QUERY: one value (or rows separated by |), unaligned, without headers.
sql() {
  psql -d "$1" -v ON_ERROR_STOP=1 -qtAc "$2"
}

fresh_database() {
  psql -d postgres -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS $1 WITH (FORCE)"
  psql -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $1"
}

# start_app DATABASE PORT LOG [ARG...]: the packaged jar with the demo profile, as a council would run it but
# without a mail server (letters then wait in the outbox, unsent). Sets $app_pid. The JVM compiles with C1 only
# (OPS_JAVA_OPTIONS to change it): it starts in about half the time on a busy two-core machine, and what these
# tests check (what is committed, and how often) does not depend on how fast the code runs.
start_app() {
  local database=$1 port=$2 log=$3
  shift 3
  env -u SPRING_MAIL_HOST \
    SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database" \
    SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
    SPRING_PROFILES_ACTIVE=demo \
    java ${OPS_JAVA_OPTIONS:--Xmx768m -XX:TieredStopAtLevel=1} -jar "$jar" --server.port="$port" "$@" >"$log" 2>&1 &
  app_pid=$!
  started_pids+=("$app_pid")
}

# wait_ready PID PORT LOG: until /actuator/health is UP and so is /actuator/health/readiness, which Spring Boot
# reports only once the application runners have finished (the demo's accounts and enquiries are made by one).
# Nothing signs in while waiting: failed sign-ins would count towards the sign-in throttle. Three minutes at most.
wait_ready() {
  local pid=$1 port=$2 log=$3
  for _ in $(seq 1 900); do
    if ! kill -0 "$pid" 2>/dev/null; then
      # "Commencing graceful shutdown" at the end means a SIGTERM from outside this script.
      echo "The application on port $port stopped while starting; the end of $log:" >&2
      tail -n 40 "$log" >&2
      exit 1
    fi
    if curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"' &&
      curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
      return 0
    fi
    sleep 0.2
  done
  echo "The application on port $port was not ready within three minutes; see $log" >&2
  exit 1
}
