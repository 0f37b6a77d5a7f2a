package org.tessa.enquiry;

import java.util.List;
import java.util.Set;

import org.tessa.caserecord.CaseEventKind;

/**
 * Everything that happened about a child that one reader may see, across every enquiry about the child,
 * oldest first.
 *
 * @param enquiry     the enquiry the chronology was asked for
 * @param enquiries   the references of the enquiries it covers, that enquiry included
 * @param shownStages the parts of the pathway the reader chose to see; all when none were chosen
 */
public record Chronology(EnquiryRecord enquiry, List<String> enquiries, Set<CaseEventKind.Stage> shownStages,
        List<ChronologyEntry> entries) {
}
