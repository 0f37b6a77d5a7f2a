package org.tessa.shared;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The text fits the column that keeps it, once the spaces around it are stripped, as it is stored: the limit is
 * read from the database ({@link ColumnSizes}), so that the Flyway migration that sizes the column is the one place
 * it is written. Too long, the person reads "{label} must be 200 characters or fewer; it has 201". Null and blank
 * text fit; say with {@code @NotBlank} whether the field is needed.
 */
@Documented
@Constraint(validatedBy = FitsColumnValidator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface FitsColumn {

    /** The table, as the migration names it. */
    String table();

    /** The column of {@link #table()} that keeps the text. */
    String column();

    /** What the field is called at the start of a sentence, such as "The name". */
    String label();

    /** Unused: the message is written from the label and the column's size. */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
