package org.tessa.enquiry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.context.Context;

/**
 * The chronology as a PDF, for a child protection conference or an assessment: the same Thymeleaf fragment
 * as the page, in a print layout, rendered by openhtmltopdf.
 */
@Component
class ChronologyPdf {

    static final String TEMPLATE = "enquiries/chronology-pdf";

    private final TemplateEngine templates;
    private final ApplicationContext application;

    ChronologyPdf(TemplateEngine templates, ApplicationContext application) {
        this.templates = templates;
        this.application = application;
    }

    byte[] render(Chronology chronology) {
        var context = new Context();
        // as in a page, so that the template may use beans such as @pageDates
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        context.setVariable("chronology", chronology);
        String html = templates.process(TEMPLATE, context);
        try (var pdf = new ByteArrayOutputStream()) {
            new PdfRendererBuilder().useFastMode().withHtmlContent(html, null).toStream(pdf).run();
            return pdf.toByteArray();
        } catch (IOException renderingFailed) {
            throw new UncheckedIOException(renderingFailed);
        }
    }
}
