package org.tessa.figures;

import java.time.LocalDate;
import java.util.Map;

/**
 * The figures for a period, about the enquiries received in it (the cohort): how many, from where and about
 * what; how quickly they were triaged and decided; what came of them; how many were re-referrals. The open and
 * overdue work is as it stands now. A percentage or median is absent when there is nothing to take it of.
 *
 * @param outcomes  per outcome: ADVICE_GIVEN, SIGNPOSTED, NO_FURTHER_ACTION, SINGLE_AGENCY, MULTI_AGENCY,
 *                  WITHDRAWN, and OPEN for those still on the pathway
 */
public record PeriodFigures(LocalDate from, LocalDate to, Filter filter,
        long enquiriesReceived, Double ratePer10000Children,
        Map<String, Long> byChannel, Map<String, Long> bySchool, Map<String, Long> byConcern,
        Map<String, Long> byWeek, Map<String, Long> byMonth,
        long triaged, long triagedWithinOneWorkingDay, Double triagedWithinOneWorkingDayPercent,
        Double medianWorkingHoursToTriage,
        long mashDecisions, long mashDecisionsWithinOneWorkingDay, Double mashDecisionsWithinOneWorkingDayPercent,
        long panelDecisions, Double medianWorkingDaysFromReferralToPanelDecision,
        Map<String, Long> outcomes, Map<String, Long> signpostsByPortal,
        long reReferrals, Double reReferralRatePercent,
        long openItems, long overdueItems, Map<String, Long> openWorkByAge, Map<String, Long> overdueActionsByPartner) {

    /** Which enquiries are counted: all, or one school's, or those with one concern. */
    public record Filter(Long schoolId, String concern) {

        static final Filter NONE = new Filter(null, null);
    }
}
