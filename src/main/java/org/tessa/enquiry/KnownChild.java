package org.tessa.enquiry;

import java.util.List;

/**
 * What TESSA already knows about the child of an enquiry.
 *
 * @param reReferral an earlier enquiry arrived within the 12 months before this one
 */
public record KnownChild(List<EarlierEnquiry> earlier, boolean reReferral) {
}
