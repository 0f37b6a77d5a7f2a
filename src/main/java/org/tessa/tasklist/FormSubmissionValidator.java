package org.tessa.tasklist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.tessa.shared.FieldProblem;
import org.tessa.shared.InvalidSubmissionException;
import org.tessa.tasklist.TaskForm.Field;
import org.tessa.tasklist.TaskForm.Option;

/**
 * Checks a submission against its form's schema: only the form's fields, required ones present,
 * values from the allowed options, lengths and patterns met. Fields the form hides are dropped, as
 * form-js drops them. Either every rule holds and the clean values come back, or nothing is accepted.
 */
final class FormSubmissionValidator {

    private FormSubmissionValidator() {
    }

    static Map<String, Object> validate(TaskForm form, Map<String, ?> submitted) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> known = form.fields().stream().filter(Field::takesInput).map(Field::key).collect(Collectors.toSet());
        submitted.keySet().stream().filter(key -> !known.contains(key)).sorted()
                .forEach(key -> problems.add(new FieldProblem(key, "This form has no field called '" + key + "'")));

        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : form.fields()) {
            if (field.takesInput() && field.hideWhen() == null) {
                clean(field, submitted.get(field.key()), problems).ifPresent(v -> values.put(field.key(), v));
            }
        }
        for (Field field : form.fields()) {
            if (field.takesInput() && field.hideWhen() != null && !field.hideWhen().hides(values)) {
                clean(field, submitted.get(field.key()), problems).ifPresent(v -> values.put(field.key(), v));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
        return values;
    }

    private static java.util.Optional<Object> clean(Field field, Object raw, List<FieldProblem> problems) {
        int before = problems.size();
        Object value = switch (field.type()) {
            case TEXTFIELD, TEXTAREA -> text(field, raw, problems);
            case RADIO, SELECT -> choice(field, raw, problems);
            case CHECKLIST -> choices(field, raw, problems);
            case CHECKBOX -> raw == null ? Boolean.FALSE : bool(field, raw, problems);
            case NUMBER -> number(field, raw, problems);
            case DATETIME -> date(field, raw, problems);
            case TEXT -> null;
        };
        if (value == null && field.required() && problems.size() == before) {
            problems.add(new FieldProblem(field.key(), missing(field)));
        }
        return java.util.Optional.ofNullable(problems.size() == before ? value : null);
    }

    private static String text(Field field, Object raw, List<FieldProblem> problems) {
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof String string)) {
            problems.add(new FieldProblem(field.key(), field.label() + " must be text"));
            return null;
        }
        String value = string.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (field.minLength() != null && value.length() < field.minLength()) {
            problems.add(new FieldProblem(field.key(),
                    field.label() + " must be at least " + field.minLength() + " characters"));
        } else if (field.maxLength() != null && value.length() > field.maxLength()) {
            problems.add(new FieldProblem(field.key(),
                    field.label() + " must be " + field.maxLength() + " characters or fewer"));
        } else if (field.pattern() != null && !Pattern.matches(field.pattern(), value)) {
            problems.add(new FieldProblem(field.key(), field.label() + " is not in the right format"));
        }
        return value;
    }

    private static String choice(Field field, Object raw, List<FieldProblem> problems) {
        if (raw == null || "".equals(raw)) {
            return null;
        }
        if (!(raw instanceof String value) || !allowed(field, value)) {
            problems.add(new FieldProblem(field.key(), notAnOption(field)));
            return null;
        }
        return value;
    }

    private static List<String> choices(Field field, Object raw, List<FieldProblem> problems) {
        if (raw == null) {
            return null;
        }
        Collection<?> items = raw instanceof Collection<?> collection ? collection : List.of(raw);
        List<String> values = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String value) || !allowed(field, value)) {
                problems.add(new FieldProblem(field.key(), notAnOption(field)));
                return null;
            }
            if (!values.contains(value)) {
                values.add(value);
            }
        }
        return values.isEmpty() ? null : values;
    }

    private static Boolean bool(Field field, Object raw, List<FieldProblem> problems) {
        if (raw instanceof Boolean value) {
            return value;
        }
        if ("true".equals(raw) || "false".equals(raw)) {
            return Boolean.valueOf((String) raw);
        }
        problems.add(new FieldProblem(field.key(), field.label() + " must be yes or no"));
        return null;
    }

    private static Number number(Field field, Object raw, List<FieldProblem> problems) {
        if (raw == null || "".equals(raw)) {
            return null;
        }
        if (raw instanceof Number value) {
            return value;
        }
        try {
            return new java.math.BigDecimal(raw.toString().strip());
        } catch (NumberFormatException notANumber) {
            problems.add(new FieldProblem(field.key(), field.label() + " must be a number"));
            return null;
        }
    }

    /**
     * A form-js date field's value: the ISO date form-js itself submits, such as 2027-03-27, with a four-digit year
     * as the date boxes take it (ISO's +999999999-12-31 is no date anyone means, nor one the database stores).
     */
    private static String date(Field field, Object raw, List<FieldProblem> problems) {
        if (raw == null || "".equals(raw)) {
            return null;
        }
        String typed = raw.toString().strip();
        if (typed.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return java.time.LocalDate.parse(typed).toString();
            } catch (java.time.format.DateTimeParseException notADate) {
                // such as 2027-02-30: refused below
            }
        }
        problems.add(new FieldProblem(field.key(), field.label() + " must be a real date, like 27 3 2027"));
        return null;
    }

    private static boolean allowed(Field field, String value) {
        return field.options().stream().map(Option::value).anyMatch(value::equals);
    }

    private static String notAnOption(Field field) {
        return field.label() + " must be one of: "
                + field.options().stream().map(Option::value).collect(Collectors.joining(", "));
    }

    /** The form's own words where it has them, otherwise the GOV.UK pattern "Select the ..." or "Enter the ...". */
    private static String missing(Field field) {
        if (field.requiredMessage() != null) {
            return field.requiredMessage();
        }
        String what = Character.toLowerCase(field.label().charAt(0)) + field.label().substring(1);
        return switch (field.type()) {
            case RADIO, SELECT -> "Select the " + what;
            case CHECKLIST -> "Select at least one: " + what;
            case DATETIME -> "Enter the " + what + " as a day, month and year";
            default -> "Enter the " + what;
        };
    }
}
