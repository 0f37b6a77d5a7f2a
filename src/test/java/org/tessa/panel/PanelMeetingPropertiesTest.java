package org.tessa.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.tessa.HostileInput.assertNoServerError;
import static org.tessa.HostileInput.assertRefusedOnPage;
import static org.tessa.HostileInput.assertShownEscaped;
import static org.tessa.HostileInput.hasNul;
import static org.tessa.HostileInput.storable;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tessa.HostileInput;
import org.tessa.HostileInput.DateBoxes;
import org.tessa.TessaIntegrationTest;

/**
 * The form for scheduling a panel meeting filled in with anything: any place, chair and members are kept exactly
 * and shown escaped on the agenda; any date that is not a real one in the future, or a time that is not one, is a
 * form error naming its box; never a 500. Meetings are placed after the year 2090, away from other tests' meetings.
 */
@JqwikSpringSupport
class PanelMeetingPropertiesTest extends TessaIntegrationTest {

    private static final AtomicInteger UNIQUE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Property(tries = 15)
    void aMeetingKeepsAnyPlaceChairAndMembersExactlyOrTheFormSaysWhatToChange(@ForAll("lines") String typedPlace,
            @ForAll("lines") String chair, @ForAll("members") String members) throws Exception {
        String place = "Room " + UNIQUE.incrementAndGet() + " " + typedPlace;

        MvcResult answer = schedule(new DateBoxes("3", "3", String.valueOf(2090 + UNIQUE.get() % 9)), "9:30", place,
                chair, members);

        assertNoServerError(answer);
        if (storable(place, 1, 200) && storable(chair, 1, 200) && storable(members, 1, 1000)) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/panel");
            List<PanelMeeting> kept = jdbc.sql("select * from panel_meeting where place = ?").param(place.strip())
                    .query(PanelMeeting.class).list();
            assertThat(kept).singleElement().satisfies(meeting -> {
                assertThat(meeting.chair()).isEqualTo(chair.strip());
                assertThat(meeting.members()).isEqualTo(members.strip());
            });
            String agenda = mvc.perform(get("/panel/meetings/" + kept.get(0).id()).with(user(person("panel-member"))))
                    .andReturn().getResponse().getContentAsString();
            assertShownEscaped(agenda, chair.strip());
            assertShownEscaped(agenda, members.strip());
        } else {
            assertRefusedOnPage(answer, hasNul(place + chair + members),
                    !storable(place, 1, 200) ? "place" : !storable(chair, 1, 200) ? "chair" : "members");
            // PostgreSQL cannot even compare with a NUL; such a request never reached a form
            assertThat(hasNul(place) ? 0L : jdbc.sql("select count(*) from panel_meeting where place = ?")
                    .param(place.strip()).query(Long.class).single()).as("nothing saved").isZero();
        }
    }

    @Property(tries = 20)
    void anyDateAndTimeIsAMeetingInTheFutureOrAFormError(@ForAll("dates") DateBoxes date, @ForAll("times") String time)
            throws Exception {
        String place = "Date room " + UNIQUE.incrementAndGet();

        MvcResult answer = schedule(date, time, place, "Chris Hale", "Chair, SEND, CSC, FH");

        assertNoServerError(answer);
        boolean realTime = time.matches("([01]?\\d|2[0-3]):[0-5]\\d");
        boolean future = date.date().filter(day -> day.isAfter(LocalDate.now(clock).plusDays(1))).isPresent();
        if (realTime && future) {
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/panel");
        } else {
            String field = date.date().isEmpty() || !future ? dateField(date) : "time";
            assertRefusedOnPage(answer, date.hasNul() || hasNul(time), realTime ? field : "time");
            assertThat(jdbc.sql("select count(*) from panel_meeting where place = ?").param(place)
                    .query(Long.class).single()).as("nothing saved").isZero();
        }
    }

    @Provide
    Arbitrary<String> lines() {
        return HostileInput.lineFor(200);
    }

    @Provide
    Arbitrary<String> members() {
        return HostileInput.textFor(1000);
    }

    @Provide
    Arbitrary<DateBoxes> dates() {
        return HostileInput.dateBoxes(LocalDate.of(2095, 1, 1));
    }

    @Provide
    Arbitrary<String> times() {
        return Arbitraries.oneOf(Arbitraries.of("9:30", "09:30", "23:59", "24:00", "12:60", "noon", "", "1:5", "١٢:٣٠",
                "13:30\u0000", "<b>9</b>"), HostileInput.text(0, 6));
    }

    /** The box an error about the date names: the first box whose own rule fails, or the day for the date as a whole. */
    private static String dateField(DateBoxes date) {
        if (!date.day().matches("\\d{1,2}")) {
            return "day";
        }
        if (!date.month().matches("\\d{1,2}")) {
            return "month";
        }
        return date.year().matches("\\d{4}") ? "day" : "year";
    }

    private MvcResult schedule(DateBoxes date, String time, String place, String chair, String members) throws Exception {
        return mvc.perform(post("/panel/meetings").param("day", date.day()).param("month", date.month())
                .param("year", date.year()).param("time", time).param("place", place).param("chair", chair)
                .param("members", members).param("onlineLink", "").with(user(person("panel-member"))).with(csrf()))
                .andReturn();
    }
}
