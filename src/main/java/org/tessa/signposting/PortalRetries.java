package org.tessa.signposting;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often a failed referral to a portal is retried before it becomes an incident (an ISO 8601 repeat,
 * such as R5/PT10M: five more tries, ten minutes apart). Read by {@code portal-signpost.bpmn}.
 */
@Component("portalRetries")
public class PortalRetries {

    private final String timeCycle;

    PortalRetries(@Value("${tessa.portals.retry-cycle}") String timeCycle) {
        this.timeCycle = timeCycle;
    }

    public String getTimeCycle() {
        return timeCycle;
    }
}
