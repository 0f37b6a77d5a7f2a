package org.tessa.shared;

import java.util.Comparator;
import java.util.List;

import org.springframework.validation.BindingResult;

/** A form's errors as GOV.UK's error summary lists them: in the order the fields appear on the page. */
public final class FormErrors {

    private FormErrors() {
    }

    /** What a field whose value could not be read as its type says: messages.properties' typeMismatch. */
    private static final String NOT_ACCEPTED = java.util.ResourceBundle.getBundle("messages").getString("typeMismatch");

    public static List<FieldProblem> inPageOrder(BindingResult binding, List<String> fieldsInPageOrder) {
        return binding.getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(),
                        error.isBindingFailure() ? NOT_ACCEPTED : error.getDefaultMessage()))
                .sorted(Comparator.comparingInt(problem -> position(fieldsInPageOrder, problem.field())))
                .toList();
    }

    public static List<FieldProblem> inPageOrder(List<FieldProblem> problems, List<String> fieldsInPageOrder) {
        return problems.stream()
                .sorted(Comparator.comparingInt(problem -> position(fieldsInPageOrder, problem.field())))
                .toList();
    }

    /** The problems for a page: the error summary's list ("errors") and each field's message ("fieldErrors"). */
    public static void addTo(org.springframework.ui.Model model, List<FieldProblem> problems) {
        model.addAttribute("errors", problems);
        model.addAttribute("fieldErrors", problems.stream().collect(java.util.stream.Collectors.toMap(
                FieldProblem::field, FieldProblem::message, (first, second) -> first, java.util.LinkedHashMap::new)));
    }

    private static int position(List<String> fields, String field) {
        int position = fields.indexOf(field);
        return position < 0 ? fields.size() : position;
    }
}
