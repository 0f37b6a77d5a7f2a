package org.tessa.shared;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link FitsColumn}. Spring's validator makes it, with the {@link ColumnSizes} it needs; the message is
 * the one {@link ColumnSizes#check} gives services' own checks, so that every form says it the same way.
 */
class FitsColumnValidator implements ConstraintValidator<FitsColumn, CharSequence> {

    private final ColumnSizes columns;
    private FitsColumn fits;

    FitsColumnValidator(ColumnSizes columns) {
        this.columns = columns;
    }

    @Override
    public void initialize(FitsColumn annotation) {
        this.fits = annotation;
    }

    @Override
    public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
        if (text == null) {
            return true;
        }
        int limit = columns.of(fits.table(), fits.column());
        int length = text.toString().strip().length();
        if (length <= limit) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // the label and numbers are ours, but escape what a message template would read as an expression
        context.buildConstraintViolationWithTemplate(ColumnSizes.tooLong(fits.label(), limit, length)
                .replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$"))
                .addConstraintViolation();
        return false;
    }
}
