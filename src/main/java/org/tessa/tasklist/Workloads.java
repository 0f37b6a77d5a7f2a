package org.tessa.tasklist;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tessa.people.StaffDirectory;
import org.tessa.people.Teams;
import org.tessa.shared.WorkingDayCalendar;

/** How much open work each person holds and each team has, and how much of it is overdue, for managers. */
@Service
public class Workloads {

    private final WorkItemRepository items;
    private final StaffDirectory staff;
    private final Teams teams;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    Workloads(WorkItemRepository items, StaffDirectory staff, Teams teams, WorkingDayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.items = items;
        this.staff = staff;
        this.teams = teams;
        this.clock = clock;
    }

    /** One person's open work: {@code open} items they hold, {@code overdue} of them late. */
    public record PersonLoad(String username, String name, long open, long overdue) {
    }

    /** One team's open work: waiting in its queue, held by its people, and overdue (either way). */
    public record TeamLoad(String team, String name, long waiting, long held, long overdue) {
    }

    /** Both views, read in one query. */
    public record Loads(List<PersonLoad> people, List<TeamLoad> teams) {
    }

    @Transactional(readOnly = true)
    public Loads now() {
        List<WorkItemRepository.Load> loads = items.loads(clock.instant());
        Map<String, long[]> byPerson = new LinkedHashMap<>();
        Map<String, long[]> byTeam = new LinkedHashMap<>();
        for (var load : loads) {
            if (load.assignee() != null) {
                long[] person = byPerson.computeIfAbsent(load.assignee(), key -> new long[2]);
                person[0] += load.open();
                person[1] += load.overdue();
            }
            if (load.queue() != null) {
                long[] team = byTeam.computeIfAbsent(load.queue(), key -> new long[3]);
                team[load.assignee() == null ? 0 : 1] += load.open();
                team[2] += load.overdue();
            }
        }
        List<PersonLoad> people = byPerson.entrySet().stream()
                .map(entry -> new PersonLoad(entry.getKey(), staff.nameOf(entry.getKey()), entry.getValue()[0], entry.getValue()[1]))
                .sorted(Comparator.comparingLong(PersonLoad::overdue).thenComparingLong(PersonLoad::open).reversed()
                        .thenComparing(PersonLoad::name))
                .toList();
        List<TeamLoad> teamLoads = byTeam.entrySet().stream()
                .map(entry -> new TeamLoad(entry.getKey(), teams.nameOf(entry.getKey()), entry.getValue()[0],
                        entry.getValue()[1], entry.getValue()[2]))
                .sorted(Comparator.comparing(TeamLoad::name)).toList();
        return new Loads(people, teamLoads);
    }

    /** How long open work has waited, in bands of working days, oldest last: the band's name and its count. */
    @Transactional(readOnly = true)
    public Map<String, Long> openByAge() {
        Instant now = clock.instant();
        long[] bands = items.openByAge(calendar.subtractWorkingDays(now, 1), calendar.subtractWorkingDays(now, 5),
                calendar.subtractWorkingDays(now, 20));
        Map<String, Long> byAge = new LinkedHashMap<>();
        byAge.put("Less than 1 working day", bands[0]);
        byAge.put("1 to 5 working days", bands[1]);
        byAge.put("6 to 20 working days", bands[2]);
        byAge.put("More than 20 working days", bands[3]);
        return byAge;
    }

    /** Every open item, whoever holds it. */
    @Transactional(readOnly = true)
    public long open() {
        return items.openCount();
    }
}
