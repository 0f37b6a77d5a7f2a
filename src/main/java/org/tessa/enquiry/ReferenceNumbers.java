package org.tessa.enquiry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out enquiry references: {@code TES-<year>-<six-digit number>}, numbered from 1 each year.
 * Each number is taken outside any transaction, by one statement that commits on its own, so that concurrent
 * intake does not queue behind one long transaction; a rolled-back enquiry leaves a gap, as a database sequence
 * would.
 */
@Component
class ReferenceNumbers {

    private final JdbcClient jdbc;

    ReferenceNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public String next(int year) {
        // The new number comes back as the update's generated key: one round trip (PostgreSQL's RETURNING).
        var taken = new GeneratedKeyHolder();
        int updated = jdbc.sql("update reference_counter set last_number = last_number + 1 where reference_year = ?")
                .param(year).update(taken, "last_number");
        if (updated == 0) {
            try {
                jdbc.sql("insert into reference_counter (reference_year, last_number) values (?, 1)")
                        .param(year).update();
                return format(year, 1);
            } catch (DuplicateKeyException anotherNodeStartedTheYear) {
                throw new ReferenceRace(anotherNodeStartedTheYear);
            }
        }
        return format(year, taken.getKey().intValue());
    }

    static String format(int year, int number) {
        return "TES-%d-%06d".formatted(year, number);
    }

    /** The first two enquiries of a year raced to start its counter; the loser tries again. */
    static class ReferenceRace extends RuntimeException {
        ReferenceRace(Throwable cause) {
            super(cause);
        }
    }
}
