package org.tessa.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tessa.shared.FieldProblem;
import org.tessa.shared.InvalidSubmissionException;

/** The server's check of a submission against the triage form's own schema, forms/triage.form. */
class FormSubmissionValidatorTest {

    private final TaskForm triage = load("forms/triage.form");

    @Test
    void readsTheFieldsOfTheTriageForm() {
        assertThat(triage.id()).isEqualTo("triage");
        assertThat(triage.fields()).extracting(TaskForm.Field::key)
                .containsExactly("triageOutcome", "advice", "levelOfNeed", "signpostTo", "sharingWithoutConsent");
    }

    @Test
    void acceptsAdviceAndDropsTheHiddenSignpostField() {
        Map<String, Object> values = advice();
        values.put("signpostTo", List.of("MASH"));

        assertThat(FormSubmissionValidator.validate(triage, values))
                .containsOnlyKeys("triageOutcome", "advice", "levelOfNeed")
                .containsEntry("advice", "Talk to the family about the Family Hub's parenting course.");
    }

    @Test
    void requiresTheSignpostsWhenSignposting() {
        Map<String, Object> values = advice();
        values.put("triageOutcome", "SIGNPOSTED");

        assertThat(problems(values)).containsExactly(
                new FieldProblem("signpostTo", "Select at least one service to signpost the school to"));
    }

    @Test
    void keepsTheSignpostsWhenSignposting() {
        Map<String, Object> values = advice();
        values.put("triageOutcome", "SIGNPOSTED");
        values.put("signpostTo", List.of("SEND_PORTAL", "MENTAL_HEALTH_PORTAL"));

        assertThat(FormSubmissionValidator.validate(triage, values))
                .containsEntry("signpostTo", List.of("SEND_PORTAL", "MENTAL_HEALTH_PORTAL"));
    }

    @Test
    void reportsEveryMissingRequiredField() {
        assertThat(problems(Map.of())).extracting(FieldProblem::field)
                .containsExactly("triageOutcome", "advice", "levelOfNeed");
    }

    @Test
    void refusesValuesThatAreNotOptions() {
        Map<String, Object> values = advice();
        values.put("levelOfNeed", "VERY_HIGH");

        assertThat(problems(values)).containsExactly(new FieldProblem("levelOfNeed",
                "Level of need must be one of: UNIVERSAL, EARLY_HELP, TARGETED, SPECIALIST"));
    }

    @Test
    void refusesUnknownSignposts() {
        Map<String, Object> values = advice();
        values.put("triageOutcome", "SIGNPOSTED");
        values.put("signpostTo", List.of("MASH", "POLICE"));

        assertThat(problems(values)).extracting(FieldProblem::field).containsExactly("signpostTo");
    }

    @Test
    void refusesFieldsTheFormDoesNotHave() {
        Map<String, Object> values = advice();
        values.put("approvedBy", "someone");

        assertThat(problems(values)).containsExactly(
                new FieldProblem("approvedBy", "This form has no field called 'approvedBy'"));
    }

    @Test
    void enforcesLengths() {
        Map<String, Object> values = advice();
        values.put("advice", "Too short");
        assertThat(problems(values)).containsExactly(
                new FieldProblem("advice", "Advice to the school must be at least 10 characters"));

        values.put("advice", "x".repeat(5001));
        assertThat(problems(values)).containsExactly(
                new FieldProblem("advice", "Advice to the school must be 5000 characters or fewer"));
    }

    @Test
    void refusesTheWrongTypeOfValue() {
        Map<String, Object> values = advice();
        values.put("advice", 42);

        assertThat(problems(values)).containsExactly(new FieldProblem("advice", "Advice to the school must be text"));
    }

    @Test
    void blankTextCountsAsMissing() {
        Map<String, Object> values = advice();
        values.put("advice", "   ");

        assertThat(problems(values)).containsExactly(new FieldProblem("advice", "Enter your advice to the school"));
    }

    @Test
    void refusesHideConditionsItCannotEvaluate() {
        String form = """
                {"id": "odd", "components": [{"key": "a", "type": "textfield", "label": "A",
                  "conditional": {"hide": "=count(items) > 2"}}]}""";
        assertThatThrownBy(() -> TaskForm.parse(new java.io.ByteArrayInputStream(form.getBytes()), key -> List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("count(items) > 2");
    }

    @Test
    void readsEveryFormInTheFormsFolder() throws IOException {
        List<java.nio.file.Path> files = formFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        for (java.nio.file.Path file : files) {
            TaskForm form = load("forms/" + file.getFileName());
            assertThat(form.fields()).as(file.toString()).isNotEmpty()
                    .allSatisfy(field -> assertThat(field.label() != null || !field.takesInput()).as(field.key()).isTrue());
        }
    }

    @Test
    void theNextReviewDateIsAGovukDateInputThatTakesAnIsoDate() {
        TaskForm review = load("forms/plan-review.form");
        TaskForm.Field date = review.field("nextReviewDate").orElseThrow();
        assertThat(date.type()).isEqualTo(TaskForm.Type.DATETIME);
        assertThat(date.label()).isEqualTo("Next review date");

        Map<String, Object> values = new HashMap<>(Map.of("progress", "Mornings are calmer; Mia is on time.",
                "reviewOutcome", "CONTINUE", "nextReviewDate", "2027-03-27"));
        assertThat(FormSubmissionValidator.validate(review, values)).containsEntry("nextReviewDate", "2027-03-27");

        values.put("nextReviewDate", "2027-2-30");
        assertThatThrownBy(() -> FormSubmissionValidator.validate(review, values))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, invalid -> assertThat(invalid.problems())
                        .containsExactly(new FieldProblem("nextReviewDate", "Next review date must be a real date, like 27 3 2027")));
        values.remove("nextReviewDate");
        assertThatThrownBy(() -> FormSubmissionValidator.validate(review, values))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, invalid -> assertThat(invalid.problems())
                        .containsExactly(new FieldProblem("nextReviewDate", "Enter the date of the next review")));
    }

    @Test
    void refusesDateFieldsWithATime() {
        String form = """
                {"id": "odd", "components": [{"id": "Field_When", "key": "when", "type": "datetime",
                  "subtype": "datetime", "dateLabel": "When"}]}""";
        assertThatThrownBy(() -> TaskForm.parse(new java.io.ByteArrayInputStream(form.getBytes()), key -> List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Field_When");
    }

    /** Every Camunda Form the processes use. */
    static List<java.nio.file.Path> formFiles() throws IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("forms"))) {
            return files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
        }
    }

    private List<FieldProblem> problems(Map<String, ?> values) {
        try {
            FormSubmissionValidator.validate(triage, values);
        } catch (InvalidSubmissionException invalid) {
            return invalid.problems();
        }
        throw new AssertionError("Expected the submission to be refused: " + values);
    }

    static TaskForm load(String resource) {
        try (InputStream in = FormSubmissionValidatorTest.class.getClassLoader().getResourceAsStream(resource)) {
            return TaskForm.parse(in, valuesKey -> List.of(
                    new TaskForm.Option("SEND portal", "SEND_PORTAL"),
                    new TaskForm.Option("MASH", "MASH"),
                    new TaskForm.Option("Mental health portal", "MENTAL_HEALTH_PORTAL")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> advice() {
        Map<String, Object> values = new HashMap<>();
        values.put("triageOutcome", "ADVICE_GIVEN");
        values.put("advice", "Talk to the family about the Family Hub's parenting course.");
        values.put("levelOfNeed", "EARLY_HELP");
        return values;
    }
}
