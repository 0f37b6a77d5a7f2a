#!/usr/bin/env bash
# Two nodes, one database: two TESSA instances from the same jar on one PostgreSQL database, as a council runs
# them behind a load balancer. Proves that
#   (a) a person signed in on node 1 is signed in on node 2 with the same session cookie (sessions are in the
#       database, Spring Session JDBC), and signed out on both by signing out on either;
#   (b) asynchronous jobs run exactly once across the two nodes: a backlog of "Send response to referrer" jobs
#       (asyncBefore service task Task_SendResponseToReferrer, which follows advice given at triage and posts the
#       advice to the referrer as a letter), one per triaged enquiry, is released to both job
#       executors at once; each enquiry gets exactly one letter in outbox_letter, and the engine's job log shows
#       every job succeeded once, on one of the two nodes, both nodes taking a share;
#   (b2) timers fire exactly once across the two nodes: enquiries signposted to the MASH whose decision is due at
#       once (tessa.timescales.working-days.mash-decision: 0) each get one "MASH decision overdue" case event and
#       one "Chase MASH decision" task;
#   (c) a node killed (SIGKILL) in the middle of that work leaves its jobs to the other: node 2 is killed while
#       it holds jobs, and node 1 runs them once their lock lapses, again exactly once per enquiry.
#
#   ops/two-nodes.sh          # after ./mvnw -B -ntp verify or ./mvnw -B -ntp -q -DskipTests package
#
# Needs what ops/crash-test.sh needs (a JDK 17, psql, a PostgreSQL the postgres user may create databases on). The
# database tessa_two_nodes is made afresh, and dropped when every check passes. Exits 0 when every check passes.
# Environment: TWO_NODES_ENQUIRIES (60) enquiries for (b), a third as many for (b2), 1.5 times as many for (c).
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/common.sh

database=tessa_two_nodes
port1=${TWO_NODES_PORT:-18381}
port2=$((port1 + 1))
node1="http://127.0.0.1:$port1"
node2="http://127.0.0.1:$port2"
count=${TWO_NODES_ENQUIRIES:-60}
mash_count=$((count / 3))
began=$SECONDS

# How both nodes run, beyond the application's own configuration:
# - history level full, so that the engine keeps its job log (act_hi_job_log): one row for each job's creation,
#   success or failure, written in the job's own transaction and naming the node that ran it ...
# - ... by the engine's hostname, node-1 or node-2 (both run on this machine, so the default would be the same);
# - a job lock of 10 seconds instead of Camunda's 5 minutes, so that the jobs of the node killed in (c) pass to
#   the other within the test (a lock must outlast the longest job: TESSA's longest is a portal call, 20 s at most
#   by tessa.portals.timeout, which is why production keeps the default);
# - an idle job executor looks for jobs at least every 2 seconds instead of backing off to a minute, so that
#   released and lapsed jobs are found at once.
# - the MASH's decision due 0 working days after the referral, so that its overdue timer fires within the test.
node_options=(
  --tessa.timescales.working-days.mash-decision=0
  --camunda.bpm.history-level=full
  --camunda.bpm.job-execution.lock-time-in-millis=10000
  --camunda.bpm.job-execution.max-wait=2000
)

say "Two nodes: files in $work"
fresh_database "$database"

# One at a time: the first creates the engine's tables and loads the demo data; the second finds them there.
say "Starting node 1 (port $port1) on a fresh database ($database)"
start_app "$database" "$port1" "$work/node-1.log" "${node_options[@]}" --camunda.bpm.generic-properties.properties.hostname=node-1
wait_ready "$app_pid" "$port1" "$work/node-1.log"
say "Starting node 2 (port $port2) on the same database"
start_app "$database" "$port2" "$work/node-2.log" "${node_options[@]}" --camunda.bpm.generic-properties.properties.hostname=node-2
node2_pid=$app_pid
wait_ready "$node2_pid" "$port2" "$work/node-2.log"

echo
echo "(a) One session, two nodes"
if java ops/Clients.java session "$node1" "$node2"; then session=passed; else session=failed; fi
check "signed in on node 1, signed in on node 2; signed out on node 2, signed out on node 1" passed "$session"

# Integrations' keys (school-a logs enquiries, duty-manager triages); HTTP Basic would spend most of the time in bcrypt.
TESSA_KEY_SCHOOL_A=$(java ops/Clients.java apikey "$node1" school-a)
TESSA_KEY_DUTY_MANAGER=$(java ops/Clients.java apikey "$node2" duty-manager)
export TESSA_KEY_SCHOOL_A TESSA_KEY_DUTY_MANAGER

# The engine's own REST API, as an administrator uses it from Cockpit: the job definition of "Send response to
# referrer" is suspended, so that its jobs wait as a backlog, then activated with its jobs, on the other node.
definition=$(curl -fsS -u admin:demo "$node1/engine-rest/job-definition?activityIdIn=Task_SendResponseToReferrer&processDefinitionKey=tessa-enquiry" |
  grep -o '"id":"[^"]*"' | head -n 1 | cut -d'"' -f4)
suspend_jobs() { # suspend_jobs NODE true|false
  curl -fsS -u admin:demo -X PUT -H 'Content-Type: application/json' \
    -d "{\"suspended\":$2,\"includeJobs\":true}" "$1/engine-rest/job-definition/$definition/suspended"
}
jobs_left() {
  sql "$database" "select count(*) from act_ru_job where job_def_id_ = '$definition'"
}
wait_for_jobs() { # wait_for_jobs SECONDS
  for _ in $(seq 1 $(($1 * 5))); do
    [[ $(jobs_left) == 0 ]] && return 0
    sleep 0.2
  done
  return 1
}

# queue_backlog N FILE: N enquiries logged and triaged with advice across both nodes while the job definition is
# suspended: N "Send response to referrer" jobs wait, created by both nodes. FILE gets the references.
queue_backlog() {
  suspend_jobs "$node1" true
  say "Logging and triaging $1 enquiries with advice, across both nodes"
  java ops/Clients.java triage "$node1" "$node2" "$1" 4 "$2"
  check "suspended 'Send response to referrer' jobs waiting" "$1" \
    "$(sql "$database" "select count(*) from act_ru_job where job_def_id_ = '$definition' and suspension_state_ = 2")"
}

# job_runs FILE ACTIVITY: checks that every job of ACTIVITY in the processes of the enquiries in FILE (business
# key: the reference, also in called processes) succeeded exactly once in the engine's job log, and never failed;
# $ran says how many each node ran.
job_runs() {
  psql -d "$database" -v ON_ERROR_STOP=1 -qtA >"$work/results" <<SQL
create temp table batch (reference text);
\copy batch from '$1'
create temp view runs as
  select l.* from act_hi_job_log l join act_ru_jobdef d on d.id_ = l.job_def_id_ and d.act_id_ = '$2'
  join act_hi_procinst p on p.id_ = l.process_instance_id_ join batch b on b.reference = p.business_key_;
select count(*) from batch;
select count(distinct job_id_) from runs;
select count(*) from (select job_id_ from runs where job_state_ = 2 group by job_id_ having count(*) > 1) s;
select count(*) from (select job_id_ from runs group by job_id_ having count(*) filter (where job_state_ = 2) = 0) s;
select count(*) from runs where job_state_ = 1;
select count(*) filter (where hostname_ = 'node-1') || ' on node 1, ' || count(*) filter (where hostname_ = 'node-2')
  || ' on node 2' from runs where job_state_ = 2;
SQL
  mapfile -t results <"$work/results"
  check "$2 jobs in the job log, one for each enquiry" "${results[0]}" "${results[1]}"
  check "$2 jobs that succeeded more than once" 0 "${results[2]}"
  check "$2 jobs that never succeeded" 0 "${results[3]}"
  check "$2 job failures" 0 "${results[4]}"
  ran=${results[5]}
  echo "        $2 jobs run: $ran"
}

# per_enquiry FILE DESCRIPTION QUERY: checks that QUERY, a count about one enquiry's reference (written b.reference),
# is 1 for every enquiry in FILE.
per_enquiry() {
  check "enquiries without exactly one $2" 0 "$(psql -d "$database" -v ON_ERROR_STOP=1 -qtA <<SQL
create temp table batch (reference text);
\copy batch from '$1'
select count(*) from batch b where ($3) <> 1;
SQL
)"
}

# letters FILE: one letter for each enquiry in FILE (its subject starts with the reference), and one LETTER_SENT
# case event; their processes have ended.
letters() {
  per_enquiry "$1" "letter in outbox_letter" "select count(*) from outbox_letter o where o.subject like '[' || b.reference || '] %'"
  per_enquiry "$1" "LETTER_SENT case event" \
    "select count(*) from case_event c where c.enquiry_reference = b.reference and c.kind = 'LETTER_SENT'"
  per_enquiry "$1" "ended enquiry process" "select count(*) from act_hi_procinst p join act_re_procdef d on d.id_ = p.proc_def_id_
    where d.key_ = 'tessa-enquiry' and p.business_key_ = b.reference and p.end_time_ is not null"
}

both_ran() {
  check "both nodes ran jobs" yes "$([[ $ran =~ ^[1-9][0-9]*\ on\ node\ 1,\ [1-9][0-9]*\ on\ node\ 2$ ]] && echo yes || echo no)"
}

echo
echo "(b) $count jobs released to both nodes at once run exactly once"
queue_backlog "$count" "$work/batch-b"
say "Releasing the jobs (on node 2)"
suspend_jobs "$node2" false
release=$SECONDS
if wait_for_jobs 120; then done_b=yes; else done_b=no; fi
check "all jobs done within two minutes" yes "$done_b"
echo "        in $((SECONDS - release)) s"
letters "$work/batch-b"
job_runs "$work/batch-b" Task_SendResponseToReferrer
both_ran

echo
echo "(b2) $mash_count MASH decisions overdue at once: each timer fires exactly once across the two nodes"
# Signposted to the MASH, each enquiry first runs "Send advice to referrer" (Task_SendTriageAdvice, async), then
# a duty manager confirms the referral, and the MASH decision is awaited on a timer (Timer_MashDecisionOverdue)
# due tessa.timescales.working-days.mash-decision working days later: 0 here, so each timer is due at once.
say "Logging $mash_count enquiries, signposting them to the MASH and confirming the referrals, across both nodes"
java ops/Clients.java mash "$node1" "$node2" "$mash_count" 4 "$work/batch-mash"
chases="select count(*) from act_ru_task t join act_ru_execution x on x.id_ = t.proc_inst_id_
  where t.task_def_key_ = 'Task_ChaseMashDecision' and x.business_key_ in ($(sed "s/.*/'&'/" "$work/batch-mash" | paste -sd, -))"
for _ in $(seq 1 300); do
  [[ $(sql "$database" "$chases") == "$mash_count" ]] && break
  sleep 0.2
done
per_enquiry "$work/batch-mash" "letter with the advice" "select count(*) from outbox_letter o where o.subject like '[' || b.reference || '] %'"
job_runs "$work/batch-mash" Task_SendTriageAdvice
job_runs "$work/batch-mash" Timer_MashDecisionOverdue
per_enquiry "$work/batch-mash" "MASH_DECISION_OVERDUE case event" \
  "select count(*) from case_event c where c.enquiry_reference = b.reference and c.kind = 'MASH_DECISION_OVERDUE'"
per_enquiry "$work/batch-mash" "open 'Chase MASH decision' task" "select count(*) from act_ru_task t
  join act_ru_execution x on x.id_ = t.proc_inst_id_ where t.task_def_key_ = 'Task_ChaseMashDecision' and x.business_key_ = b.reference"
per_enquiry "$work/batch-mash" "open 'Chase MASH decision' work item" "select count(*) from work_item w
  where w.task_key = 'Task_ChaseMashDecision' and w.is_open and w.enquiry_reference = b.reference"

echo
count_c=$((count * 3 / 2))
echo "(c) Node 2 killed with SIGKILL while it holds jobs: node 1 runs them, once"
queue_backlog "$count_c" "$work/batch-c"
say "Releasing the jobs (on node 1); killing node 2 as soon as both nodes hold jobs"
suspend_jobs "$node1" false
caught=no
for _ in $(seq 1 600); do
  # Each job executor locks the jobs it takes under its own lock owner: two owners means both nodes hold jobs.
  if [[ $(sql "$database" "select count(distinct lock_owner_) from act_ru_job where job_def_id_ = '$definition' and lock_owner_ is not null") -ge 2 ]]; then
    kill -9 "$node2_pid"
    { wait "$node2_pid"; } 2>/dev/null || true
    caught=yes
    break
  fi
  [[ $(jobs_left) == 0 ]] && break
  sleep 0.05
done
check "node 2 killed while both nodes held jobs" yes "$caught"
killed_at=$SECONDS
# Node 1 finishes what it holds in milliseconds; jobs still locked, by the same owner, a second and two seconds
# after the kill are node 2's, orphaned: nobody may take them until their lock lapses.
sleep 1
locked="select id_ || ' ' || lock_owner_ from act_ru_job where job_def_id_ = '$definition' and lock_owner_ is not null order by 1"
first_look=$(sql "$database" "$locked")
sleep 1
orphans=$(comm -12 <(echo "$first_look" | LC_ALL=C sort) <(sql "$database" "$locked" | LC_ALL=C sort) | sed '/^$/d' | cut -d' ' -f1)
orphaned=$(echo -n "$orphans" | grep -c . || true)
echo "        $orphaned jobs were locked by node 2 when it died; $(jobs_left) jobs not yet done 2 s after the kill"
if wait_for_jobs 120; then done_c=yes; else done_c=no; fi
check "all jobs done within two minutes of the kill" yes "$done_c"
echo "        node 1 finished them $((SECONDS - killed_at)) s after the kill (their lock: 10 s)"
letters "$work/batch-c"
job_runs "$work/batch-c" Task_SendResponseToReferrer
if ((orphaned > 0)); then
  in_list=$(echo "$orphans" | sed "s/.*/'&'/" | paste -sd, -)
  check "orphaned jobs then run by node 1, once each" "$orphaned" \
    "$(sql "$database" "select count(*) from act_hi_job_log where job_id_ in ($in_list) and job_state_ = 2 and hostname_ = 'node-1'")"
else
  check "jobs orphaned by the kill (node 2 died between jobs: run again to see them passed on)" "more than 0" 0
fi
check "node 2's log shows no error before the kill" 0 "$(grep -c ' ERROR ' "$work/node-2.log" || true)"
check "node 1's log shows no error" 0 "$(grep -c ' ERROR ' "$work/node-1.log" || true)"
echo "Took $((SECONDS - began)) s"

if ((failures > 0)); then
  echo "TWO NODES TEST FAILED: $failures check(s); logs in $work (database $database kept)"
  exit 1
fi
kill_started
psql -d postgres -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)"
# The files are kept only when asked for (OPS_WORK_DIR) or when a check failed (above).
if [[ -z ${OPS_WORK_DIR:-} ]]; then rm -rf "$work"; fi
echo "TWO NODES TEST PASSED"
