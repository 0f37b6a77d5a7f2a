package org.tessa.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

/** The GOV.UK date input's three boxes, read back as the ISO date a form-js date field holds. */
class DateInputTest {

    @Test
    void threeBoxesMakeAnIsoDate() {
        assertThat(boxes(" 27", "3", "2027 ").value()).isEqualTo("2027-03-27");
    }

    @Test
    void aDateThatDoesNotExistIsKeptAsTypedSoTheCheckRefusesIt() {
        assertThat(boxes("30", "2", "2027").value()).isEqualTo("2027-2-30");
        assertThat(boxes("1", "3", "27").value()).isEqualTo("27-3-1");
        assertThat(boxes("first", "March", "2027").value()).isEqualTo("2027-March-first");
    }

    @Test
    void emptyBoxesAreNoDate() {
        assertThat(boxes("", " ", "").isBlank()).isTrue();
        assertThat(DateInput.from(new LinkedMultiValueMap<>(), "nextReviewDate").isBlank()).isTrue();
    }

    private static DateInput boxes(String day, String month, String year) {
        var submitted = new LinkedMultiValueMap<String, String>();
        submitted.add("nextReviewDate-day", day);
        submitted.add("nextReviewDate-month", month);
        submitted.add("nextReviewDate-year", year);
        return DateInput.from(submitted, "nextReviewDate");
    }
}
