package fr.artisanat.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import fr.artisanat.platform.testing.Tokens;

/**
 * A person logs in at the gateway's Swagger UI and tries an operation, in Debian's headless Chromium driven through
 * ChromeDriver ({@link Chromium}): Authorize with the realm's public client {@code partnerships-web} (authorization code
 * flow with PKCE), log in on Keycloak's own login page as the Métropole's demo officer, come back, then "Try it out" on
 * "list conventions". The answer shown is 200 with the convention of the officer's authority and without the one of
 * another authority: the token went along, and the service scoped the list by it. Nothing is faked: the realm of
 * {@code ./suite test}, whose redirect URI names the gateway's port ({@link RunningSuite}), the services behind it.
 */
@ExtendWith(RunningSuite.class)
class SwaggerUiLoginIT {

    private static final Duration STEP = Duration.ofSeconds(60);
    private static final String USER = "metropole-officer";
    private static final String METROPOLE_SIREN = "200054807";
    private static final String VALENCE_ROMANS_SIREN = "200068781";
    private static final By AUTHORIZATION_CODE_SCHEME =
            By.xpath("//div[contains(@class,'auth-container')][.//h4[contains(.,'oauth2AuthorizationCode')]]");
    private static final By LIST_CONVENTIONS = By.id("operations-Conventions-listConventions");

    @Test
    void aDemoUserLogsInAndListsTheConventionsOfTheirAuthority(@TempDir Path profile) {
        int gateway = RunningSuite.gateway().port();
        String title = "Convention Swagger UI " + Long.toString(System.nanoTime(), 36);
        String chamber = Drafts.chamber(gateway, "CMA Swagger UI");
        String metropoles = Drafts.convention(gateway, authorityBySiren(gateway, METROPOLE_SIREN), chamber, title);
        String anothers = Drafts.convention(gateway, authorityBySiren(gateway, VALENCE_ROMANS_SIREN), chamber, title);

        WebDriver browser = start(profile);
        try {
            WebDriverWait wait = new WebDriverWait(browser, STEP);
            browser.get("http://localhost:" + gateway + "/q/swagger-ui/");
            String swaggerUi = browser.getWindowHandle();
            click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-wrapper .btn.authorize"))));

            WebElement scheme = wait.until(ExpectedConditions.visibilityOfElementLocated(AUTHORIZATION_CODE_SCHEME));
            assertEquals("partnerships-web", scheme.findElement(By.id("client_id_authorizationCode")).getDomProperty("value"));
            click(browser, scheme.findElement(By.cssSelector("button[aria-label='Apply given OAuth2 credentials']")));

            // Keycloak's login page, in the window Swagger UI opened; it closes once Keycloak sent the code back
            wait.until(ExpectedConditions.numberOfWindowsToBe(2));
            browser.switchTo().window(browser.getWindowHandles().stream().filter(w -> !w.equals(swaggerUi)).findFirst().orElseThrow());
            await(browser, ExpectedConditions.visibilityOfElementLocated(By.id("username")), "Keycloak's login page").sendKeys(USER);
            browser.findElement(By.id("password")).sendKeys(Tokens.password(USER));
            browser.findElement(By.id("kc-login")).click();
            await(browser, ExpectedConditions.numberOfWindowsToBe(1), "the return from Keycloak to Swagger UI");
            browser.switchTo().window(swaggerUi);
            await(browser, d -> d.findElement(AUTHORIZATION_CODE_SCHEME)
                    .findElements(By.cssSelector("button[aria-label='Remove authorization']")).size() == 1, "Swagger UI's token");
            click(browser, browser.findElement(By.cssSelector(".modal-ux .close-modal")));

            WebElement operation = wait.until(ExpectedConditions.elementToBeClickable(LIST_CONVENTIONS));
            click(browser, operation.findElement(By.cssSelector(".opblock-summary-control")));
            click(browser, wait.until(ExpectedConditions.elementToBeClickable(operation.findElement(By.cssSelector(".try-out__btn")))));
            operation.findElement(By.cssSelector("tr[data-param-name='q'] input")).sendKeys(title);
            click(browser, operation.findElement(By.cssSelector(".btn.execute")));

            WebElement answer = await(browser, ExpectedConditions.visibilityOfNestedElementsLocatedBy(operation,
                    By.cssSelector(".live-responses-table tr.response")), "the answer").get(0);
            String status = answer.findElement(By.cssSelector(".response-col_status")).getText();
            String body = answer.findElement(By.cssSelector(".response-col_description pre")).getText();
            assertTrue(status.startsWith("200"), "the status shown: " + status + ", body: " + body);
            assertTrue(body.contains(metropoles), "the Métropole's convention " + metropoles + " is listed: " + body);
            assertFalse(body.contains(anothers), "another authority's convention " + anothers + " is not: " + body);
        } finally {
            browser.quit();
        }
    }

    private static String authorityBySiren(int gateway, String siren) {
        return given().port(gateway).get("/v1/authorities?q=" + siren).then().statusCode(200).extract().path("items[0].id");
    }

    /** Debian's Chromium through Debian's ChromeDriver (given, so Selenium Manager never looks for a driver online). */
    private static WebDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions().setBinary(Chromium.program("chromium"));
        options.addArguments(Chromium.flags(profile));
        options.addArguments("--window-size=1280,1024");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(Chromium.program("chromedriver")))
                .withLogFile(Path.of("target", "it-logs", "chromedriver.log").toFile()).build();
        return new ChromeDriver(driver, options);
    }

    /** A click as a person makes it: on the element scrolled to the middle of the window (not under a header or the modal's edge). */
    private static void click(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Waits for a step of the login; when it does not come, says which, with the start of every window open then. */
    private static <T> T await(WebDriver browser, Function<WebDriver, T> condition, String step) {
        try {
            return new WebDriverWait(browser, STEP).until(condition);
        } catch (TimeoutException e) {
            StringBuilder windows = new StringBuilder();
            for (String window : browser.getWindowHandles()) {
                browser.switchTo().window(window);
                String text = browser.findElement(By.tagName("body")).getText();
                windows.append("\n--- ").append(browser.getCurrentUrl()).append('\n')
                        .append(text, 0, Math.min(text.length(), 1000));
            }
            throw new AssertionError(step + " did not come within " + STEP + "; the windows:" + windows, e);
        }
    }
}
