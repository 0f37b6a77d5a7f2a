#!/usr/bin/env bash
# Crash test: TESSA is killed (SIGKILL, as a power cut or the kernel's OOM killer would) while schools are sending
# it enquiries, then started again on the same database. Every enquiry a school was told about (201) must be
# there, with its process instance, its open triage task and its work item, and nothing may be half-made: no
# enquiry without its process, no process or task without its enquiry, no work item without its task.
#
#   ops/crash-test.sh          # after ./mvnw -B -ntp verify or ./mvnw -B -ntp -q -DskipTests package
#
# Needs a JDK 17, psql and a PostgreSQL on which the postgres user may create databases (PGHOST, PGPORT, PGUSER,
# PGPASSWORD as psql reads them; 127.0.0.1:5432 as postgres by default). The database tessa_crash is dropped and
# made afresh, and dropped again when every check passes. Exits 0 when every check passes, 1 otherwise.
# Environment: CRASH_CLIENTS (6) school systems sending at once; CRASH_AFTER (150) acknowledged enquiries before
# the kill.
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/common.sh

database=tessa_crash
port=${CRASH_PORT:-18281}
base="http://127.0.0.1:$port"
clients=${CRASH_CLIENTS:-6}
kill_after=${CRASH_AFTER:-150}
began=$SECONDS

say "Crash test: files in $work"
fresh_database "$database"

say "Starting TESSA on a fresh database ($database, port $port)"
start_app "$database" "$port" "$work/app-1.log"
wait_ready "$app_pid" "$port" "$work/app-1.log"
first_pid=$app_pid

# A school's system sends with an API key, as integrations do (HTTP Basic would spend most of each request in
# bcrypt, so fewer requests would be inside a transaction when the kill comes). The key is in the database, so it
# works after the restart too.
TESSA_KEY_SCHOOL_A=$(java ops/Clients.java apikey "$base" school-a)
export TESSA_KEY_SCHOOL_A

# Schools send enquiries from several threads, each request with its own Idempotency-Key. The client records a
# reference only once the 201 has arrived, and every request left unanswered by the kill as unacknowledged.
say "Streaming enquiries from $clients clients"
mkdir -p "$work/stream"
touch "$work/stream/acknowledged" "$work/stream/unacknowledged" "$work/stream/resent"
java ops/Clients.java stream "$base" "$clients" "$work/stream" &
stream_pid=$!

# Kill the application mid-stream, once enough enquiries are acknowledged that the kill lands among busy requests.
for _ in $(seq 1 600); do
  acknowledged=$(wc -l <"$work/stream/acknowledged")
  ((acknowledged >= kill_after)) && break
  kill -0 "$stream_pid" 2>/dev/null || break
  sleep 0.1
done
say "Killing TESSA with SIGKILL after $acknowledged acknowledged enquiries"
kill -9 "$first_pid"
wait "$first_pid" 2>/dev/null || true
if ! wait "$stream_pid"; then
  echo "The clients saw an answer other than 201 before the kill; see above" >&2
  exit 1
fi
acknowledged=$(wc -l <"$work/stream/acknowledged")
unacknowledged=$(wc -l <"$work/stream/unacknowledged")
say "$acknowledged acknowledged, $unacknowledged in flight (or not yet sent) when it died"

say "Starting TESSA again on the same database"
start_app "$database" "$port" "$work/app-2.log"
wait_ready "$app_pid" "$port" "$work/app-2.log"

# A school that heard nothing sends again with the same key: it must get the enquiry that was committed before
# the crash (repeated) or, if none was, a new one; never two.
say "Sending the unacknowledged requests again with the same Idempotency-Key"
java ops/Clients.java resend "$base" "$work/stream"

say "Checking the database"
psql -d "$database" -v ON_ERROR_STOP=1 -qtA >"$work/results" <<SQL
create temp table acknowledged (key text, reference text);
\copy acknowledged from '$work/stream/acknowledged' with (delimiter ' ')
create temp table resent (key text, reference text, repeated boolean);
\copy resent from '$work/stream/resent' with (delimiter ' ')
-- Running instances of the enquiry process, by business key (the enquiry's reference).
create temp view enquiry_process as
  select x.id_, x.business_key_ from act_ru_execution x join act_re_procdef d on d.id_ = x.proc_def_id_
  where d.key_ = 'tessa-enquiry' and x.id_ = x.proc_inst_id_;
-- Every enquiry this test sent, acknowledged or not.
create temp view sent as select * from enquiry where idempotency_key like 'crash-%';

select count(*) from acknowledged a
  where not exists (select 1 from enquiry e where e.reference = a.reference and e.idempotency_key = a.key);
select count(*) from sent;
select count(*) from sent e where (select count(*) from enquiry_process p where p.business_key_ = e.reference) <> 1;
select count(*) from sent e where (select count(*) from act_ru_task t join enquiry_process p on p.id_ = t.proc_inst_id_
  where p.business_key_ = e.reference and t.task_def_key_ = 'Task_TriageEnquiry' and t.assignee_ is null) <> 1;
select count(*) from sent e where not exists (select 1 from act_ru_task t join enquiry_process p on p.id_ = t.proc_inst_id_
  join work_item w on w.task_id = t.id_ and w.is_open and w.enquiry_reference = e.reference
  where p.business_key_ = e.reference);
select count(*) from sent e
  where (select count(*) from case_event c where c.enquiry_reference = e.reference and c.kind = 'ENQUIRY_RECEIVED') <> 1;
select count(*) from enquiry_process p where not exists (select 1 from enquiry e where e.reference = p.business_key_);
select count(*) from act_ru_task t where not exists (select 1 from work_item w where w.task_id = t.id_ and w.is_open);
select count(*) from work_item w where w.is_open and not exists (select 1 from act_ru_task t where t.id_ = w.task_id);
select count(*) from resent r
  where not exists (select 1 from enquiry e where e.reference = r.reference and e.idempotency_key = r.key);
select count(*) from resent where repeated;
SQL
mapfile -t results <"$work/results"
sent=${results[1]}
resent=$(wc -l <"$work/stream/resent")

echo
echo "Crash test: $acknowledged enquiries acknowledged before SIGKILL, $unacknowledged unanswered and sent again"
echo "(${results[10]} of those had been committed before the crash and came back as the same enquiry)"
check "acknowledged enquiries missing after the restart" 0 "${results[0]}"
check "enquiries in the database (acknowledged + sent again, none twice)" "$((acknowledged + resent))" "$sent"
check "sent enquiries without exactly one running tessa-enquiry process" 0 "${results[2]}"
check "sent enquiries without exactly one open, unclaimed triage task" 0 "${results[3]}"
check "sent enquiries whose triage task has no open work item" 0 "${results[4]}"
check "sent enquiries without exactly one 'received' case event" 0 "${results[5]}"
check "enquiry processes without an enquiry (whole database)" 0 "${results[6]}"
check "open engine tasks without an open work item (whole database)" 0 "${results[7]}"
check "open work items without an engine task (whole database)" 0 "${results[8]}"
check "resent requests without their enquiry" 0 "${results[9]}"
# The work list repairs itself at start-up when it is out of step with the engine; that must not have been needed.
check "work list rebuilt at the restart (it was out of step)" 0 "$(grep -c 'rebuilding it' "$work/app-2.log" || true)"
# TESSA's own checks, as an administrator sees them at /admin/consistency.
check "GET /api/admin/consistency" "[]" "$(curl -fsS -u admin:demo "$base/api/admin/consistency")"
check "GET /api/admin/work-items/out-of-step" "[]" "$(curl -fsS -u admin:demo "$base/api/admin/work-items/out-of-step")"
echo "Took $((SECONDS - began)) s"

if ((failures > 0)); then
  echo "CRASH TEST FAILED: $failures check(s); logs and client files in $work (database $database kept)"
  exit 1
fi
kill_started
psql -d postgres -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)"
# The files are kept only when asked for (OPS_WORK_DIR) or when a check failed (above).
if [[ -z ${OPS_WORK_DIR:-} ]]; then rm -rf "$work"; fi
echo "CRASH TEST PASSED"
