package org.tessa.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.tessa.enquiry.Channel;
import org.tessa.enquiry.Concern;
import org.tessa.enquiry.Consent;
import org.tessa.enquiry.EnquiryService;
import org.tessa.enquiry.LoggedEnquiry;
import org.tessa.enquiry.NewEnquiry;
import org.tessa.panel.PanelService;
import org.tessa.people.OrganisationType;
import org.tessa.people.PartnerDirectory;
import org.tessa.people.Role;
import org.tessa.people.School;
import org.tessa.people.StaffDirectory;
import org.tessa.people.StaffMember;
import org.tessa.tasklist.TaskList;
import org.tessa.shared.WorkingDayCalendar;
import org.tessa.tasklist.WorkItem;

/**
 * The demo configuration only: two schools, one account per role (password "demo") and a few enquiries,
 * so a newcomer sees a working system at once. Runs once: it leaves a database that has them alone.
 */
@Component
@ConditionalOnProperty("tessa.demo.enabled")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "demo";
    private static final String PARR_MEADOW_URN = "104811";

    private final StaffDirectory directory;
    private final EnquiryService enquiries;
    private final TaskList taskList;
    private final PanelService panel;
    private final PartnerDirectory partners;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    DemoData(StaffDirectory directory, EnquiryService enquiries, TaskList taskList, PanelService panel,
            PartnerDirectory partners, WorkingDayCalendar calendar, Clock clock) {
        this.partners = partners;
        this.directory = directory;
        this.enquiries = enquiries;
        this.taskList = taskList;
        this.panel = panel;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.schoolByUrn(PARR_MEADOW_URN).isPresent()) {
            return;
        }
        School parrMeadow = directory.addSchool(PARR_MEADOW_URN, "Parr Meadow Primary School");
        School windleVale = directory.addSchool("138420", "Windle Vale Academy");
        directory.addAccount("school-a", PASSWORD, "Amira Khan (DSL, Parr Meadow)", Role.SCHOOL, parrMeadow.id());
        directory.addAccount("school-b", PASSWORD, "Ben Holt (SENCO, Windle Vale)", Role.SCHOOL, windleVale.id());
        directory.addAccount("duty-manager", PASSWORD, "Dana Mercer (duty manager)", Role.DUTY_MANAGER, null);
        directory.addAccount("duty-manager-2", PASSWORD, "Sam Patel (duty manager)", Role.DUTY_MANAGER, null);
        directory.addManager("manager", PASSWORD, "Morgan Lee (head of service)", "head.of.service@council.example.org",
                null);
        directory.addAccount("panel-member", PASSWORD, "Priya Shah (panel member)", Role.PANEL_MEMBER, null);
        long parenting = partners.add("Parr Family Hub parenting service", OrganisationType.PUBLIC, "Parr",
                "Pat Evans", "parenting@parrfamilyhub.example.org");
        partners.add("School nursing team", OrganisationType.PUBLIC, "Whole borough", "Gill Ward",
                "school.nursing@nhs.example.org");
        partners.add("St Helens Young Carers", OrganisationType.VOLUNTARY, "Whole borough", "Jo Lacey",
                "hello@youngcarers.example.org");
        partners.add("Parr Youth Project", OrganisationType.COMMUNITY, "Parr", "Dev Patel", "team@parryouth.example.org");
        partners.add("St Mark's Food and Debt Advice", OrganisationType.FAITH, "Windle", "Ruth Ogden",
                "advice@stmarks.example.org");
        directory.addPartnerAccount("partner", PASSWORD, "Pat Evans (Parr Family Hub parenting service)", parenting);
        directory.addAccount("admin", PASSWORD, "Alex Morgan (administrator)", Role.ADMIN, null);
        directory.addAccount("lead-professional", PASSWORD, "Sam Okafor (early help practitioner, Parr Family Hub)",
                Role.LEAD_PROFESSIONAL, null);
        directory.addPortalAccount("mash-system", PASSWORD, "MASH case system", "MASH");
        scheduleAPanelMeeting();
        logEnquiries();
        log.info("Demo data loaded: accounts school-a, school-b, duty-manager, duty-manager-2, panel-member, partner, "
                + "lead-professional, manager, admin (password '{}')",
                PASSWORD);
    }

    /** A Ways Forward Panel meeting ten working days from now, at ten in the morning. */
    private void scheduleAPanelMeeting() {
        var day = calendar.dateOf(calendar.addWorkingDays(clock.instant(), 10));
        panel.schedule(day.atTime(10, 0).atZone(calendar.zone()).toInstant(), "Town Hall, Committee Room 2",
                "https://meet.example.org/wfp", "Chris Hale (head of early help)",
                "Chris Hale; SEND team; children's social care; school nursing; Family Hub partnership", "admin");
    }

    private void logEnquiries() {
        StaffMember schoolA = directory.loadUserByUsername("school-a");
        StaffMember schoolB = directory.loadUserByUsername("school-b");
        StaffMember dutyManager = directory.loadUserByUsername("duty-manager");

        LoggedEnquiry attendance = enquiries.log(new NewEnquiry(null,
                new NewEnquiry.Child("Leo", "Marsh", LocalDate.of(2016, 5, 14), "A123456789012", "Year 5"),
                Set.of(Concern.ATTENDANCE, Concern.FAMILY_SUPPORT),
                "Leo's attendance has fallen to 82% this term. Mum says she is struggling since his dad moved out "
                        + "and mornings are hard with three children. Leo says he worries about leaving her.",
                false, Consent.GIVEN,
                new NewEnquiry.Referrer("Amira Khan", "Designated safeguarding lead (DSL)", "amira.khan@parrmeadow.example.org",
                        "01744 555101"),
                null), schoolA, Channel.WEB, Optional.empty());
        enquiries.log(new NewEnquiry(null,
                new NewEnquiry.Child("Maya", "Doyle", LocalDate.of(2012, 11, 2), null, "Year 9"),
                Set.of(Concern.SAFEGUARDING, Concern.SOCIAL_EMOTIONAL_MENTAL_HEALTH),
                "Maya disclosed to her form tutor that an older boy she met online has asked her to meet him. "
                        + "She has marks on her arms that she says are from the cat.",
                true, Consent.NOT_ASKED,
                new NewEnquiry.Referrer("Ben Holt", "SENCO (special educational needs coordinator)",
                        "ben.holt@windlevale.example.org", null),
                null), schoolB, Channel.WEB, Optional.empty());
        LoggedEnquiry speech = enquiries.log(new NewEnquiry(PARR_MEADOW_URN,
                new NewEnquiry.Child("Jayden", "Price", LocalDate.of(2018, 2, 20), null, "Year 3"),
                Set.of(Concern.SEND, Concern.BEHAVIOUR),
                "Hotline call: Jayden's class teacher thinks he may have an unmet speech and language need; "
                        + "he is frustrated and has hit other children twice this week.",
                false, Consent.GIVEN,
                new NewEnquiry.Referrer("Amira Khan", "Designated safeguarding lead (DSL)",
                        "amira.khan@parrmeadow.example.org", "01744 555101"),
                null), dutyManager, Channel.PHONE, Optional.empty());

        triage(attendance, dutyManager, Map.of(
                "triageOutcome", "ADVICE_GIVEN",
                "advice", "Please invite Leo's mum to the Family Hub's 'Morning routines' drop-in (Tuesdays, 9am) and "
                        + "agree a simple attendance plan with her. Check in with Leo weekly about his worries.",
                "levelOfNeed", "EARLY_HELP"));
        LoggedEnquiry several = enquiries.log(new NewEnquiry(null,
                new NewEnquiry.Child("Ava", "Brennan", LocalDate.of(2013, 7, 9), "C246813579024", "Year 8"),
                Set.of(Concern.SOCIAL_EMOTIONAL_MENTAL_HEALTH, Concern.ATTENDANCE, Concern.FAMILY_SUPPORT),
                "Ava has not come to school for three weeks. Her mum has a long-term illness and Ava looks after her "
                        + "and her little brother. CAMHS closed her case last year; the school nurse is worried about her weight.",
                false, Consent.GIVEN,
                new NewEnquiry.Referrer("Ben Holt", "SENCO (special educational needs coordinator)",
                        "ben.holt@windlevale.example.org", null),
                null), schoolB, Channel.WEB, Optional.empty());
        triage(several, dutyManager, Map.of(
                "triageOutcome", "REFER_TO_PANEL",
                "advice", "Several services need to work together for Ava and her family; the Ways Forward Panel will "
                        + "agree one plan with a lead professional.",
                "levelOfNeed", "SPECIALIST"));
        triage(speech, dutyManager, Map.of(
                "triageOutcome", "SIGNPOSTED",
                "advice", "Ask the speech and language therapy team for an assessment through the SEND portal, and keep "
                        + "a short record of the moments Jayden gets frustrated to send with it.",
                "levelOfNeed", "TARGETED",
                "signpostTo", List.of("SEND_PORTAL")));
    }

    private void triage(LoggedEnquiry enquiry, StaffMember dutyManager, Map<String, Object> decision) {
        WorkItem triage = taskList.workOn(dutyManager, enquiry.reference()).get(0);
        taskList.claim(triage.id(), dutyManager);
        taskList.complete(triage.id(), dutyManager, decision);
    }
}
