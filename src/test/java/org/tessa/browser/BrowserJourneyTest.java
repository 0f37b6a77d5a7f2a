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
}
