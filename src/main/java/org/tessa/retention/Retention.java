package org.tessa.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.caserecord.CaseRecord;
import org.tessa.caserecord.NewCaseEvent;
import org.tessa.enquiry.EnquiryRetention;
import org.tessa.shared.PersonalData;
import org.tessa.shared.WorkingDayCalendar;

/**
 * Anonymises the closed enquiries the council's retention schedule has reached ({@link RetentionProperties}),
 * each in one transaction: the enquiry, then every feature's records of it ({@link PersonalData}), the engine's
 * remaining history of its processes, and an event in its case record saying so. Nothing is deleted from
 * TESSA's own tables: the events, dates, outcomes and figures stay. An enquiry another node has just done, or
 * whose processes still run, is left alone.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final RetentionProperties schedule;
    private final EnquiryRetention enquiries;
    private final List<PersonalData> personalData;
    private final CaseRecord caseRecord;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final TransactionTemplate eachEnquiry;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    Retention(RetentionProperties schedule, EnquiryRetention enquiries, List<PersonalData> personalData,
            CaseRecord caseRecord, RuntimeService runtime, HistoryService history, PlatformTransactionManager transactions,
            WorkingDayCalendar calendar, Clock clock) {
        this.schedule = schedule;
        this.enquiries = enquiries;
        this.personalData = personalData;
        this.caseRecord = caseRecord;
        this.runtime = runtime;
        this.history = history;
        this.eachEnquiry = new TransactionTemplate(transactions);
        this.calendar = calendar;
        this.clock = clock;
    }

    @Scheduled(cron = "${tessa.retention.schedule}", zone = "${tessa.calendar.zone}")
    void onSchedule() {
        int anonymised = anonymiseDue();
        if (anonymised > 0) {
            log.info("Anonymised {} closed enquiries under the retention schedule", anonymised);
        }
    }

    /** Anonymises the enquiries due today, up to the configured number per run; answers how many it did. */
    public int anonymiseDue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        Instant quietSince = now.atZone(calendar.zone()).minus(schedule.keepAfterClosure()).toInstant();
        int anonymised = 0;
        for (String reference : enquiries.due(today.minusYears(schedule.keepUntilAge()), quietSince, schedule.perRun())) {
            if (Boolean.TRUE.equals(eachEnquiry.execute(status -> anonymise(reference, now)))) {
                anonymised++;
            }
        }
        return anonymised;
    }

    private boolean anonymise(String reference, Instant now) {
        if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count() > 0) {
            log.warn("Enquiry {} is closed but a process of it still runs: it is not anonymised until that ends", reference);
            return false;
        }
        if (!enquiries.anonymise(reference, now)) {
            return false;
        }
        personalData.forEach(feature -> feature.anonymise(reference));
        List<String> finished = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
                .finished().list().stream().map(HistoricProcessInstance::getId).toList();
        if (!finished.isEmpty()) {
            history.deleteHistoricProcessInstancesIfExists(finished);
        }
        caseRecord.append(NewCaseEvent.of(reference, CaseEventKind.RECORD_ANONYMISED, null,
                "Anonymised under the council's retention schedule: who the child was and what was written about them "
                        + "were removed; what happened, and when, is kept"));
        return true;
    }
}
