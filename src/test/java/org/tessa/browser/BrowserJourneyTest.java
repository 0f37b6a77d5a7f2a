package org.tessa.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tessa.TessaIntegrationTest;

/**
 * A school and a duty manager in a real browser (Debian's Chromium, headless): the enquiry form with its
 * error summary, triage, the school's answer; what a person sees (ticks drawn, messages beside fields, focus
 * following the error summary's links), a screenshot of each step under target/screenshots/, and no
 * accessibility failure at any impact (axe-core) on the way.
 * Skipped where the machine has no Chromium; .ci/run installs it.
 */
class BrowserJourneyTest extends TessaIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.tessa.retention.Retention retention;

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** The button that completes a task, whatever its task's BPMN names it. */
    private static final By COMPLETE_TASK = By.xpath("//form[contains(@action, '/complete')]//button[@type='submit']");

    private WebDriver browser;
    private String testName;
    private int steps;

    @org.springframework.beans.factory.annotation.Autowired
    org.tessa.tasklist.TaskList taskList;

    @BeforeEach
    void openBrowser(org.junit.jupiter.api.TestInfo test) {
        testName = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("journey");
        steps = 0;
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are needed (apt-get install chromium chromium-driver)");
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-sync",
                "--disable-component-update", "--no-first-run", "--window-size=1200,900");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
                options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aSchoolRaisesAnEnquiryAndADutyManagerTriagesIt() {
        open("/login");
        type("username", "school-a");
        type("password", "not the password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().until(d -> d.getTitle().startsWith("Error: "));
        assertErrorBesideField("username", "Enter a correct username and password");
        checkPage("sign-in-refused");
        signInAs("school-a");
        open("/enquiries/new");
        checkPage("enquiry-form");
        browser.findElement(By.xpath("//button[contains(., 'Send enquiry')]")).click();
        await().until(d -> d.getTitle().startsWith("Error: "));
        assertThat(text(".govuk-error-summary")).contains("There is a problem").contains("Enter the child's first name");
        assertErrorBesideField("childFirstName", "Enter the child's first name");
        assertThat(browser.findElement(By.id("childFirstName")).getAttribute("class")).contains("govuk-input--error");
        assertThat(text("#concerns-error")).startsWith("Error:");
        assertThat(browser.findElement(By.xpath("//fieldset[.//input[@name='concerns']]")).getAttribute("aria-describedby"))
                .contains("concerns-error");
        checkPage("enquiry-form-with-errors");
        followErrorLink("#concerns");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("the link moves focus to the first box")
                .isEqualTo("concerns");
        assertThat(browser.switchTo().activeElement().getAttribute("name")).isEqualTo("concerns");

        type("childFirstName", "Mia");
        type("childLastName", "Clarke");
        type("dobDay", "12");
        type("dobMonth", "6");
        type("dobYear", "2016");
        var attendance = browser.findElement(By.cssSelector("input[name=concerns][value=ATTENDANCE]"));
        assertNotTicked(attendance);
        attendance.click();
        assertTicked(attendance);
        assertFocusRingDrawn(attendance);
        type("summary", "Mia has been late every day for two weeks and falls asleep in class.");
        browser.findElement(By.id("immediateRisk-2")).click();
        assertTicked(browser.findElement(By.id("immediateRisk-2")));
        browser.findElement(By.cssSelector("input[name=consent][value=GIVEN]")).click();
        assertTicked(browser.findElement(By.cssSelector("input[name=consent][value=GIVEN]")));
        checkPage("enquiry-form-filled-in");
        type("referrerName", "Amira Khan");
        type("referrerRole", "DSL");
        type("referrerEmail", "amira.khan@parrmeadow.example.org");
        browser.findElement(By.xpath("//button[contains(., 'Send enquiry')]")).click();
        await().until(d -> d.getCurrentUrl().matches(".*/enquiries/TES-\\d{4}-\\d{6}"));

        String reference = text("h1").replace("Enquiry ", "");
        assertThat(reference).matches("TES-\\d{4}-\\d{6}");
        assertThat(text("main")).contains("Waiting for a duty manager").contains("Mia Clarke");
        checkPage("enquiry-sent");
        signOut();

        signInAs("duty-manager");
        open("/tasks?view=UNCLAIMED&sort=NEWEST");
        browser.findElement(By.xpath("//tr[td[contains(., '" + reference + "')]]//a")).click();
        browser.findElement(By.xpath("//button[contains(., 'Claim this task')]")).click();
        await().until(d -> !d.findElements(COMPLETE_TASK).isEmpty());
        assertThat(text("main")).contains("Suggested route").contains("Earlier enquiries about this child");
        checkPage("triage-claimed");
        assertThat(browser.findElement(COMPLETE_TASK).getText()).as("the button says what the person is doing")
                .isEqualTo("Send the triage decision");
        browser.findElement(COMPLETE_TASK).click();
        await().until(d -> d.getTitle().startsWith("Error: "));
        assertErrorBesideField("advice", "Enter your advice to the school");
        assertThat(browser.findElement(By.id("advice")).getAttribute("class")).contains("govuk-textarea--error");
        checkPage("triage-with-errors");
        followErrorLink("#triageOutcome");
        assertThat(browser.switchTo().activeElement().getAttribute("name")).as("the link moves focus to the first radio")
                .isEqualTo("triageOutcome");
        assertThat(revealed("signpostTo")).as("signposts only once signposting is chosen").isFalse();
        browser.findElement(By.cssSelector("input[name=triageOutcome][value=SIGNPOSTED]")).click();
        assertThat(revealed("signpostTo")).isTrue();
        assertThat(browser.findElement(By.id("sharingWithoutConsent")).isDisplayed()).isTrue();
        checkPage("triage-signposting-revealed");
        browser.findElement(By.cssSelector("input[name=triageOutcome][value=ADVICE_GIVEN]")).click();
        assertTicked(browser.findElement(By.cssSelector("input[name=triageOutcome][value=ADVICE_GIVEN]")));
        assertThat(revealed("signpostTo")).isFalse();
        type("advice", "Agree a bedtime routine with mum and offer breakfast club.");
        browser.findElement(By.cssSelector("input[name=levelOfNeed][value=UNIVERSAL]")).click();
        checkPage("triage-filled-in");
        browser.findElement(COMPLETE_TASK).click();
        await().until(d -> d.getCurrentUrl().endsWith("/tasks"));
        assertThat(text(".govuk-notification-banner")).contains(reference);
        signOut();

        signInAs("school-a");
        open("/enquiries/" + reference);
        assertThat(text("main")).contains("Closed").contains("Agree a bedtime routine with mum");
        checkPage("school-reads-the-answer");
    }

    @Test
    void aSchoolAddsInformationReadsTheChronologyAndWithdrawsItsEnquiry() {
        String reference = postJson("school-a", "/api/enquiries", org.tessa.enquiry.Enquiries.json(),
                com.fasterxml.jackson.databind.JsonNode.class).getBody().get("reference").asText();

        signInAs("school-a");
        open("/enquiries/" + reference);
        browser.findElement(By.linkText("Add information")).click();
        browser.findElement(By.xpath("//button[contains(., 'Add the information')]")).click();
        await().until(d -> d.getTitle().startsWith("Error: "));
        assertThat(text("#text-error")).startsWith("Error:").endsWith("Write what you have learnt since you raised the enquiry");
        assertErrorBesideField("text", "Write what you have learnt since you raised the enquiry");
        checkPage("add-information-with-errors");
        type("text", "Noah told his teacher that his dad has moved out.");
        browser.findElement(By.xpath("//button[contains(., 'Add the information')]")).click();
        await().until(d -> d.getCurrentUrl().endsWith("/enquiries/" + reference));
        assertThat(text("main")).contains("Your information is added").contains("his dad has moved out");

        browser.findElement(By.linkText("Read the chronology")).click();
        assertThat(text("h1")).isEqualTo("Chronology");
        assertThat(text("table")).contains("Enquiry received").contains("Information added by the school");
        checkPage("chronology");

        open("/enquiries/" + reference);
        browser.findElement(By.linkText("Withdraw the enquiry")).click();
        browser.findElement(By.xpath("//button[contains(., 'Withdraw the enquiry')]")).click();
        browser.findElement(By.cssSelector(".govuk-error-summary a")).click();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("the error link moves focus to the field")
                .isEqualTo("reason");
        checkPage("withdraw-with-errors");
        type("reason", "Raised twice by mistake.");
        browser.findElement(By.xpath("//button[contains(., 'Withdraw the enquiry')]")).click();
        await().until(d -> d.getCurrentUrl().endsWith("/enquiries/" + reference));
        assertThat(text("main")).contains("is withdrawn").contains("Withdrawn");
        signOut();

        signInAs("duty-manager");
        open("/enquiries/" + reference + "/chronology");
        type("text", "Phoned the DSL: the enquiry was a duplicate of an earlier one.");
        browser.findElement(By.xpath("//button[contains(., 'Add the case note')]")).click();
        await().until(d -> d.getCurrentUrl().contains("/chronology"));
        assertThat(text("table")).contains("Case note").contains("a duplicate of an earlier one")
                .contains("Enquiry withdrawn");
        checkPage("chronology-with-case-note");
    }

    @Test
    void thePanelDecidesAPlanIsWrittenAndAPartnerPicksUpItsAction() {
        String reference = referredToPanel();

        signInAs("panel-member");
        open("/panel/meetings/new");
        checkPage("new-meeting");
        browser.findElement(By.xpath("//button[contains(., 'Schedule meeting')]")).click();
        await().until(d -> d.getTitle().startsWith("Error: "));
        assertThat(text("#date-error")).contains("Enter the day of the meeting");
        assertThat(browser.findElement(By.id("day")).getAttribute("class")).contains("govuk-input--error");
        assertErrorBesideField("place", "Enter where the panel meets, or Online");
        checkPage("new-meeting-with-errors");
        followErrorLink("#day");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("day");
        type("day", "3");
        type("month", "3");
        type("year", "2060");
        type("time", "10:00");
        type("place", "Town Hall");
        type("chair", "Chris Hale");
        type("members", "Chair, SEND, school nursing, Family Hub");
        browser.findElement(By.xpath("//button[contains(., 'Schedule meeting')]")).click();
        await().until(d -> d.getCurrentUrl().endsWith("/panel"));
        await().until(d -> !d.findElements(By.xpath("//a[contains(., '3 March 2060')]")).isEmpty());
        // The case joined the earliest meeting with its agenda open: the demo's, first in the list.
        browser.findElement(By.cssSelector("table a")).click();
        assertThat(text("main")).contains(reference);
        checkPage("agenda");
        browser.findElement(By.xpath("//button[contains(., 'Start the meeting now')]")).click();
        await().until(d -> text(".govuk-notification-banner").contains("The meeting has started"));

        open("/tasks?sort=NEWEST");
        var decisionRow = browser.findElement(By.xpath("//tr[td[contains(., '" + reference + "')]][.//a[contains(., 'Decide at panel')]]"));
        // Due by the end of the working day, or two hours after the start if that is later (a panel meeting late at night).
        assertThat(decisionRow.getText()).as("up for decision at once, and not overdue while the panel sits")
                .containsAnyOf("Due today", "On time").doesNotContain("Overdue");
        decisionRow.findElement(By.partialLinkText("Decide at panel")).click();
        browser.findElement(By.xpath("//button[contains(., 'Claim this task')]")).click();
        await().until(d -> !d.findElements(COMPLETE_TASK).isEmpty());
        checkPage("panel-decision");
        assertThat(browser.findElement(By.partialLinkText("Read the case papers")).getAttribute("href"))
                .endsWith("/panel/cases/" + reference);
        assertThat(revealed("leadProfessional")).isFalse();
        browser.findElement(By.cssSelector("input[name=panelDecision][value=MULTI_AGENCY]")).click();
        assertThat(revealed("leadProfessional")).isTrue();
        browser.findElement(By.cssSelector("input[name=panelDecision][value=MULTI_AGENCY]")).click();
        browser.findElement(By.cssSelector("input[name=leadProfessional][value=lead-professional]")).click();
        type("rationale", "Health and attendance needs: several services together.");
        type("attendees", "Chair, SEND, school nursing");
        browser.findElement(COMPLETE_TASK).click();
        await().until(d -> d.getCurrentUrl().endsWith("/tasks"));

        open("/plans/" + reference);
        checkPage("plan");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("partnerOrganisation")))
                .selectByVisibleText("Parr Family Hub parenting service");
        type("description", "Six-week parenting course for mum");
        type("dueDay", "1");
        type("dueMonth", "4");
        type("dueYear", "2060");
        browser.findElement(By.xpath("//button[contains(., 'Add action')]")).click();
        await().until(d -> text("main").contains("Six-week parenting course for mum"));
        type("outcomesSought", "Mia is on time every day.");
        type("summaryForChild", "Dear Mia, we met to help mornings go better at home.");
        type("contingency", "If nothing changes by the review, the panel meets again.");
        // Confirming without saving first, and without a review date: refused, and nothing typed is lost.
        browser.findElement(By.xpath("//button[contains(., 'Confirm the plan')]")).click();
        await().until(d -> d.getTitle().startsWith("Error: "));
        assertThat(browser.findElement(By.id("summaryForChild")).getAttribute("value"))
                .isEqualTo("Dear Mia, we met to help mornings go better at home.");
        assertThat(browser.findElements(By.cssSelector(".govuk-error-summary__list a"))).extracting(a -> a.getText())
                .containsExactly("Set a review date in the future");
        assertThat(text("#reviewDay-error")).endsWith("Set a review date in the future");
        checkPage("plan-confirm-refused");
        followErrorLink("#reviewDay");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("reviewDay");
        type("reviewDay", "1");
        type("reviewMonth", "5");
        type("reviewYear", "2060");
        browser.findElement(By.xpath("//button[contains(., 'Confirm the plan')]")).click();
        await().until(d -> text("main").contains("In progress"));
        assertThat(text("main")).contains("Thursday 1 April 2060");
        checkPage("plan-confirmed");
        signOut();

        signInAs("partner");
        openTaskAbout(reference, "Carry out plan action");
        browser.findElement(By.xpath("//button[contains(., 'Claim this task')]")).click();
        await().until(d -> !d.findElements(COMPLETE_TASK).isEmpty());
        checkPage("partner-action");
        browser.findElement(By.xpath("//a[contains(., 'Read the case summary')]")).click();
        assertThat(text("h1")).isEqualTo("Case summary: Mia Clarke");
        assertThat(text("main")).contains("Six-week parenting course for mum").contains("Dear Mia");
        checkPage("partner-case-summary");
        browser.navigate().back();
        browser.findElement(By.cssSelector("input[name=partnerUpdate][value=ACCEPTED]")).click();
        type("note", "First session booked for Tuesday.");
        browser.findElement(COMPLETE_TASK).click();
        await().until(d -> d.getCurrentUrl().endsWith("/tasks"));
        openTaskAbout(reference, "Carry out plan action");
        assertThat(browser.findElements(By.xpath("//button[contains(., 'Claim this task')]")))
                .as("the person who accepted the action keeps it for the next update").isEmpty();
        assertThat(browser.findElements(COMPLETE_TASK)).hasSize(1);
        checkPage("partner-action-kept");
    }

    @Test
    void aManagerSeesWhatHasSlippedAndMovesItToSomeoneWhoCanDoIt() {
        String reference = postJson("school-a", "/api/enquiries", org.tessa.enquiry.Enquiries.json(),
                com.fasterxml.jackson.databind.JsonNode.class).getBody().get("reference").asText();
        clock.pin(java.time.Instant.now().plus(java.time.Duration.ofDays(10)));
        signInAs("manager");
        assertThat(browser.getCurrentUrl()).endsWith("/oversight/drift");
        By row = By.xpath("//tr[td[contains(., '" + reference + "')]]");
        assertThat(browser.findElement(row).getText()).contains("Triage enquiry").contains("Overdue")
                .contains("Duty managers").contains("Nobody yet").contains("working days");
        checkPage("drift-list");
        browser.findElement(row).findElement(By.partialLinkText("Move")).click();
        await().until(d -> d.getTitle().startsWith("Move work"));
        checkPage("move-work");
        browser.findElement(By.xpath("//button[contains(., 'Move the work')]")).click();
        await().until(d -> d.getTitle().startsWith("Error: "));
        assertThat(text("#to-error").replaceAll("\\s+", " ")).isEqualTo("Error: Choose who the work goes to");
        assertThat(browser.findElement(By.xpath("//fieldset[.//input[@id='to']]")).getAttribute("aria-describedby"))
                .contains("to-error");
        checkPage("move-work-with-errors");
        followErrorLink("#to");
        assertThat(browser.switchTo().activeElement().getAttribute("name")).isEqualTo("to");
        browser.findElement(By.xpath("//label[contains(., 'Sam Patel')]")).click();
        type("reason", "Sam knows this family from an earlier enquiry.");
        browser.findElement(By.xpath("//button[contains(., 'Move the work')]")).click();
        await().until(d -> d.getTitle().startsWith("Drift list"));
        assertThat(text(".govuk-notification-banner")).contains("The work has moved");
        assertThat(browser.findElement(row).getText()).contains("Sam Patel");
        open("/oversight/workloads");
        assertThat(text("main")).contains("Sam Patel").contains("Duty managers");
        checkPage("workloads");
    }

    @Test
    void aManagerReadsTheFiguresAndWritesTheCommentaryForTheScrutinyReport() {
        postJson("school-a", "/api/enquiries", org.tessa.enquiry.Enquiries.json(), com.fasterxml.jackson.databind.JsonNode.class);
        signInAs("manager");
        open("/figures");
        await().until(d -> d.findElements(By.cssSelector(".tessa-chart")).stream().anyMatch(WebElement::isDisplayed));
        assertThat(text("main")).contains("Headlines").contains("Triaged within 1 working day").contains("Re-referral rate");
        checkPage("dashboard");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("period"))).selectByIndex(0);
        browser.findElement(By.xpath("//button[contains(., 'Show the figures')]")).click();
        await().until(d -> d.findElement(By.cssSelector(".govuk-caption-l")).getText().startsWith("This quarter")
                || !d.findElement(By.cssSelector(".govuk-caption-l")).getText().isEmpty());
        assertThat(text("#by-week-heading")).isEqualTo("Enquiries by week");
        assertThat(browser.findElement(By.xpath("//figure[.//h2[@id='by-week-heading']]//tbody")).getText())
                .as("this quarter so far holds the enquiry just raised").isNotBlank();
        browser.findElement(By.partialLinkText("The scrutiny report")).click();
        await().until(d -> d.getTitle().startsWith("Scrutiny report"));
        browser.findElement(By.xpath("//button[contains(., 'Save the commentary')]")).click();
        await().until(d -> d.getTitle().startsWith("Error: "));
        assertErrorBesideField("commentary", "Write the commentary, in up to 10,000 characters");
        checkPage("scrutiny-report-with-errors");
        type("commentary", "Contacts rose after the September return to school; triage kept within a working day.");
        browser.findElement(By.xpath("//button[contains(., 'Save the commentary')]")).click();
        await().until(d -> text(".govuk-notification-banner").contains("The commentary is saved"));
        assertThat(text("main")).contains("Contacts rose after the September return").contains("Acronyms used in this report")
                .contains("multi-agency safeguarding hub");
        assertThat(browser.findElement(By.partialLinkText("Download the report (PDF)")).getAttribute("href"))
                .contains("/figures/report.pdf?from=");
        checkPage("scrutiny-report");
    }

    @Test
    void anAdministratorKeepsTheSchoolsTheGlossaryAndTheApiKeys() {
        signInAs("admin");
        open("/admin/schools");
        browser.findElement(By.xpath("//button[contains(., 'Import the schools')]")).click();
        await().until(d -> d.getTitle().startsWith("Error: "));
        assertThat(text("#file-error")).contains("Choose the GIAS extract");
        checkPage("schools-with-errors");
        type("urn", "9000077");
        type("name", "Sutton Alternative Provision");
        browser.findElement(By.xpath("//button[contains(., 'Add the school')]")).click();
        await().until(d -> text(".govuk-notification-banner").contains("is in the register"));
        checkPage("schools");

        open("/admin/glossary");
        type("term", "CAMHS");
        type("meaning", "child and adolescent mental health services");
        browser.findElement(By.xpath("//button[contains(., 'Add to the glossary')]")).click();
        await().until(d -> text(".govuk-notification-banner").contains("CAMHS is in the glossary"));
        checkPage("glossary");

        open("/admin/api-keys");
        type("name", "MASH case system");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("account"))).selectByValue("mash-system");
        browser.findElement(By.xpath("//button[contains(., 'Issue the key')]")).click();
        await().until(d -> !d.findElements(By.id("token")).isEmpty());
        assertThat(text("#token")).startsWith("tessa_");
        checkPage("api-key-issued");

        open("/admin/accounts/new");
        browser.findElement(By.xpath("//button[contains(., 'Send the invitation')]")).click();
        await().until(d -> d.getTitle().startsWith("Error: "));
        assertErrorBesideField("displayName", "Enter the person's name, in up to 200 characters");
        checkPage("invite-with-errors");
        type("username", "ria.stone");
        type("displayName", "Ria Stone (panel member)");
        type("email", "ria.stone@council.example.org");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("role"))).selectByValue("PANEL_MEMBER");
        browser.findElement(By.xpath("//button[contains(., 'Send the invitation')]")).click();
        await().until(d -> text(".govuk-notification-banner").contains("Ria Stone (panel member) is invited"));
        checkPage("accounts");
        signOut();

        var invitation = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Arrays
                .stream(MAIL.getReceivedMessages()).filter(m -> com.icegreen.greenmail.util.GreenMailUtil.getBody(m)
                        .contains("ria.stone")).findFirst(), java.util.Optional::isPresent).orElseThrow();
        var link = java.util.regex.Pattern.compile("(/account/password\\?token=[A-Za-z0-9_\\-]+)")
                .matcher(com.icegreen.greenmail.util.GreenMailUtil.getBody(invitation).replace("=\r\n", ""));
        assertThat(link.find()).isTrue();
        open(link.group(1));
        type("password", "password1234");
        type("repeated", "password1234");
        browser.findElement(By.xpath("//button[contains(., 'Set my password')]")).click();
        await().until(d -> d.getTitle().startsWith("Error: "));
        assertErrorBesideField("password", "That password is one of the most used, and easy to guess: choose another");
        checkPage("choose-password-with-errors");
        type("password", "lighthouse marmalade otter");
        type("repeated", "lighthouse marmalade otter");
        browser.findElement(By.xpath("//button[contains(., 'Set my password')]")).click();
        await().until(d -> d.getCurrentUrl().contains("/login?passwordSet"));
        type("username", "ria.stone");
        type("password", "lighthouse marmalade otter");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().until(d -> !d.getCurrentUrl().contains("/login"));
        signOut();
        browser.findElement(By.linkText("Forgotten your password?")).click();
        checkPage("forgotten-password");
        type("who", "ria.stone");
        browser.findElement(By.xpath("//button[contains(., 'Email me a link')]")).click();
        await().until(d -> d.getTitle().startsWith("Check your email"));
        checkPage("check-your-email");
    }

    @Test
    void aCouncilReadsAnEnquiryTheRetentionScheduleHasAnonymised() {
        var enquiry = org.tessa.enquiry.Enquiries.json();
        @SuppressWarnings("unchecked")
        var child = (java.util.Map<String, Object>) enquiry.get("child");
        child.put("firstName", "Kacper");
        child.put("dateOfBirth", "2008-03-01");
        String reference = postJson("school-a", "/api/enquiries", enquiry, com.fasterxml.jackson.databind.JsonNode.class)
                .getBody().get("reference").asText();
        assertThat(postJson("school-a", "/api/enquiries/" + reference + "/withdrawal",
                java.util.Map.of("reason", "Kacper's family moved away."), String.class).getStatusCode().value()).isEqualTo(200);
        clock.pin(java.time.Instant.parse("2033-03-02T02:30:00Z"));
        retention.anonymiseDue();

        signInAs("duty-manager");
        open("/enquiries/" + reference);
        assertThat(text("#anonymised")).contains("This enquiry was anonymised on Wednesday 2 March 2033");
        assertThat(text("main")).contains("Anonymised child").contains("Withdrawn").doesNotContain("Kacper");
        checkPage("anonymised-enquiry");
        browser.findElement(By.linkText("Read the chronology")).click();
        assertThat(text("table")).contains("Enquiry withdrawn").contains("Anonymised under the retention schedule")
                .doesNotContain("Kacper");
        assertThat(browser.findElements(By.id("text"))).as("no case note can be added to it").isEmpty();
        checkPage("anonymised-chronology");
    }

    @Test
    void anAdministratorSearchesTheAuditLogForAChild() {
        String reference = postJson("school-a", "/api/enquiries", org.tessa.enquiry.Enquiries.json(),
                com.fasterxml.jackson.databind.JsonNode.class).getBody().get("reference").asText();
        signInAs("admin");
        open("/admin/audit");
        checkPage("audit-log");
        type("child", "Noah Fenwick");
        type("fromDay", "31");
        type("fromMonth", "2");
        type("fromYear", "2026");
        browser.findElement(By.xpath("//button[contains(., 'Search the audit log')]")).click();
        await().until(d -> d.getTitle().startsWith("Error: "));
        assertThat(text("#fromDay-error").replaceAll("\\s+", " ")).isEqualTo("Error: Enter the first day as a real date, like 1 11 2026");
        assertThat(browser.findElement(By.xpath("//fieldset[.//input[@id='fromDay']]")).getAttribute("aria-describedby"))
                .contains("fromDay-error");
        assertThat(browser.findElement(By.id("fromDay")).getAttribute("class")).contains("govuk-input--error");
        checkPage("audit-log-with-errors");
        type("fromDay", "1");
        type("fromMonth", "1");
        browser.findElement(By.xpath("//button[contains(., 'Search the audit log')]")).click();
        await().until(d -> !d.findElements(By.cssSelector("table")).isEmpty());
        assertThat(text("table")).contains(reference).contains("school-a");
        checkPage("audit-log-found");
    }

    @Test
    void aSchoolRaisesAnEnquiryWithTheKeyboardAlone() {
        open("/login");
        tabTo("username");
        keys("school-a", Keys.TAB, "demo", Keys.ENTER);
        await().until(d -> !d.getCurrentUrl().contains("/login"));
        open("/enquiries/new");
        tabTo("childFirstName");
        keys("Leo", Keys.TAB, "Shaw");
        tabTo("dobDay");
        keys("3", Keys.TAB, "9", Keys.TAB, "2017");
        tabTo("concerns");
        keys(Keys.SPACE);
        assertTicked(browser.switchTo().activeElement());
        tabTo("summary");
        keys("Leo has stopped eating lunch and sits alone at break.");
        tabTo("immediateRisk");
        keys(Keys.ARROW_DOWN);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("arrows move between radios").isEqualTo("immediateRisk-2");
        assertTicked(browser.switchTo().activeElement());
        tabTo("consent");
        keys(Keys.SPACE);
        tabTo("referrerName");
        keys("Amira Khan", Keys.TAB, "DSL", Keys.TAB, "amira.khan@parrmeadow.example.org");
        checkPage("keyboard-enquiry-filled-in");
        tabToButton("Send enquiry");
        keys(Keys.ENTER);
        await().until(d -> d.getCurrentUrl().matches(".*/enquiries/TES-\\d{4}-\\d{6}"));
        assertThat(text("main")).contains("Leo Shaw").contains("Waiting for a duty manager");
    }

    /** Whether the GOV.UK conditional reveal holding the field is open (GOV.UK's boxes themselves are transparent). */
    private boolean revealed(String id) {
        return browser.findElement(By.xpath("//div[contains(@class, 'govuk-radios__conditional')][.//*[@id='" + id + "']]"))
                .isDisplayed();
    }

    /** Presses Tab until the field has focus, checking that every stop on the way shows where the focus is. */
    private void tabTo(String id) {
        for (int presses = 0; presses < 80; presses++) {
            if (id.equals(browser.switchTo().activeElement().getAttribute("id"))) {
                return;
            }
            keys(Keys.TAB);
            assertFocusVisible(browser.switchTo().activeElement());
        }
        throw new AssertionError("Tab never reached " + id);
    }

    private void tabToButton(String text) {
        for (int presses = 0; presses < 80; presses++) {
            var focused = browser.switchTo().activeElement();
            if ("button".equals(focused.getTagName()) && focused.getText().contains(text)) {
                return;
            }
            keys(Keys.TAB);
            assertFocusVisible(browser.switchTo().activeElement());
        }
        throw new AssertionError("Tab never reached the button " + text);
    }

    /** Typed into whatever has focus, as a person at the keyboard does. */
    private void keys(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(keys).perform();
    }

    /**
     * GOV.UK's focus state: yellow (#ffdd00) in the element's outline, shadow or background, or in the ring its
     * label draws for a checkbox or radio.
     */
    private void assertFocusVisible(org.openqa.selenium.WebElement focused) {
        String styles = (String) ((JavascriptExecutor) browser).executeScript("""
                const e = arguments[0], s = getComputedStyle(e);
                const label = e.nextElementSibling && e.nextElementSibling.tagName === 'LABEL'
                    ? getComputedStyle(e.nextElementSibling, '::before').boxShadow : '';
                return [s.outlineColor + ' ' + s.outlineStyle, s.boxShadow, s.backgroundColor, label].join(' | ');""",
                focused);
        assertThat(styles).as("focus shown on " + focused.getAttribute("outerHTML"))
                .contains("rgb(255, 221, 0)");
    }

    /** Opens the task about the enquiry from the task list, once the process has put it there. */
    private void openTaskAbout(String reference, String taskName) {
        By link = By.xpath("//tr[td[contains(., '" + reference + "')]]//a[contains(., '" + taskName + "')]");
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(d -> {
            open("/tasks?sort=NEWEST");
            return !d.findElements(link).isEmpty();
        });
        browser.findElement(link).click();
    }

    /** An enquiry about Mia, triaged to the Ways Forward Panel through the API. */
    private String referredToPanel() {
        var enquiry = org.tessa.enquiry.Enquiries.json();
        @SuppressWarnings("unchecked")
        var child = (java.util.Map<String, Object>) enquiry.get("child");
        child.put("firstName", "Mia");
        child.put("lastName", "Clarke");
        String reference = postJson("school-a", "/api/enquiries", enquiry, com.fasterxml.jackson.databind.JsonNode.class)
                .getBody().get("reference").asText();
        var duty = person("duty-manager");
        var task = taskList.workOn(duty, reference).get(0);
        taskList.claim(task.id(), duty);
        taskList.complete(task.id(), duty, java.util.Map.of("triageOutcome", "REFER_TO_PANEL",
                "advice", "Several services should work together for Mia.", "levelOfNeed", "SPECIALIST"));
        return reference;
    }

    private void signInAs(String username) {
        open("/login");
        type("username", username);
        type("password", "demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void signOut() {
        browser.findElement(By.xpath("//button[contains(., 'Sign out')]")).click();
        await().until(d -> d.getCurrentUrl().contains("/login"));
    }

    private void open(String path) {
        browser.get(http.getRootUri() + path);
    }

    private void type(String id, String value) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private String text(String css) {
        return await().until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    private WebDriverWait await() {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** A step of the journey: its screenshot saved under target/screenshots/, and no accessibility failure. */
    private void checkPage(String step) {
        screenshot(step);
        assertAccessibleAtAnyImpact();
        assertNothingScrollsSidewaysOnAPhone();
        assertNothingRefusedByTheContentSecurityPolicy();
    }

    /** The page's scripts, styles, fonts and images all come from where the Content-Security-Policy allows. */
    private void assertNothingRefusedByTheContentSecurityPolicy() {
        var refused = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        assertThat(refused).as("refused by the Content-Security-Policy on " + browser.getCurrentUrl()).isEmpty();
    }

    /** At 320 CSS pixels wide (WCAG 1.4.10 reflow) the page fits: tables stack, nothing pushes it sideways. */
    private void assertNothingScrollsSidewaysOnAPhone() {
        var window = browser.manage().window();
        Dimension size = window.getSize();
        try {
            window.setSize(new Dimension(320, size.getHeight()));
            Object overflow = ((JavascriptExecutor) browser).executeScript("""
                    const page = document.documentElement;
                    if (page.scrollWidth <= page.clientWidth) return null;
                    const wide = [...document.querySelectorAll('main *')]
                        .filter(e => e.getBoundingClientRect().right > page.clientWidth + 1)
                        .map(e => e.tagName + '.' + e.className);
                    return page.scrollWidth + ' > ' + page.clientWidth + ': ' + wide.slice(0, 5).join(', ');""");
            assertThat(overflow).as("sideways scroll at 320px on " + browser.getCurrentUrl()).isNull();
        } finally {
            window.setSize(size);
        }
    }

    /** The whole page as a person sees it, the window stretched to the page's height for the picture. */
    private void screenshot(String step) {
        var js = (JavascriptExecutor) browser;
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
        var window = browser.manage().window();
        Dimension size = window.getSize();
        try {
            window.setSize(new Dimension(size.getWidth(), (int) Math.min(Math.max(height + 150, size.getHeight()), 8000)));
            Path file = SCREENSHOTS.resolve(testName + "-" + String.format("%02d", ++steps) + "-" + step + ".png");
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException unwritable) {
            throw new java.io.UncheckedIOException(unwritable);
        } finally {
            window.setSize(size);
        }
    }

    /** The field's error message is beside it, and named by its aria-describedby (or its fieldset's). */
    private void assertErrorBesideField(String id, String message) {
        var field = browser.findElement(By.id(id));
        var error = browser.findElement(By.id(id + "-error"));
        assertThat(error.getText().replaceAll("\\s+", " ")).isEqualTo("Error: " + message);
        assertThat(error.isDisplayed()).isTrue();
        assertThat(field.getAttribute("aria-describedby")).as("aria-describedby of " + id).contains(id + "-error");
        var group = field.findElement(By.xpath("ancestor::div[contains(@class, 'govuk-form-group')][1]"));
        assertThat(group.getAttribute("class")).contains("govuk-form-group--error");
        assertThat(group.findElements(By.id(id + "-error"))).as("the message is in the field's own group").hasSize(1);
    }

    /** Clicks the error summary's link to the anchor, as a person would. */
    private void followErrorLink(String anchor) {
        browser.findElement(By.cssSelector(".govuk-error-summary__list a[href='" + anchor + "']")).click();
    }

    /** The box or radio is checked and drawn so: GOV.UK draws the tick (or dot) as its label's ::after. */
    private void assertTicked(org.openqa.selenium.WebElement input) {
        assertThat(input.isSelected()).isTrue();
        assertThat(labelPseudo(input, "::after", "opacity")).as("the tick of " + input.getAttribute("id") + " is drawn")
                .isEqualTo("1");
    }

    private void assertNotTicked(org.openqa.selenium.WebElement input) {
        assertThat(input.isSelected()).isFalse();
        assertThat(labelPseudo(input, "::after", "opacity")).isEqualTo("0");
    }

    /** GOV.UK draws the focus ring round the box as its label's ::before, in yellow (#ffdd00). */
    private void assertFocusRingDrawn(org.openqa.selenium.WebElement input) {
        assertThat(browser.switchTo().activeElement()).isEqualTo(input);
        assertThat(labelPseudo(input, "::before", "box-shadow")).as("the focus ring of " + input.getAttribute("id"))
                .contains("rgb(255, 221, 0)");
    }

    /** A computed style of the input's own label's pseudo-element; the label must follow the input directly. */
    private String labelPseudo(org.openqa.selenium.WebElement input, String pseudo, String property) {
        return (String) ((JavascriptExecutor) browser).executeScript("""
                const label = arguments[0].nextElementSibling;
                if (!label || label.tagName !== 'LABEL' || label.htmlFor !== arguments[0].id) return 'no label next to the input';
                return getComputedStyle(label, arguments[1]).getPropertyValue(arguments[2]);""", input, pseudo, property);
    }

    /** axe-core finds no violation of WCAG 2.2 A or AA at any impact, minor included. */
    private void assertAccessibleAtAnyImpact() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze(browser);
        assertThat(results.getViolations()).as("accessibility on " + browser.getCurrentUrl()).extracting(Rule::getId)
                .isEmpty();
    }
}
