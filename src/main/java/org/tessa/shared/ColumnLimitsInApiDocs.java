package org.tessa.shared;

import java.lang.annotation.Annotation;

import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's documentation gives each {@link FitsColumn} field its column's size as maxLength, as {@code @Size} did. */
@Configuration(proxyBeanMethods = false)
class ColumnLimitsInApiDocs {

    @Bean
    PropertyCustomizer columnLimits(ColumnSizes columns) {
        return (schema, type) -> {
            for (Annotation annotation : type.getCtxAnnotations() == null ? new Annotation[0] : type.getCtxAnnotations()) {
                if (annotation instanceof FitsColumn fits) {
                    schema.setMaxLength(columns.of(fits.table(), fits.column()));
                }
            }
            return schema;
        };
    }
}
