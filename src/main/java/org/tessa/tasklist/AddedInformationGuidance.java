package org.tessa.tasklist;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tessa.enquiry.EnquiryUpdates;
import org.tessa.people.StaffMember;
import org.tessa.shared.FullDates;
import org.tessa.shared.WorkingDayCalendar;

/** Beside any task about an enquiry: what the school has added to it since raising it, so nobody misses it. */
@Component
class AddedInformationGuidance implements TaskGuidance {

    private final EnquiryUpdates updates;
    private final ZoneId zone;

    AddedInformationGuidance(EnquiryUpdates updates, WorkingDayCalendar calendar) {
        this.updates = updates;
        this.zone = calendar.zone();
    }

    @Override
    public List<Panel> guidanceFor(WorkItem task, StaffMember person, Map<String, String> chosen) {
        var added = updates.addedInformation(task.enquiryReference());
        if (added.isEmpty()) {
            return List.of();
        }
        return List.of(new Panel("Information the school added", "The school has told us more since it raised the enquiry",
                added.stream().map(item -> Line.of(FullDates.dateAndTime(item.at(), zone) + ", " + item.byName()
                        + ": " + item.summary())).toList()));
    }
}
