package org.tessa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.springframework.test.web.servlet.MvcResult;
import org.unbescape.html.HtmlEscape;

/**
 * What the property tests of forms type into them: names from every community, markup, SQL, template syntax,
 * control characters (NUL among them), right-to-left text, text either side of a limit, and dates a calendar
 * does not hold. With the checks every form's answer must pass: kept exactly, shown escaped, or refused clearly.
 */
public final class HostileInput {

    /** Values worth trying in every text field, whatever the random ones turn out to be. */
    public static final List<String> SAMPLES = List.of("O'Brien", "Zoë", "Nguyễn Văn An", "محمد Al-Hassan",
            "אבי כהן", "\u202Eevil\u202C", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "Robert'); DROP TABLE enquiry;--", "%_\\ ' \" `", "${7*7} [[${7*7}]] #{x} *{y}", "No\u0000ah", "  padded  ",
            "", " ", "line one\nline two\r\n\ttabbed", "\u0001\u001F\u007F bell\u0007", "😀 family 👨‍👩‍👧");

    private HostileInput() {
    }

    /** Text from several alphabets, markup, SQL and template characters and control characters, without lone surrogates. */
    public static Arbitrary<String> text(int min, int max) {
        return Arbitraries.strings().ofMinLength(min).ofMaxLength(max)
                .withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars(" '\"<>&;%_\\/-*=()[]{}$#@!?.,:`\n\t\r\u0000\u0001\u001F\u00A0\u200B\u202E")
                .withCharRange('\u00C0', '\u017F').withCharRange('\u0590', '\u05FF').withCharRange('\u0600', '\u06FF')
                .withCharRange('\u4E00', '\u4E2F');
    }

    /** For a field holding up to {@code limit} characters: the samples, short random text, and text about the limit. */
    public static Arbitrary<String> textFor(int limit) {
        return Arbitraries.oneOf(Arbitraries.of(SAMPLES), text(0, 40), text(Math.max(0, limit - 2), limit + 2),
                Arbitraries.of(ofLength(limit), ofLength(limit + 1)));
    }

    /** Markup and names from several alphabets, exactly {@code length} characters long, with no space at either end. */
    public static String ofLength(int length) {
        String repeated = "<b>Zoë O'Brien & محمد</b>;".repeat(length / 20 + 1).substring(0, length);
        return repeated.isEmpty() ? repeated : repeated.substring(0, length - 1) + "x";
    }

    /** For a field that holds one line, such as a name: as {@link #textFor}, without line breaks or tabs. */
    public static Arbitrary<String> lineFor(int limit) {
        return textFor(limit).map(text -> text.replaceAll("[\\r\\n\\t]", " "));
    }

    /** The three boxes of a GOV.UK date input: real dates far in the past and future, impossible ones, and not numbers. */
    public static Arbitrary<DateBoxes> dateBoxes(LocalDate around) {
        Arbitrary<DateBoxes> real = Arbitraries.longs().between(-3_000_000, 3_000_000)
                .map(days -> DateBoxes.of(around.plusDays(days)));
        Arbitrary<DateBoxes> near = Arbitraries.integers().between(-400, 400).map(days -> DateBoxes.of(around.plusDays(days)));
        Arbitrary<String> box = Arbitraries.oneOf(Arbitraries.integers().between(-1, 13).map(String::valueOf),
                Arbitraries.of("", " ", "31", "29", "0", "00", "1.5", "x", "٣", "1e3", "99999999999", "-2024", "0001",
                        "9999", "10000", "<b>", "1\u0000"));
        Arbitrary<DateBoxes> odd = Combinators.combine(box, box, Arbitraries.oneOf(box, Arbitraries.of("2027", "1899", "2100")))
                .as(DateBoxes::new);
        return Arbitraries.oneOf(real, near, odd);
    }

    /** What a person typed in a date input's day, month and year boxes. */
    public record DateBoxes(String day, String month, String year) {

        static DateBoxes of(LocalDate date) {
            return new DateBoxes(String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()),
                    String.valueOf(date.getYear()));
        }

        /** The date, read as TESSA reads the boxes: a real day and month and a four-digit year. */
        public Optional<LocalDate> date() {
            return org.tessa.shared.DateBoxes.parse(day, month, year);
        }

        public boolean blank() {
            return day.isBlank() && month.isBlank() && year.isBlank();
        }

        public boolean hasNul() {
            return (day + month + year).indexOf('\u0000') >= 0;
        }
    }

    /** Whether TESSA should keep this text: something besides spaces, within the lengths, and no NUL. */
    public static boolean storable(String text, int minLength, int maxLength) {
        String stored = text == null ? "" : text.strip();
        return !stored.isEmpty() && stored.length() >= minLength && stored.length() <= maxLength && !hasNul(text);
    }

    public static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /**
     * A page must show the text as it was kept, escaped: read back as a browser reads it (the glossary's
     * explanations of acronyms aside), it is the same text, and no markup from it reaches the page as markup.
     */
    public static void assertShownEscaped(String page, String text) {
        String read = HtmlEscape.unescapeHtml(page.replaceAll("<abbr title=\"[^\"]*\">|</abbr>", ""));
        assertThat(read).as("the page shows what was kept").contains(text);
        if (text.contains("<")) {
            assertThat(page).as("no markup from the text reaches the page").doesNotContain(text);
        }
    }

    /**
     * A refused form post: a NUL anywhere is turned away with a 400 before any form sees it; anything else shows
     * the form again with a GOV.UK error summary whose link leads to the field.
     */
    public static void assertRefusedOnPage(MvcResult answer, boolean nul, String field) throws Exception {
        int status = answer.getResponse().getStatus();
        if (nul) {
            assertThat(status).as("a NUL is a 400").isEqualTo(400);
            return;
        }
        String page = answer.getResponse().getContentAsString();
        assertThat(status).as(page).isEqualTo(200);
        assertThat(page).contains("govuk-error-summary").contains("There is a problem").contains("href=\"#" + field + "\"");
    }

    /** Never a server error, whatever was typed. */
    public static void assertNoServerError(MvcResult answer) throws Exception {
        assertThat(answer.getResponse().getStatus()).as(answer.getResponse().getContentAsString()).isLessThan(500);
    }
}
