package org.tessa.enquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.tessa.enquiry.ChildMatching.ChildOnRecord;

class ChildMatchingTest {

    private static final LocalDate BORN = LocalDate.of(2015, 3, 27);

    @Test
    void theSameUpnIsTheSameChildWhateverTheName() {
        assertThat(ChildMatching.sameChild(child("Ellie", "Rowe", "B987654321098", 1),
                child("Eleanor", "Rowe-Smith", "b987654321098", 2))).isTrue();
    }

    @Test
    void differentUpnsAreDifferentChildrenEvenWithTheSameName() {
        assertThat(ChildMatching.sameChild(child("Ellie", "Rowe", "B987654321098", 1),
                child("Ellie", "Rowe", "B111111111111", 1))).isFalse();
    }

    @Test
    void withoutAUpnTheNameIsComparedSetAsideCaseSpacesPunctuationAndAccents() {
        assertThat(ChildMatching.sameChild(child("Zoë", "O'Brien", null, 1), child(" zoe ", "OBRIEN", "B987654321098", 1)))
                .isTrue();
        assertThat(ChildMatching.sameChild(child("Mary-Jane", "Smith", null, 1), child("Mary Jane", "smith", null, 1)))
                .isTrue();
    }

    @Test
    void withoutAUpnTheSchoolAndDateOfBirthMustMatch() {
        assertThat(ChildMatching.sameChild(child("Ellie", "Rowe", null, 1), child("Ellie", "Rowe", null, 2))).isFalse();
        assertThat(ChildMatching.sameChild(child("Ellie", "Rowe", null, 1),
                new ChildOnRecord("Ellie", "Rowe", BORN.plusDays(1), null, 1))).isFalse();
    }

    private static ChildOnRecord child(String first, String last, String upn, long school) {
        return new ChildOnRecord(first, last, BORN, upn, school);
    }
}
