package org.tessa.audit;

import java.util.List;

/** Which records are about a child, so that the audit log can be searched by the child's name. */
public interface ChildRecords {

    /** The references of the records about every child whose name contains {@code name}. */
    List<String> referencesAbout(String name);
}
