package org.tessa.figures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The report's stylesheet (static/css/report.css), read once, for the PDF, which cannot fetch it as the page does. */
@Component
class ReportStyles {

    private final String css;

    ReportStyles() {
        try {
            css = new ClassPathResource("static/css/report.css").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }

    String css() {
        return css;
    }
}
