package org.tessa.caserecord;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An event a step is about to add to the case record; see {@link CaseRecord#append}. */
public final class NewCaseEvent {

    final String enquiryReference;
    final CaseEventKind kind;
    final String by;
    final String summary;
    final Map<String, String> details = new LinkedHashMap<>();
    Set<Audience> audience;
    Long partnerOrganisationId;
    String link;

    private NewCaseEvent(String enquiryReference, CaseEventKind kind, String by, String summary) {
        this.enquiryReference = enquiryReference;
        this.kind = kind;
        this.by = by == null ? CaseRecord.SYSTEM : by;
        this.summary = summary;
        this.audience = kind.audience();
    }

    /**
     * @param by      who did it: a username, or null for TESSA itself
     * @param summary one plain-English line, written so that the child could read it later
     */
    public static NewCaseEvent of(String enquiryReference, CaseEventKind kind, String by, String summary) {
        return new NewCaseEvent(enquiryReference, kind, by, summary);
    }

    /** A typed fact about the event (an outcome, a portal's code, an action's id); nulls are left out. */
    public NewCaseEvent detail(String name, Object value) {
        if (value != null) {
            details.put(name, value instanceof Enum<?> constant ? constant.name() : value.toString());
        }
        return this;
    }

    /** Who may see it, where this step differs from its kind's default. */
    public NewCaseEvent seenBy(Audience first, Audience... rest) {
        this.audience = EnumSet.of(first, rest);
        return this;
    }

    /** The partner organisation the event concerns: no other partner sees it. */
    public NewCaseEvent forPartner(Long organisationId) {
        this.partnerOrganisationId = organisationId;
        return this;
    }

    public NewCaseEvent link(String link) {
        this.link = link;
        return this;
    }

    List<Audience> audienceInOrder() {
        return audience.stream().sorted().toList();
    }
}
