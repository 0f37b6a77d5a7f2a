package org.tessa.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * PDFs rendered by openhtmltopdf from a Thymeleaf template, so that a PDF and its page share their fragments.
 * The template is a whole print document with its own styles.
 */
@Component
public class Pdfs {

    private final TemplateEngine templates;
    private final ApplicationContext application;

    Pdfs(TemplateEngine templates, ApplicationContext application) {
        this.templates = templates;
        this.application = application;
    }

    /** The template's HTML with these variables, as a page would have them (beans such as @pageDates work). */
    public String html(String template, Map<String, ?> variables) {
        var context = new Context();
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        variables.forEach(context::setVariable);
        return templates.process(template, context);
    }

    public byte[] render(String template, Map<String, ?> variables) {
        String html = html(template, variables);
        try (var pdf = new ByteArrayOutputStream()) {
            new PdfRendererBuilder().useFastMode().withHtmlContent(html, null).toStream(pdf).run();
            return pdf.toByteArray();
        } catch (IOException renderingFailed) {
            throw new UncheckedIOException(renderingFailed);
        }
    }
}
