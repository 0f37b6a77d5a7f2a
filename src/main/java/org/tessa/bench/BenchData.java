package org.tessa.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.LoggedEnquiry;
import org.tessa.enquiry.NewEnquiry;
import org.tessa.people.Role;
import org.tessa.people.StaffDirectory;
import org.tessa.people.StaffMember;
import org.tessa.tasklist.TaskList;

/**
 * Grows the database to a number of open triage tasks and closed enquiries, through TESSA's own services
 * (never one HTTP call per row): open tasks are real enquiries logged by {@link EnquiryService}, many to a
 * transaction; closed enquiries are real enquiries triaged with advice through {@link TaskList}, and past a
 * few thousand, SQL copies of those (see {@link ClosedEnquiryCopier}).
 */
@Service
@Profile(Profiles.BENCH)
class BenchData {

    private static final Logger log = LoggerFactory.getLogger(BenchData.class);
    /** Enquiries per transaction: large enough to amortise the commit, small enough to keep locks short. */
    private static final int CHUNK = 200;
    private static final int SCHOOLS = 40;
    private static final String TRIAGE_TASK = "Task_TriageEnquiry";

    private final EnquiryService enquiries;
    private final TaskList taskList;
    private final StaffDirectory directory;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ClosedEnquiryCopier copier;
    private final TransactionTemplate transaction;
    private final SampleEnquiries samples = new SampleEnquiries(9);
    private List<StaffMember> schoolStaff;

    BenchData(EnquiryService enquiries, TaskList taskList, StaffDirectory directory, TaskService tasks,
            RuntimeService runtime, ClosedEnquiryCopier copier, TransactionTemplate transaction) {
        this.enquiries = enquiries;
        this.taskList = taskList;
        this.directory = directory;
        this.tasks = tasks;
        this.runtime = runtime;
        this.copier = copier;
        this.transaction = transaction;
    }

    long openTriageTasks() {
        return tasks.createTaskQuery().taskDefinitionKey(TRIAGE_TASK).count();
    }

    /**
     * Adds enquiries until there are {@code openTarget} open triage tasks and {@code closedTarget} closed
     * enquiries; of the closed, up to {@code realClosed} go through triage for real, the rest are copies.
     * Returns how long each part took, for the benchmark's report.
     */
    synchronized Map<String, Object> grow(long openTarget, long closedTarget, int realClosed) {
        Map<String, Object> report = new LinkedHashMap<>();
        long began = System.nanoTime();
        long closedNow = copier.closedEnquiries();
        long real = Math.min(Math.max(Math.min(realClosed, closedTarget) - copier.realClosedEnquiries(), 0),
                closedTarget - closedNow);
        if (real > 0) {
            closeRealEnquiries(real);
            report.put("realClosedAdded", real);
            report.put("realClosedSeconds", seconds(began));
        }
        long copies = closedTarget - copier.closedEnquiries();
        if (copies > 0) {
            long copyBegan = System.nanoTime();
            report.put("copiedClosedAdded", copier.copy(copies));
            report.put("copiedClosedSeconds", seconds(copyBegan));
        }
        long open = openTarget - openTriageTasks();
        if (open > 0) {
            long openBegan = System.nanoTime();
            logOpenEnquiries(open);
            report.put("openAdded", open);
            report.put("openSeconds", seconds(openBegan));
            report.put("openPerSecond", open / seconds(openBegan));
        }
        report.put("openTriageTasks", openTriageTasks());
        report.put("closedEnquiries", copier.closedEnquiries());
        return report;
    }

    private void logOpenEnquiries(long count) {
        for (long done = 0; done < count; done += CHUNK) {
            int size = (int) Math.min(CHUNK, count - done);
            transaction.executeWithoutResult(status -> {
                for (int i = 0; i < size; i++) {
                    logOne(true);
                }
            });
            if ((done / CHUNK) % 50 == 0) {
                log.info("Bench: {} of {} open enquiries logged", done + size, count);
            }
        }
    }

    /** Each enquiry logged, claimed and triaged with advice in one transaction; the engine's job then closes it. */
    private void closeRealEnquiries(long count) {
        StaffMember dutyManager = directory.loadUserByUsername("duty-manager");
        for (long done = 0; done < count; done += CHUNK) {
            int size = (int) Math.min(CHUNK, count - done);
            List<String> instances = new ArrayList<>();
            transaction.executeWithoutResult(status -> {
                for (int i = 0; i < size; i++) {
                    LoggedEnquiry enquiry = logOne(false);
                    var task = tasks.createTaskQuery().processInstanceBusinessKey(enquiry.reference())
                            .taskDefinitionKey(TRIAGE_TASK).singleResult();
                    taskList.claim(task.getId(), dutyManager);
                    taskList.complete(task.getId(), dutyManager, samples.adviceGiven());
                    instances.add(task.getProcessInstanceId());
                }
            });
            awaitEnded(instances);
            log.info("Bench: {} of {} enquiries triaged with advice and closed", done + size, count);
        }
    }

    /** The response to the referrer is sent by an asynchronous job; the enquiry is closed once it has run. */
    private void awaitEnded(List<String> instances) {
        long deadline = System.currentTimeMillis() + 300_000;
        while (runtime.createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(instances)).count() > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Enquiries triaged for the benchmark did not close within 5 minutes");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }

    private LoggedEnquiry logOne(boolean mayBeAtRisk) {
        NewEnquiry enquiry = samples.next(mayBeAtRisk);
        List<StaffMember> staff = schoolStaff();
        return enquiries.log(enquiry, staff.get(samples.nextInt(staff.size())), enquiry.channel(), Optional.empty());
    }

    /** Forty schools, each with one member of staff who logs its enquiries: created once per database. */
    private synchronized List<StaffMember> schoolStaff() {
        if (schoolStaff == null) {
            List<StaffMember> staff = new ArrayList<>();
            for (int i = 1; i <= SCHOOLS; i++) {
                String urn = String.valueOf(900_000 + i);
                String username = "bench-school-" + i;
                var school = directory.schoolByUrn(urn)
                        .orElseGet(() -> directory.addSchool(urn, "Bench School " + urn));
                if (directory.withRole(Role.SCHOOL).stream().noneMatch(member -> member.getUsername().equals(username))) {
                    // Never signed in with: the benchmark signs in as the demo's accounts.
                    directory.addAccount(username, java.util.UUID.randomUUID().toString(), "DSL, Bench School " + urn,
                            Role.SCHOOL, school.id());
                }
                staff.add(directory.loadUserByUsername(username));
            }
            schoolStaff = staff;
        }
        return schoolStaff;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
