package org.tessa.tasklist;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Camunda Form (form-js JSON schema) as TESSA reads it: the fields to render and the rules each
 * submission must meet. The same file is what Camunda Tasklist and Camunda Modeler show.
 */
public record TaskForm(String id, List<Field> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HIDE_EXPRESSION = Pattern.compile("^=\\s*(\\w+)\\s*(!=|=)\\s*\"([^\"]*)\"\\s*$");

    /** Field types that take input; anything else (text, spacer) is shown but not submitted. */
    enum Type {
        TEXTFIELD, TEXTAREA, RADIO, SELECT, CHECKLIST, CHECKBOX, NUMBER, DATETIME, TEXT;

        boolean takesInput() {
            return this != TEXT;
        }

        boolean choosesFromOptions() {
            return this == RADIO || this == SELECT || this == CHECKLIST;
        }
    }

    public record Option(String label, String value) {
    }

    /** Where options named by a form-js {@code valuesKey} come from. */
    @FunctionalInterface
    interface OptionSource {
        List<Option> optionsFor(String valuesKey);
    }

    /** A form-js {@code conditional.hide} expression of the form {@code =key = "value"} or {@code =key != "value"}. */
    public record HideWhen(String key, boolean whenEqual, String value) {

        boolean hides(Map<String, Object> values) {
            boolean equal = Objects.equals(value, values.get(key));
            return whenEqual == equal;
        }

        /** The condition under which the field is shown, in words. */
        public String shownWhen(TaskForm form) {
            String label = form.field(key).map(Field::label).orElse(key);
            String option = form.field(key).flatMap(f -> f.options().stream()
                    .filter(o -> o.value().equals(value)).map(Option::label).findFirst()).orElse(value);
            return (whenEqual ? "Only if " + label + " is not: " : "Only if " + label + " is: ") + option;
        }
    }

    /**
     * @param requiredMessage what to say when a required field is left empty: the form-js custom property
     *                        {@code requiredMessage}, so that an analyst writes it in Camunda Modeler
     */
    public record Field(String key, Type type, String label, String description, String text, boolean required,
            Integer minLength, Integer maxLength, String pattern, List<Option> options, HideWhen hideWhen,
            String requiredMessage) {

        public String typeName() {
            return type.name().toLowerCase();
        }

        public boolean takesInput() {
            return type.takesInput();
        }
    }

    /** Whether the field takes free text, which may say anything about a child. */
    boolean isFreeText(String key) {
        return field(key).map(f -> f.type() == Type.TEXTFIELD || f.type() == Type.TEXTAREA).orElse(false);
    }

    public java.util.Optional<Field> field(String key) {
        return fields.stream().filter(f -> key.equals(f.key())).findFirst();
    }

    /**
     * The fields shown only when this option of a radio field is chosen: the page reveals them beneath the
     * option (the GOV.UK conditional reveal), and the server drops them otherwise.
     */
    public List<Field> revealedUnder(Field radio, Option option) {
        return fields.stream().filter(f -> f.hideWhen() != null && !f.hideWhen().whenEqual()
                && f.hideWhen().key().equals(radio.key()) && f.hideWhen().value().equals(option.value())).toList();
    }

    /** Whether any option of this radio field reveals fields beneath it. */
    public boolean revealsUnder(Field radio) {
        return radio.options().stream().anyMatch(option -> !revealedUnder(radio, option).isEmpty());
    }

    /** Whether the field is drawn beneath an option of another field rather than in its own place. */
    public boolean isRevealed(Field field) {
        HideWhen hideWhen = field.hideWhen();
        return hideWhen != null && !hideWhen.whenEqual() && field(hideWhen.key())
                .filter(f -> f.type() == Type.RADIO || f.type() == Type.SELECT)
                .map(f -> f.options().stream().anyMatch(o -> o.value().equals(hideWhen.value())))
                .orElse(false);
    }

    static TaskForm parse(InputStream json, OptionSource optionSource) {
        try {
            JsonNode root = JSON.readTree(json);
            List<Field> fields = new ArrayList<>();
            for (JsonNode component : root.path("components")) {
                fields.add(field(component, optionSource));
            }
            return new TaskForm(root.path("id").asText(), List.copyOf(fields));
        } catch (IOException unreadable) {
            throw new IllegalStateException("The task's form is not valid form-js JSON", unreadable);
        }
    }

    private static Field field(JsonNode component, OptionSource optionSource) {
        Type type = Type.valueOf(component.path("type").asText().toUpperCase());
        if (type == Type.DATETIME && !"date".equals(component.path("subtype").asText())) {
            throw new IllegalStateException("TESSA supports datetime fields of subtype date (the GOV.UK date input), not: "
                    + component.path("id").asText());
        }
        JsonNode validate = component.path("validate");
        List<Option> options = new ArrayList<>();
        for (JsonNode option : component.path("values")) {
            options.add(new Option(option.path("label").asText(), option.path("value").asText()));
        }
        if (component.hasNonNull("valuesKey")) {
            options.addAll(optionSource.optionsFor(component.get("valuesKey").asText()));
        }
        if (type.takesInput() && component.path("key").asText().isEmpty()) {
            throw new IllegalStateException("Form field " + component.path("id").asText() + " has no key");
        }
        return new Field(
                text(component, "key"), type, label(component), text(component, "description"),
                text(component, "text"),
                validate.path("required").asBoolean(false),
                validate.has("minLength") ? validate.get("minLength").asInt() : null,
                validate.has("maxLength") ? validate.get("maxLength").asInt() : null,
                text(validate, "pattern"),
                List.copyOf(options),
                hideWhen(text(component.path("conditional"), "hide")),
                text(component.path("properties"), "requiredMessage"));
    }

    /** form-js keeps a date field's label in {@code dateLabel}; every other field's in {@code label}. */
    private static String label(JsonNode component) {
        String dateLabel = text(component, "dateLabel");
        return dateLabel != null ? dateLabel : text(component, "label");
    }

    private static HideWhen hideWhen(String expression) {
        if (expression == null) {
            return null;
        }
        Matcher matcher = HIDE_EXPRESSION.matcher(expression);
        if (!matcher.matches()) {
            throw new IllegalStateException("TESSA supports hide conditions like =field = \"VALUE\" or "
                    + "=field != \"VALUE\", not: " + expression);
        }
        return new HideWhen(matcher.group(1), matcher.group(2).equals("="), matcher.group(3));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
