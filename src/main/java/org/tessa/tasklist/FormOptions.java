package org.tessa.tasklist;

import java.util.List;

/**
 * Options a Camunda Form takes from data rather than from the form file (form-js {@code valuesKey}),
 * so that, for example, a portal an administrator adds appears in the triage form without a new form.
 */
public interface FormOptions {

    /** The form-js {@code valuesKey} these options answer. */
    String key();

    List<Option> options();

    record Option(String label, String value) {
    }
}
