package org.tessa.figures;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.caserecord.CaseEvent;
import org.tessa.caserecord.CaseEventKind;
import org.tessa.caserecord.CaseRecord;
import org.tessa.caserecord.Detail;
import org.tessa.enquiry.Concern;
import org.tessa.enquiry.EnquiryOutcome;
import org.tessa.enquiry.EnquiryStatus;
import org.tessa.enquiry.ReceivedEnquiries;
import org.tessa.enquiry.ReceivedEnquiry;
import org.tessa.oversight.Drift;
import org.tessa.people.Teams;
import org.tessa.shared.WorkingDayCalendar;
import org.tessa.tasklist.Workloads;
import org.tessa.triage.TriageOutcome;

/**
 * The one calculation of the figures, read by the dashboard, the API and the scrutiny report alike. Every figure
 * but the open and overdue work is about the enquiries received in the period (the cohort): their triage, their
 * MASH decisions, their panel decisions and their outcomes, read from each enquiry's case record.
 */
@Service
public class Figures {

    /** The case record is read this many enquiries at a time, well inside any database's limit on parameters. */
    private static final int RECORDS_PER_READ = 1000;
    static final String OPEN = "OPEN";
    static final String WITHDRAWN = "WITHDRAWN";

    private final ReceivedEnquiries received;
    private final CaseRecord caseRecord;
    private final Drift drift;
    private final Workloads workloads;
    private final Teams teams;
    private final WorkingDayCalendar calendar;
    private final FiguresProperties properties;
    private final Clock clock;

    Figures(ReceivedEnquiries received, CaseRecord caseRecord, Drift drift, Workloads workloads, Teams teams,
            WorkingDayCalendar calendar, FiguresProperties properties, Clock clock) {
        this.received = received;
        this.caseRecord = caseRecord;
        this.drift = drift;
        this.workloads = workloads;
        this.teams = teams;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /** The last quarter that has ended: what a scrutiny committee looks at unless it asks for another period. */
    public Period lastQuarter() {
        return Period.lastQuarterBefore(calendar.today());
    }

    @Transactional(readOnly = true)
    public PeriodFigures of(Period period, PeriodFigures.Filter filter) {
        List<ReceivedEnquiry> cohort = received.between(startOf(period.from()), startOf(period.to().plusDays(1)))
                .stream().filter(enquiry -> matches(enquiry, filter)).toList();
        Map<String, List<CaseEvent>> records = recordsOf(cohort);

        List<Duration> toTriage = new ArrayList<>();
        long inTime = 0;
        long mashDecisions = 0;
        long mashInTime = 0;
        List<Long> toPanelDecision = new ArrayList<>();
        Map<String, Long> signposts = new TreeMap<>();
        for (ReceivedEnquiry enquiry : cohort) {
            List<CaseEvent> record = records.getOrDefault(enquiry.reference(), List.of());
            Instant receivedAt = enquiry.receivedAt().toInstant();
            Optional<CaseEvent> triage = first(record, CaseEventKind.TRIAGE_DECIDED);
            if (triage.isPresent()) {
                Instant decidedAt = triage.get().at().toInstant();
                toTriage.add(calendar.workingTimeBetween(receivedAt, decidedAt));
                if (!decidedAt.isAfter(calendar.addWorkingDays(receivedAt, 1))) {
                    inTime++;
                }
                Optional<CaseEvent> panel = first(record, CaseEventKind.PANEL_DECIDED);
                if (TriageOutcome.REFER_TO_PANEL.name().equals(triage.get().detail(Detail.TRIAGE_OUTCOME))
                        && panel.isPresent()) {
                    toPanelDecision.add(calendar.workingDaysAfter(decidedAt, panel.get().at().toInstant()));
                }
            }
            for (CaseEvent event : record) {
                if (event.kind() == CaseEventKind.MASH_DECISION_RECEIVED) {
                    mashDecisions++;
                    if (Boolean.parseBoolean(event.detail(Detail.IN_TIME))) {
                        mashInTime++;
                    }
                } else if (event.kind() == CaseEventKind.SIGNPOST_MADE) {
                    signposts.merge(event.detail(Detail.PORTAL_NAME), 1L, Long::sum);
                }
            }
        }
        long reReferrals = cohort.stream().filter(ReceivedEnquiry::reReferral).count();
        Drift.Counts overdue = drift.counts();
        Map<String, Long> overdueByPartner = new TreeMap<>();
        overdue.byTeam().forEach((team, count) -> {
            if (teams.isPartnerOrganisation(team)) {
                overdueByPartner.merge(teams.nameOf(team), count, Long::sum);
            }
        });
        return new PeriodFigures(period.from(), period.to(), filter, cohort.size(), ratePer10000(cohort.size()),
                count(cohort, enquiry -> enquiry.channel().label()), count(cohort, ReceivedEnquiry::schoolName),
                byConcern(cohort), byWeek(cohort), byMonth(cohort),
                toTriage.size(), inTime, percent(inTime, toTriage.size()), medianHours(toTriage),
                mashDecisions, mashInTime, percent(mashInTime, mashDecisions),
                toPanelDecision.size(), median(toPanelDecision),
                outcomes(cohort), signposts, reReferrals, percent(reReferrals, cohort.size()),
                workloads.open(), overdue.total(), workloads.openByAge(), overdueByPartner);
    }

    private static boolean matches(ReceivedEnquiry enquiry, PeriodFigures.Filter filter) {
        return (filter.schoolId() == null || filter.schoolId() == enquiry.schoolId())
                && (filter.concern() == null || enquiry.concerns().stream().anyMatch(c -> c.name().equals(filter.concern())));
    }

    private Map<String, List<CaseEvent>> recordsOf(List<ReceivedEnquiry> cohort) {
        List<String> references = cohort.stream().map(ReceivedEnquiry::reference).toList();
        Map<String, List<CaseEvent>> records = new LinkedHashMap<>();
        for (int first = 0; first < references.size(); first += RECORDS_PER_READ) {
            caseRecord.eventsAbout(references.subList(first, Math.min(first + RECORDS_PER_READ, references.size())))
                    .forEach(event -> records.computeIfAbsent(event.enquiryReference(), r -> new ArrayList<>()).add(event));
        }
        return records;
    }

    private static Optional<CaseEvent> first(List<CaseEvent> record, CaseEventKind kind) {
        return record.stream().filter(event -> event.kind() == kind).findFirst();
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(calendar.zone()).toInstant();
    }

    private Double ratePer10000(long enquiries) {
        return properties.childPopulation() <= 0 ? null
                : round(enquiries * 10_000.0 / properties.childPopulation());
    }

    private static Map<String, Long> count(List<ReceivedEnquiry> cohort, Function<ReceivedEnquiry, String> key) {
        return cohort.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    /** Every concern, in the form's order, with how many enquiries named it (an enquiry may name several). */
    private static Map<String, Long> byConcern(List<ReceivedEnquiry> cohort) {
        Map<Concern, Long> counts = new EnumMap<>(Concern.class);
        for (Concern concern : Concern.values()) {
            counts.put(concern, cohort.stream().filter(enquiry -> enquiry.concerns().contains(concern)).count());
        }
        Map<String, Long> labelled = new LinkedHashMap<>();
        counts.forEach((concern, count) -> labelled.put(concern.label(), count));
        return labelled;
    }

    /** By the Monday that starts each week, in the council's time zone. */
    private Map<String, Long> byWeek(List<ReceivedEnquiry> cohort) {
        return cohort.stream().collect(Collectors.groupingBy(enquiry -> calendar.dateOf(enquiry.receivedAt().toInstant())
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString(), TreeMap::new, Collectors.counting()));
    }

    private Map<String, Long> byMonth(List<ReceivedEnquiry> cohort) {
        return cohort.stream().collect(Collectors.groupingBy(enquiry -> YearMonth.from(
                calendar.dateOf(enquiry.receivedAt().toInstant())).toString(), TreeMap::new, Collectors.counting()));
    }

    /** Each outcome, always listed, so that periods compare line by line. */
    private static Map<String, Long> outcomes(List<ReceivedEnquiry> cohort) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (EnquiryOutcome outcome : EnquiryOutcome.values()) {
            outcomes.put(outcome.name(), 0L);
        }
        outcomes.put(WITHDRAWN, 0L);
        outcomes.put(OPEN, 0L);
        for (ReceivedEnquiry enquiry : cohort) {
            String outcome = enquiry.status() == EnquiryStatus.WITHDRAWN ? WITHDRAWN
                    : enquiry.outcome() != null ? enquiry.outcome().name() : OPEN;
            outcomes.merge(outcome, 1L, Long::sum);
        }
        return outcomes;
    }

    private static Double percent(long part, long whole) {
        return whole == 0 ? null : round(part * 100.0 / whole);
    }

    private static Double medianHours(List<Duration> durations) {
        Double minutes = median(durations.stream().map(Duration::toMinutes).toList());
        return minutes == null ? null : round(minutes / 60.0);
    }

    private static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Months ("2026-07") as "July 2026", in the same order, for pages and the report. */
    static Map<String, Long> monthsInWords(Map<String, Long> byMonth) {
        Map<String, Long> inWords = new LinkedHashMap<>();
        byMonth.forEach((month, count) -> inWords.put(YearMonth.parse(month).format(MONTH), count));
        return inWords;
    }

    /** Weeks ("2026-07-06") as "6 July 2026", the Monday each begins. */
    static Map<String, Long> weeksInWords(Map<String, Long> byWeek) {
        Map<String, Long> inWords = new LinkedHashMap<>();
        byWeek.forEach((week, count) -> inWords.put(LocalDate.parse(week).format(DAY), count));
        return inWords;
    }

    private static final java.time.format.DateTimeFormatter MONTH =
            java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.UK);
    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

    /** The outcomes in words, in the same order, for pages and the report. */
    static Map<String, Long> outcomesInWords(Map<String, Long> outcomes) {
        Map<String, Long> inWords = new LinkedHashMap<>();
        outcomes.forEach((outcome, count) -> inWords.put(switch (outcome) {
            case WITHDRAWN -> "Withdrawn by the school";
            case OPEN -> "Still on the pathway";
            default -> EnquiryOutcome.valueOf(outcome).label();
        }, count));
        return inWords;
    }
}
