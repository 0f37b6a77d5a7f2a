package org.tessa.shared;

/**
 * What a feature keeps about a child that the council's retention schedule will one day remove. Each feature
 * that stores words about a child, or anything that names them, implements this for its own tables; the
 * retention job calls every implementation, in the transaction that marks the enquiry anonymised. A new table
 * of personal data joins retention by implementing this.
 */
public interface PersonalData {

    /** Replaces what was written; the same words the database's case record trigger accepts (V31). */
    String REMOVED = "Removed under the retention schedule";

    /** Removes what names the child, or was written about them, from this feature's records of the enquiry. */
    void anonymise(String enquiryReference);
}
