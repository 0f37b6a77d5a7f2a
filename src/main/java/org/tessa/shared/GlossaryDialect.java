package org.tessa.shared;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.processor.AbstractStandardExpressionAttributeTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code tessa:explain="${text}"}: like {@code th:text}, with each glossary term in the text explained by an
 * {@code <abbr>} from the one glossary, so that a page never names an acronym the glossary could explain without
 * explaining it.
 */
@Component
class GlossaryDialect extends AbstractProcessorDialect {

    private final Glossary glossary;

    GlossaryDialect(Glossary glossary) {
        super("TESSA glossary", "tessa", StandardDialect.PROCESSOR_PRECEDENCE);
        this.glossary = glossary;
    }

    @Override
    public Set<IProcessor> getProcessors(String prefix) {
        return Set.of(new Explain(prefix, glossary));
    }

    private static final class Explain extends AbstractStandardExpressionAttributeTagProcessor {

        private final Glossary glossary;

        Explain(String prefix, Glossary glossary) {
            super(TemplateMode.HTML, prefix, "explain", StandardDialect.PROCESSOR_PRECEDENCE, true, false);
            this.glossary = glossary;
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                String attributeValue, Object expressionResult, IElementTagStructureHandler structureHandler) {
            structureHandler.setBody(glossary.explained(expressionResult == null ? "" : expressionResult.toString()), false);
        }
    }
}
