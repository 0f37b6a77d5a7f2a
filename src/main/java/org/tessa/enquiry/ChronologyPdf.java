package org.tessa.enquiry;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.tessa.shared.Pdfs;

/**
 * The chronology as a PDF, for a child protection conference or an assessment: the same Thymeleaf fragment
 * as the page, in a print layout.
 */
@Component
class ChronologyPdf {

    static final String TEMPLATE = "enquiries/chronology-pdf";

    private final Pdfs pdfs;

    ChronologyPdf(Pdfs pdfs) {
        this.pdfs = pdfs;
    }

    byte[] render(Chronology chronology) {
        return pdfs.render(TEMPLATE, Map.of("chronology", chronology));
    }
}
