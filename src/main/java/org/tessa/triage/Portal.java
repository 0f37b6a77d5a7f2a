package org.tessa.triage;

/** A service a duty manager can signpost to; the values of the triage form's {@code signpostTo}. */
public enum Portal {
    SEND_PORTAL, MASH, MENTAL_HEALTH_PORTAL
}
