package org.nadi.platform.distribution;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through its chromedriver, both Debian's ({@code chromium} and
 * {@code chromium-driver}), for the browser tests and the workbench benchmark.
 *
 * <p>Both executables are given explicitly, so Selenium Manager never looks for (or downloads)
 * a browser or a driver. The browser's console is recorded, so that a test can fail on the
 * JavaScript errors and content security policy violations the page met.
 */
public final class Browser implements AutoCloseable {

    /** The browser and its driver; {@code -Dnadi.chromium=…} and {@code -Dnadi.chromedriver=…} name others. */
    static final Path CHROMIUM = Path.of(System.getProperty("nadi.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("nadi.chromedriver", "/usr/bin/chromedriver"));

    /** The desktop layout the workbench is designed for. */
    public static final Dimension DESKTOP = new Dimension(1280, 800);
    /** A phone's screen, where the navigation becomes a drawer. */
    public static final Dimension PHONE = new Dimension(390, 844);

    private static final Duration WAIT = Duration.ofSeconds(10);
    /**
     * Selenium warns at every start that it has no DevTools binding for this Chromium's version;
     * nothing here uses one (the benchmark's two DevTools commands go through chromedriver).
     * Kept in a field: java.util.logging holds its loggers weakly.
     */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    private final String baseUrl;
    private final ChromeDriver driver;
    private final List<String> console = new ArrayList<>();

    private Browser(String baseUrl, ChromeDriver driver) {
        this.baseUrl = baseUrl;
        this.driver = driver;
    }

    /** Starts a browser for the runtime's pages, with a 1280×800 viewport. */
    public static Browser start(NadiRuntime runtime) {
        return start("http://127.0.0.1:" + runtime.port());
    }

    /** Starts a browser for the pages at this address ({@code http://host:port}, no trailing slash). */
    public static Browser start(String baseUrl) {
        requireInstalled();
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
                // Nothing but the runtime on loopback: no sign-in to Google, no updates, no first-run pages.
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--disable-sync", "--disable-component-update", "--lang=en-GB");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        Browser browser = new Browser(baseUrl, driver);
        browser.resize(DESKTOP);
        return browser;
    }

    /**
     * Fails, saying how to install them, when the browser or its driver is missing: a machine
     * without them must not pass the browser tests by skipping them.
     */
    static void requireInstalled() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM + " (Debian package chromium)");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add(CHROMEDRIVER + " (Debian package chromium-driver)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The browser tests need Chromium and its driver, and these are missing: "
                    + String.join(", ", missing) + ". Install them as root with"
                    + " 'apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver fonts-liberation'"
                    + " (.ci/run does so), or name others with -Dnadi.chromium=… and -Dnadi.chromedriver=….");
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    // ---- pages and signing in ------------------------------------------------------------

    /** Loads a page of the runtime, e.g. {@code /} or {@code /#/example/notes}. */
    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Forgets the session and whatever the pages kept: the next page shows the sign-in form. */
    public void forgetSession() {
        // Cookies and storage can be cleared only from a page of the same origin.
        open("/api/v1/health");
        driver.manage().deleteAllCookies();
        script("localStorage.clear(); sessionStorage.clear()");
    }

    /** Loads {@code /} without a session and fills in and submits the sign-in form. */
    public void submitSignIn(String username, String password) {
        forgetSession();
        open("/");
        WebElement name = waitFor(By.cssSelector("form#sign-in input#username"));
        name.clear();
        name.sendKeys(username);
        WebElement secret = driver.findElement(By.cssSelector("form#sign-in input#password"));
        secret.clear();
        secret.sendKeys(password);
        secret.sendKeys(Keys.ENTER);
    }

    /** Signs in through the page and waits for the workbench's home view. */
    public void signIn(String username, String password) {
        submitSignIn(username, password);
        waitUntil("the workbench shows " + username + " as signed in",
                page -> username.equals(textOf("#user-name")) && present("[data-view-root=\"home\"]"));
    }

    /**
     * Shows the home view signed in as this test account (password from {@link Accounts}),
     * signing in only if the page does not show that user signed in already.
     */
    public void homeAs(String username) {
        if (username.equals(textOf("#user-name"))) {
            go("");
        } else {
            signIn(username, Accounts.passwordOf(username));
        }
        waitFor("[data-view-root=\"home\"]");
    }

    /** Opens a route of the open workbench through its address, as a link would. */
    public void go(String route) {
        script("location.hash = arguments[0]", "#/" + route);
    }

    /** Waits until the home view has rendered all its widgets. */
    public void awaitHomeRendered() {
        waitUntil("the home view is fully rendered (body[data-home-rendered=true])",
                page -> "true".equals(script("return document.body && document.body.dataset.homeRendered")));
    }

    // ---- finding and waiting -------------------------------------------------------------

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean present(String css) {
        return !all(css).isEmpty();
    }

    // These two ask in one script, so that a view re-rendering between finding an element and
    // reading it cannot make the reference stale.

    /** Whether an element matching the selector is shown. */
    public boolean shown(String css) {
        return Boolean.TRUE.equals(script(
                "return [...document.querySelectorAll(arguments[0])].some(e => e.checkVisibility({ visibilityProperty: true }))", css));
    }

    /** The rendered text of the first element matching the selector, or null if there is none. */
    public String textOf(String css) {
        return (String) script("const e = document.querySelector(arguments[0]); return e === null ? null : e.innerText.trim()", css);
    }

    /** Waits up to 10 s for an element and answers it. */
    public WebElement waitFor(By locator) {
        return waitUntil("an element " + locator + " is present", page -> {
            List<WebElement> found = page.findElements(locator);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    public WebElement waitFor(String css) {
        return waitFor(By.cssSelector(css));
    }

    /** Waits for an element and clicks it, finding it again if a view replaced it in between. */
    public void click(String css) {
        waitUntil("an element " + css + " can be clicked", page -> {
            List<WebElement> found = page.findElements(By.cssSelector(css));
            if (found.isEmpty()) {
                return false;
            }
            found.get(0).click();
            return true;
        });
    }

    /** The rendered text of every element matching the selector, in document order. */
    @SuppressWarnings("unchecked")
    public List<String> texts(String css) {
        return (List<String>) script("return [...document.querySelectorAll(arguments[0])].map(e => e.innerText.trim())", css);
    }

    /** Every value of an attribute on the elements matching the selector, in document order. */
    @SuppressWarnings("unchecked")
    public List<String> attributes(String css, String attribute) {
        return (List<String>) script("return [...document.querySelectorAll(arguments[0])].map(e => e.getAttribute(arguments[1]))",
                css, attribute);
    }

    /** Waits up to 10 s for the condition to answer true or an object. */
    public <T> T waitUntil(String what, Function<WebDriver, T> condition) {
        return waitUntil(what, WAIT, condition);
    }

    /**
     * Waits for the condition to answer true or an object, checking every 50 ms; on time-out
     * fails naming what was awaited, saves a screenshot and says where.
     */
    public <T> T waitUntil(String what, Duration limit, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, limit, Duration.ofMillis(50));
        wait.withMessage(() -> what);
        // A view may replace the element a condition was reading: try again.
        wait.ignoring(StaleElementReferenceException.class);
        try {
            return wait.until(condition);
        } catch (TimeoutException timedOut) {
            Path picture = screenshot("timeout-" + System.currentTimeMillis());
            throw new AssertionError("Not so within " + limit.toMillis() + " ms: " + what + ". The page is " + driver.getCurrentUrl()
                    + "; screenshot " + picture + "; console: " + consoleSoFar(), timedOut);
        }
    }

    /** Runs JavaScript in the page (WebDriver's scripts are not bound by the page's content security policy). */
    public Object script(String javaScript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javaScript, arguments);
    }

    /** Runs JavaScript that calls its last argument, a callback, with the answer. */
    public Object asyncScript(String javaScript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(javaScript, arguments);
    }

    /** Presses keys as one chord on the focused element, e.g. {@code chord(Keys.CONTROL, "k")}. */
    public void chord(Keys modifier, String key) {
        new Actions(driver).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
    }

    /** Presses one key on whatever has the focus. */
    public void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** Makes the page's viewport exactly this size (the window's frame, if any, added). */
    public void resize(Dimension viewport) {
        driver.manage().window().setSize(viewport);
        @SuppressWarnings("unchecked")
        Map<String, Long> inner = (Map<String, Long>) script("return {w: window.innerWidth, h: window.innerHeight}");
        int extraWidth = viewport.width - inner.get("w").intValue();
        int extraHeight = viewport.height - inner.get("h").intValue();
        if (extraWidth != 0 || extraHeight != 0) {
            driver.manage().window().setSize(new Dimension(viewport.width + extraWidth, viewport.height + extraHeight));
        }
    }

    // ---- what the page looked like and said ----------------------------------------------

    /** The folder screenshots go to: {@code distribution/target/screenshots/}. */
    public static Path screenshotFolder() {
        return NadiRuntime.testClassesFolder().getParent().resolve("screenshots");
    }

    /** Saves what the browser shows as {@code target/screenshots/{name}.png} and answers the file. */
    public Path screenshot(String name) {
        try {
            Path file = Files.createDirectories(screenshotFolder()).resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** Every console message so far, oldest first, as {@code LEVEL message}. */
    public List<String> consoleSoFar() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            console.add(entry.getLevel() + " " + entry.getMessage());
        }
        return List.copyOf(console);
    }

    /**
     * The console's errors since the last call, leaving out failed requests ("Failed to load
     * resource: … 401"), which a page sees when a sign-in or a call is refused as it should be.
     * What is left are uncaught exceptions, {@code console.error} calls and content security
     * policy violations.
     */
    public List<String> takeJavaScriptErrors() {
        List<String> errors = new ArrayList<>();
        for (String line : consoleSoFar()) {
            if (line.startsWith(Level.SEVERE.toString()) && !line.contains("Failed to load resource")) {
                errors.add(line);
            }
        }
        console.clear();
        return errors;
    }

    /** Quits the browser and its driver. */
    @Override
    public void close() {
        driver.quit();
    }
}
