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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tessa.TessaIntegrationTest;

/**
 * A school and a duty manager in a real browser (Debian's Chromium, headless): the enquiry form with its
 * error summary, triage, the school's answer, and no serious accessibility failures (axe-core) on the way.
 * Skipped where the machine has no Chromium; .ci/run installs it.
 */
class BrowserJourneyTest extends TessaIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private WebDriver browser;

    @org.springframework.beans.factory.annotation.Autowired
    org.tessa.tasklist.TaskList taskList;

    @BeforeEach
    void openBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are needed (apt-get install chromium chromium-driver)");
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-sync",
                "--disable-component-update", "--no-first-run", "--window-size=1200,900");
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
        signInAs("school-a");
        open("/enquiries/new");
        assertAccessible();
        browser.findElement(By.xpath("//button[contains(., 'Send enquiry')]")).click();
        assertThat(text(".govuk-error-summary")).contains("There is a problem").contains("Enter the child's first name");
        assertAccessible();

        type("childFirstName", "Mia");
        type("childLastName", "Clarke");
        type("dobDay", "12");
        type("dobMonth", "6");
        type("dobYear", "2016");
        browser.findElement(By.cssSelector("input[name=concerns][value=ATTENDANCE]")).click();
        type("summary", "Mia has been late every day for two weeks and falls asleep in class.");
        browser.findElement(By.id("immediateRisk2")).click();
        browser.findElement(By.cssSelector("input[name=consent][value=GIVEN]")).click();
        type("referrerName", "Amira Khan");
        type("referrerRole", "DSL");
        type("referrerEmail", "amira.khan@parrmeadow.example.org");
        browser.findElement(By.xpath("//button[contains(., 'Send enquiry')]")).click();
        await().until(d -> d.getCurrentUrl().matches(".*/enquiries/TES-\\d{4}-\\d{6}"));

        String reference = text("h1").replace("Enquiry ", "");
        assertThat(reference).matches("TES-\\d{4}-\\d{6}");
        assertThat(text("main")).contains("Waiting for a duty manager").contains("Mia Clarke");
        assertAccessible();
        signOut();

        signInAs("duty-manager");
        open("/tasks?view=UNCLAIMED&sort=NEWEST");
        browser.findElement(By.xpath("//tr[td[contains(., '" + reference + "')]]//a")).click();
        browser.findElement(By.xpath("//button[contains(., 'Claim this task')]")).click();
        await().until(d -> !d.findElements(By.xpath("//button[contains(., 'Complete task')]")).isEmpty());
        assertThat(text("main")).contains("Suggested route").contains("Earlier enquiries about this child");
        assertAccessible();
        browser.findElement(By.cssSelector("input[name=triageOutcome][value=ADVICE_GIVEN]")).click();
        type("advice-input", "Agree a bedtime routine with mum and offer breakfast club.");
        browser.findElement(By.cssSelector("input[name=levelOfNeed][value=UNIVERSAL]")).click();
        browser.findElement(By.xpath("//button[contains(., 'Complete task')]")).click();
        await().until(d -> d.getCurrentUrl().endsWith("/tasks"));
        assertThat(text(".govuk-notification-banner")).contains(reference);
        signOut();

        signInAs("school-a");
        open("/enquiries/" + reference);
        assertThat(text("main")).contains("Closed").contains("Agree a bedtime routine with mum");
    }

    @Test
    void aSchoolAddsInformationReadsTheChronologyAndWithdrawsItsEnquiry() {
        String reference = postJson("school-a", "/api/enquiries", org.tessa.enquiry.Enquiries.json(),
                com.fasterxml.jackson.databind.JsonNode.class).getBody().get("reference").asText();

        signInAs("school-a");
        open("/enquiries/" + reference);
        browser.findElement(By.linkText("Add information")).click();
        browser.findElement(By.xpath("//button[contains(., 'Add the information')]")).click();
        assertThat(browser.getTitle()).startsWith("Error: ");
        assertThat(text("#text-error")).startsWith("Error:").endsWith("Write what you have learnt since you raised the enquiry");
        assertAccessibleAtAnyImpact();
        type("text", "Noah told his teacher that his dad has moved out.");
        browser.findElement(By.xpath("//button[contains(., 'Add the information')]")).click();
        await().until(d -> d.getCurrentUrl().endsWith("/enquiries/" + reference));
        assertThat(text("main")).contains("Your information is added").contains("his dad has moved out");

        browser.findElement(By.linkText("Read the chronology")).click();
        assertThat(text("h1")).isEqualTo("Chronology");
        assertThat(text("table")).contains("Enquiry received").contains("Information added by the school");
        assertAccessibleAtAnyImpact();

        open("/enquiries/" + reference);
        browser.findElement(By.linkText("Withdraw the enquiry")).click();
        browser.findElement(By.xpath("//button[contains(., 'Withdraw the enquiry')]")).click();
        browser.findElement(By.cssSelector(".govuk-error-summary a")).click();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("the error link moves focus to the field")
                .isEqualTo("reason");
        assertAccessibleAtAnyImpact();
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
        assertAccessibleAtAnyImpact();
    }

    @Test
    void thePanelDecidesAPlanIsWrittenAndAPartnerPicksUpItsAction() {
        String reference = referredToPanel();

        signInAs("panel-member");
        open("/panel/meetings/new");
        assertAccessible();
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
        assertAccessible();
        browser.findElement(By.xpath("//button[contains(., 'Start the meeting now')]")).click();
        await().until(d -> text(".govuk-notification-banner").contains("The meeting has started"));

        openTaskAbout(reference, "Decide at panel");
        browser.findElement(By.xpath("//button[contains(., 'Claim this task')]")).click();
        await().until(d -> !d.findElements(By.xpath("//button[contains(., 'Complete task')]")).isEmpty());
        assertAccessible();
        browser.findElement(By.cssSelector("input[name=panelDecision][value=MULTI_AGENCY]")).click();
        browser.findElement(By.cssSelector("input[name=leadProfessional][value=lead-professional]")).click();
        type("rationale-input", "Health and attendance needs: several services together.");
        type("attendees-input", "Chair, SEND, school nursing");
        browser.findElement(By.xpath("//button[contains(., 'Complete task')]")).click();
        await().until(d -> d.getCurrentUrl().endsWith("/tasks"));

        open("/plans/" + reference);
        assertAccessible();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("partnerOrganisation")))
                .selectByVisibleText("Parr Family Hub parenting service");
        type("description-input", "Six-week parenting course for mum");
        type("dueDay", "1");
        type("dueMonth", "4");
        type("dueYear", "2060");
        browser.findElement(By.xpath("//button[contains(., 'Add action')]")).click();
        await().until(d -> text("main").contains("Six-week parenting course for mum"));
        type("outcomesSought-input", "Mia is on time every day.");
        type("summaryForChild-input", "Dear Mia, we met to help mornings go better at home.");
        type("contingency-input", "If nothing changes by the review, the panel meets again.");
        type("reviewDay-input", "1");
        type("reviewMonth", "5");
        type("reviewYear", "2060");
        browser.findElement(By.xpath("//button[contains(., 'Save the plan')]")).click();
        await().until(d -> text(".govuk-notification-banner").contains("The plan is saved"));
        browser.findElement(By.xpath("//button[contains(., 'Confirm the plan')]")).click();
        await().until(d -> text("main").contains("In progress"));
        signOut();

        signInAs("partner");
        openTaskAbout(reference, "Carry out plan action");
        browser.findElement(By.xpath("//button[contains(., 'Claim this task')]")).click();
        await().until(d -> !d.findElements(By.xpath("//button[contains(., 'Complete task')]")).isEmpty());
        assertAccessible();
        browser.findElement(By.xpath("//a[contains(., 'Read the case summary')]")).click();
        assertThat(text("h1")).isEqualTo("Case summary: Mia Clarke");
        assertThat(text("main")).contains("Six-week parenting course for mum").contains("Dear Mia");
        assertAccessible();
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

    /** No serious or critical failures of WCAG 2.2 A and AA on the page as it stands. */
    private void assertAccessible() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze(browser);
        assertThat(results.getViolations()).as("accessibility on " + browser.getCurrentUrl())
                .filteredOn(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .extracting(Rule::getId).isEmpty();
    }

    /** axe-core finds no violation of WCAG 2.2 A or AA at any impact, minor included. */
    private void assertAccessibleAtAnyImpact() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze(browser);
        assertThat(results.getViolations()).as("accessibility on " + browser.getCurrentUrl()).extracting(Rule::getId)
                .isEmpty();
    }
}
