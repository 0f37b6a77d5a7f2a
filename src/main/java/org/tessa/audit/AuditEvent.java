package org.tessa.audit;

import java.time.OffsetDateTime;

public record AuditEvent(OffsetDateTime occurredAt, String username, String action, String recordType,
        String recordReference, String purpose) {
}
