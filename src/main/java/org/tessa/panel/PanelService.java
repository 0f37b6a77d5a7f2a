package org.tessa.panel;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.audit.AuditLog;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.caserecord.CaseRecord;
import org.tessa.caserecord.Detail;
import org.tessa.caserecord.NewCaseEvent;
import org.tessa.plan.PlanService;
import org.tessa.plan.SupportKind;
import org.tessa.shared.FullDates;
import org.tessa.enquiry.ReferrerResponses;
import org.tessa.people.StaffDirectory;
import org.tessa.shared.Outbox;
import org.tessa.shared.WorkingDayCalendar;

/**
 * The Ways Forward Panel's business: meetings, which case is on which agenda, and the panel's decisions.
 */
@Service
public class PanelService {

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final PanelProperties properties;
    private final ReferrerResponses responses;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final Outbox outbox;
    private final PlanService plans;
    private final PanelQuestions questions;
    private final StaffDirectory staff;
    private final CaseRecord caseRecord;
    private final Clock clock;

    PanelService(JdbcClient jdbc, WorkingDayCalendar calendar, PanelProperties properties, 
            ReferrerResponses responses, RuntimeService runtime,
            AuditLog audit, Outbox outbox, PlanService plans,
            PanelQuestions questions, StaffDirectory staff, CaseRecord caseRecord, Clock clock) {
        this.caseRecord = caseRecord;
        this.plans = plans;
        this.questions = questions;
        this.staff = staff;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.properties = properties;
        this.responses = responses;
        this.runtime = runtime;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Schedules a meeting; cases waiting for a panel date are placed again, and join it if its cut-off
     * has not passed.
     */
    @Transactional
    public long schedule(Instant startsAt, String place, String onlineLink, String chair, String members,
            String scheduledBy) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into panel_meeting (starts_at, place, online_link, chair, members, created_by)
                values (?, ?, ?, ?, ?, ?)""")
                .params(utc(startsAt), place, onlineLink, chair, members, scheduledBy)
                .update(keys, "id");
        runtime.createMessageCorrelation(PanelProcess.MESSAGE_PANEL_MEETING_SCHEDULED).correlateAll();
        return keys.getKey().longValue();
    }

    /**
     * The panel meets now rather than at the scheduled time (brought forward): the meeting's time becomes
     * now, and every case on its agenda comes up for decision at once.
     */
    @Transactional
    public void startNow(long meetingId, String startedBy) {
        PanelMeeting meeting = meeting(meetingId).orElseThrow(() -> new org.tessa.shared.RecordNotFoundException("Meeting " + meetingId));
        Instant now = clock.instant();
        if (!meeting.startsAt().toInstant().isAfter(now)) {
            throw new org.tessa.shared.ConflictException("This meeting has already started.");
        }
        jdbc.sql("update panel_meeting set starts_at = ? where id = ?").params(utc(now), meetingId).update();
        audit.recordChange(startedBy, "PANEL_MEETING", String.valueOf(meetingId), "Started the meeting early");
        for (AgendaItem item : agenda(meetingId)) {
            runtime.createMessageCorrelation(PanelProcess.MESSAGE_MEETING_STARTED_EARLY)
                    .processInstanceBusinessKey(item.enquiryReference())
                    .setVariable(PanelProcess.MEETING_STARTS_AT, java.util.Date.from(now))
                    .setVariable(PanelProcess.DECISION_DUE_AT, java.util.Date.from(decisionDue(now)))
                    .correlateAll();
        }
    }

    /**
     * When a meeting's decisions are due: by the end of the working day it meets, or two hours (the length of
     * a meeting) after it starts if that is later, so that a decision is never overdue while the panel sits.
     */
    public Instant decisionDue(Instant startsAt) {
        Instant endOfDay = calendar.endOfWorkingDay(calendar.dateOf(startsAt));
        Instant endOfMeeting = startsAt.plus(java.time.Duration.ofHours(2));
        return endOfDay.isAfter(endOfMeeting) ? endOfDay : endOfMeeting;
    }

    @Transactional(readOnly = true)
    public List<PanelMeeting> upcomingMeetings() {
        return jdbc.sql("select * from panel_meeting where starts_at >= ? order by starts_at")
                .param(utc(clock.instant().minusSeconds(86_400)))
                .query(PanelMeeting.class).list();
    }

    @Transactional(readOnly = true)
    public Optional<PanelMeeting> meeting(long id) {
        return jdbc.sql("select * from panel_meeting where id = ?").param(id).query(PanelMeeting.class).optional();
    }

    /** The cases on a meeting's agenda, oldest referral first. */
    @Transactional(readOnly = true)
    public List<AgendaItem> agenda(long meetingId) {
        return jdbc.sql("""
                select c.enquiry_reference, c.status, c.deferrals, c.last_deferral_reason, c.referred_at
                from panel_case c where c.meeting_id = ? order by c.referred_at""")
                .param(meetingId).query(AgendaItem.class).list();
    }

    @Transactional(readOnly = true)
    public List<AgendaItem> awaitingDate() {
        return jdbc.sql("""
                select enquiry_reference, status, deferrals, last_deferral_reason, referred_at
                from panel_case where status = ? order by referred_at""")
                .param(PanelCaseStatus.AWAITING_DATE.name()).query(AgendaItem.class).list();
    }

    /**
     * Puts the case on the agenda of the next meeting whose cut-off (a configured number of working days
     * before it) has not passed, and after any meeting it was deferred from. Without one, the case waits
     * for a date and the panel chair is told.
     *
     * @return the meeting's start, or empty when the case awaits a panel date
     */
    @Transactional
    public Optional<Instant> placeOnAgenda(String reference) {
        Instant now = clock.instant();
        Optional<Instant> previousMeeting = currentMeetingStart(reference);
        Optional<PanelMeeting> next = jdbc.sql("select * from panel_meeting where starts_at > ? order by starts_at")
                .param(utc(previousMeeting.orElse(now)))
                .query(PanelMeeting.class).list().stream()
                .filter(meeting -> !now.isAfter(calendar.subtractWorkingDays(meeting.startsAt().toInstant(),
                        properties.cutOffWorkingDays())))
                .findFirst();
        ensureCase(reference, now);
        jdbc.sql("update panel_case set meeting_id = ? where enquiry_reference = ?")
                .params(next.map(PanelMeeting::id).orElse(null), reference).update();
        if (next.isEmpty()) {
            caseRecord.append(NewCaseEvent.of(reference, CaseEventKind.AWAITING_PANEL_DATE, null,
                    "Waiting for a panel date: no meeting is open for the case yet; the chair was told"));
            tellChairNoMeeting(reference);
        } else {
            caseRecord.append(NewCaseEvent.of(reference, CaseEventKind.PLACED_ON_AGENDA, null,
                            "On the agenda of the Ways Forward Panel (WFP) meeting of "
                                    + FullDates.dateAndTime(next.get().startsAt(), calendar.zone()))
                    .detail("meetingId", next.get().id()).link("/panel/meetings/" + next.get().id()));
        }
        return next.map(meeting -> meeting.startsAt().toInstant());
    }

    /** Records the panel's decision and acts on it; runs in the transaction that completes the decision task. */
    @Transactional
    public void decide(PanelDecision decision) {
        Long meetingId = jdbc.sql("select meeting_id from panel_case where enquiry_reference = ?")
                .param(decision.enquiryReference()).query(Long.class).optional().orElse(null);
        jdbc.sql("""
                insert into panel_decision (enquiry_reference, meeting_id, decision, rationale, attendees,
                    consent_position, single_agency, lead_professional, deferral_reason, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(decision.enquiryReference(), meetingId, decision.outcome().name(), decision.rationale(),
                        decision.attendees(), decision.consentPosition(), decision.singleAgency(),
                        decision.leadProfessional(), decision.deferralReason(), decision.decidedBy(),
                        utc(clock.instant()))
                .update();
        audit.recordChange(decision.decidedBy(), "ENQUIRY", decision.enquiryReference(),
                "Panel decision: " + decision.outcome());
        String papers = "/panel/cases/" + decision.enquiryReference();
        if (decision.outcome() == PanelDecisionOutcome.DEFER) {
            caseRecord.append(NewCaseEvent.of(decision.enquiryReference(), CaseEventKind.PANEL_DEFERRED,
                    decision.decidedBy(), "The panel deferred the case to its next meeting: " + decision.deferralReason())
                    .link(papers));
        } else {
            caseRecord.append(NewCaseEvent.of(decision.enquiryReference(), CaseEventKind.PANEL_DECIDED,
                    decision.decidedBy(), "The panel decided: " + decision.outcome().label())
                    .detail(Detail.PANEL_DECISION, decision.outcome()).link(papers));
        }
        switch (decision.outcome()) {
            case DEFER -> jdbc.sql("""
                    update panel_case set deferrals = deferrals + 1, last_deferral_reason = ?
                    where enquiry_reference = ?""").params(decision.deferralReason(), decision.enquiryReference()).update();
            case NO_FURTHER_ACTION -> {
                questions.withdrawOpen(decision.enquiryReference());
                plans.end(decision.enquiryReference(), "The Ways Forward Panel decided no further action",
                        decision.decidedBy());
                responses.record(decision.enquiryReference(), "The Ways Forward Panel's decision",
                        PanelLetters.decision(decision, null));
            }
            case SINGLE_AGENCY, MULTI_AGENCY -> {
                plans.startDraft(decision.enquiryReference(), SupportKind.valueOf(decision.outcome().name()),
                        decision.singleAgency(), decision.leadProfessional(), decision.decidedBy());
                responses.record(decision.enquiryReference(), "The Ways Forward Panel's decision",
                        PanelLetters.decision(decision, leadProfessionalName(decision)));
            }
        }
    }

    @Transactional(readOnly = true)
    public List<PanelDecision> decisionsFor(String reference) {
        return jdbc.sql("""
                select enquiry_reference, decision, rationale, attendees, consent_position, single_agency,
                    lead_professional, deferral_reason, decided_by from panel_decision
                where enquiry_reference = ? order by id""")
                .param(reference)
                .query((rs, row) -> new PanelDecision(rs.getString("enquiry_reference"),
                        PanelDecisionOutcome.valueOf(rs.getString("decision")), rs.getString("rationale"),
                        rs.getString("attendees"), rs.getString("consent_position"), rs.getString("single_agency"),
                        rs.getString("lead_professional"), rs.getString("deferral_reason"), rs.getString("decided_by")))
                .list();
    }

    private String leadProfessionalName(PanelDecision decision) {
        return decision.leadProfessional() == null ? null
                : staff.loadUserByUsername(decision.leadProfessional()).displayName();
    }

    private Optional<Instant> currentMeetingStart(String reference) {
        return jdbc.sql("""
                select m.starts_at from panel_case c join panel_meeting m on m.id = c.meeting_id
                where c.enquiry_reference = ?""")
                .param(reference).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    private void ensureCase(String reference, Instant now) {
        long existing = jdbc.sql("select count(*) from panel_case where enquiry_reference = ?").param(reference)
                .query(Long.class).single();
        if (existing == 0) {
            jdbc.sql("insert into panel_case (enquiry_reference, status, referred_at) values (?, ?, ?)")
                    .params(reference, PanelCaseStatus.AWAITING_DATE.name(), utc(now)).update();
        }
    }

    private void tellChairNoMeeting(String reference) {
        if (properties.chairEmail() != null && !properties.chairEmail().isBlank()) {
            outbox.post(properties.chairEmail(), "[" + reference + "] A case is waiting for a panel date",
                    PanelLetters.awaitingDate(reference));
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A case on an agenda, or waiting for one. */
    public record AgendaItem(String enquiryReference, PanelCaseStatus status, int deferrals, String lastDeferralReason,
            OffsetDateTime referredAt) {
    }
}
