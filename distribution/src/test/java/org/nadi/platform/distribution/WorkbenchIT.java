package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The workbench in a real browser: headless Chromium, driven through chromedriver, signs in to
 * the packaged runtime and uses the shell and the views as a person would, with the mouse and
 * the keyboard. One runtime and one browser serve the whole class; every test saves at least
 * one screenshot under {@code target/screenshots/} for a reviewer to look at, and fails if the
 * page logged a JavaScript error or a content security policy violation.
 *
 * <p>The page's elements are found by the hooks in the shell's and views' DOM contract (ids and
 * {@code data-} attributes), not by their looks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(90)
class WorkbenchIT {

    /** Issue 4: every open workbench shows a change of the enabled modules within 2 seconds. */
    private static final Duration LIVE = Duration.ofSeconds(2);
    /** FileInstall looks at the deploy folder every second. */
    private static final Duration DEPLOYED_WITHIN = Duration.ofSeconds(10);

    private static final String NOTES = "example.notes";
    private static final String MODULES = "workbench.modules";

    @TempDir
    Path jars;
    private NadiRuntime runtime;
    private Browser browser;

    @BeforeAll
    void start() throws IOException {
        Browser.requireInstalled();
        runtime = NadiRuntime.options().label("workbench").start();
        browser = Browser.start(runtime);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    /** A page that threw, or broke its content security policy, fails the test that showed it. */
    @AfterEach
    void noJavaScriptErrors() {
        List<String> errors = browser.takeJavaScriptErrors();
        assertTrue(errors.isEmpty(), () -> "The page logged errors:\n" + String.join("\n", errors));
    }

    // ---- signing in ----------------------------------------------------------------------

    @Test
    void signingInShowsTheWorkbenchWithTheUserAndTheirRole() {
        browser.forgetSession();
        browser.open("/");
        browser.waitFor("form#sign-in");
        assertTrue(browser.present("label[for=\"username\"]") && browser.present("label[for=\"password\"]"),
                "both fields of the sign-in form are labelled");
        browser.screenshot("sign-in-page");

        browser.signIn(NadiRuntime.ADMIN, NadiRuntime.ADMIN_PASSWORD);

        assertEquals(NadiRuntime.ADMIN, browser.textOf("#user-name"));
        assertTrue(browser.textOf("#user-role").toLowerCase(Locale.ROOT).contains("administrator"), browser.textOf("#user-role"));
        assertTrue(browser.shown("nav#navigation") && browser.shown("button#sign-out"), "the top bar and the navigation are shown");
        assertFalse(browser.shown("form#sign-in"), "the sign-in form is gone");
        browser.awaitHomeRendered();
        browser.screenshot("home-administrator");
    }

    @Test
    void aWrongPasswordIsRefusedOnTheSignInPage() {
        browser.submitSignIn(NadiRuntime.ADMIN, "not-the-password");

        String error = browser.waitUntil("#sign-in-error says why", page -> {
            String text = browser.textOf("#sign-in-error");
            return text == null || text.isEmpty() ? null : text;
        });
        assertTrue(error.toLowerCase(Locale.ROOT).contains("wrong user name or password"), error);
        assertEquals(List.of("alert"), browser.attributes("#sign-in-error", "role"));
        assertTrue(browser.shown("form#sign-in"), "the form stays for another try");
        assertFalse(browser.shown("nav#navigation") || browser.shown("#user-name"), "no workbench without a session");
        browser.screenshot("sign-in-wrong-password");
    }

    // ---- the views -----------------------------------------------------------------------

    @Test
    void everyViewInTheNavigationOpensAndRenders() {
        asAdmin();
        List<String> keys = browser.attributes("nav#navigation a[data-view]", "data-view");
        assertTrue(keys.containsAll(List.of("home", MODULES, NOTES)), "the administrator's navigation: " + keys);

        for (String key : keys) {
            String link = "nav#navigation a[data-view=\"" + key + "\"]";
            String href = browser.attributes(link, "href").get(0);
            browser.click(link);
            browser.waitUntil(key + " is the current view", page -> browser.present("[data-view-root=\"" + key + "\"]")
                    && List.of("page").equals(browser.attributes(link, "aria-current")));
            browser.waitUntil(key + " rendered something", page -> Boolean.TRUE.equals(browser.script(
                    "const root = document.querySelector(arguments[0]); return root !== null && root.childElementCount > 0",
                    "[data-view-root=\"" + key + "\"]")));
            assertTrue(browser.driver().getCurrentUrl().endsWith(href),
                    () -> key + ": the address is the link's, " + href + ", not " + browser.driver().getCurrentUrl());
            assertFalse(browser.textOf("h1#view-title").isEmpty(), key + " has a title");
            browser.screenshot("view-" + key);
            List<String> errors = browser.takeJavaScriptErrors();
            assertTrue(errors.isEmpty(), () -> key + " logged errors:\n" + String.join("\n", errors));
        }
    }

    @Test
    void aDisabledModulesViewVanishesFromAnOpenPageAndComesBackWhenEnabled() {
        asAdmin();
        browser.go("example/notes");
        browser.waitFor("[data-view-root=\"" + NOTES + "\"]");
        // Survives only if the page is not reloaded.
        browser.script("window.nadiTestMarker = 'the same page'");
        browser.screenshot("live-notes-open");
        try {
            runtime.admin().post("/api/v1/modules/example/disable?cascade=true").assertJson(200);
            long disabled = System.nanoTime();

            browser.waitUntil("the Notes entry is gone, the notice says so and home is shown", LIVE,
                    page -> !browser.present("nav#navigation a[data-view=\"" + NOTES + "\"]")
                            && browser.present("[data-view-root=\"home\"]")
                            && noticeText().contains("Notes") && noticeText().contains("no longer available"));
            System.out.printf("WorkbenchIT: the disabled view vanished %d ms after the REST call answered%n",
                    (System.nanoTime() - disabled) / 1_000_000);
            assertEquals("the same page", browser.script("return window.nadiTestMarker"), "the page was not reloaded");
            assertTrue(browser.driver().getCurrentUrl().matches(".*/(#/?)?"), browser.driver().getCurrentUrl());
            browser.screenshot("live-notes-vanished");

            runtime.admin().post("/api/v1/modules/example/enable").assertJson(200);
            long enabled = System.nanoTime();

            browser.waitUntil("the Notes entry is back", LIVE, page -> browser.present("nav#navigation a[data-view=\"" + NOTES + "\"]"));
            System.out.printf("WorkbenchIT: the enabled view came back %d ms after the REST call answered%n",
                    (System.nanoTime() - enabled) / 1_000_000);
            assertEquals("the same page", browser.script("return window.nadiTestMarker"), "the page was not reloaded");
            browser.screenshot("live-notes-back");
        } finally {
            if (!"ENABLED".equals(runtime.stateOf("example"))) {
                runtime.admin().post("/api/v1/modules/example/enable");
            }
        }
    }

    /**
     * More tabs than HTTP/1.1's six connections to a host: they share one event stream (held by
     * one leader tab, events.js), so every tab still loads, and every tab sees a change within 2 s,
     * also after the leader tab is closed. Signing out in one tab signs out all of them.
     */
    @Test
    @Timeout(150)
    void manyTabsShareOneEventStreamAndAllSeeChanges() {
        int count = 8;
        String notesLink = "nav#navigation a[data-view=\"" + NOTES + "\"]";
        asAdmin();
        WebDriver driver = browser.driver();
        String original = driver.getWindowHandle();
        List<String> tabs = new ArrayList<>(List.of(original));
        // A starved tab never loads: fail soon rather than after the default 300 s.
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        try {
            for (int i = 1; i < count; i++) {
                driver.switchTo().newWindow(WindowType.TAB);
                tabs.add(driver.getWindowHandle());
                browser.open("/");
            }
            // Each stream of its own would hold a connection: the seventh tab would never load.
            for (int i = 0; i < count; i++) {
                driver.switchTo().window(tabs.get(i));
                browser.awaitHomeRendered();
                browser.click(notesLink);
                browser.waitUntil("tab " + (i + 1) + " shows the Notes view", page -> Boolean.TRUE.equals(browser.script(
                        "const root = document.querySelector(arguments[0]); return root !== null && root.childElementCount > 0",
                        "[data-view-root=\"" + NOTES + "\"]")));
            }
            browser.screenshot("tabs-notes-in-tab-" + count);

            String leader = awaitOneLeader(tabs);
            awaitInEveryTab(tabs, () -> runtime.admin().post("/api/v1/modules/example/disable?cascade=true").assertJson(200),
                    "the Notes entry is gone", "document.querySelector(selector) === null", notesLink);
            for (String tab : tabs) {
                driver.switchTo().window(tab);
                assertTrue(browser.present("[data-view-root=\"home\"]"), "the tab left the Notes view for home");
            }
            browser.screenshot("tabs-notes-vanished");

            driver.switchTo().window(leader);
            driver.close();
            tabs.remove(leader);
            String next = awaitOneLeader(tabs);
            driver.switchTo().window(next);
            browser.screenshot("tabs-new-leader");
            awaitInEveryTab(tabs, () -> runtime.admin().post("/api/v1/modules/example/enable").assertJson(200),
                    "the Notes entry is back", "document.querySelector(selector) !== null", notesLink);
            browser.screenshot("tabs-notes-back");

            // Signing out in a follower ends the session, and that tab tells the others at once (without
            // it they would learn at the runtime's next check of the leader's stream, up to 15 s later).
            String follower = tabs.stream().filter(tab -> !tab.equals(next)).findFirst().orElseThrow();
            driver.switchTo().window(follower);
            browser.click("button#sign-out");
            for (String tab : tabs) {
                driver.switchTo().window(tab);
                browser.waitUntil("every tab shows the sign-in form", LIVE, page -> browser.shown("form#sign-in"));
                assertNull(browser.script("return document.body.dataset.eventsRole ?? null"), "no stream is left open");
            }
            browser.screenshot("tabs-signed-out");
        } finally {
            for (String tab : driver.getWindowHandles()) {
                if (!tab.equals(tabs.get(0))) {
                    driver.switchTo().window(tab).close();
                }
            }
            driver.switchTo().window(tabs.get(0));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(300));
            if (!"ENABLED".equals(runtime.stateOf("example"))) {
                runtime.admin().post("/api/v1/modules/example/enable");
            }
        }
    }

    @Test
    void aModuleInstalledThroughTheModulesViewAddsItsViewAndUninstallingTakesItAway() throws IOException {
        Path jar = TestBundle.module("gadget")
                .header("NADI-Workbench", "workbench/contributions.json")
                .resource("workbench/contributions.json", """
                        {
                          "views": [
                            { "id": "gadgets", "title": "Gadgets", "icon": "plug", "route": "gadgets", "script": "gadgets.js",
                              "group": "Tests", "order": 10, "role": "observer" }
                          ]
                        }
                        """)
                .resource("workbench/gadgets.js", """
                        export function mount(element) {
                          const text = document.createElement('p');
                          text.id = 'gadget-text';
                          text.textContent = 'Every gadget is accounted for.';
                          element.append(text);
                        }
                        """)
                .writeTo(jars, "gadget.jar");
        asAdmin();
        browser.go("workbench/modules");
        browser.waitFor("[data-view-root=\"" + MODULES + "\"] tr[data-module=\"example\"]");
        try {
            browser.waitFor("input#module-file").sendKeys(jar.toAbsolutePath().toString());

            browser.waitUntil("the Gadgets view is in the navigation", page -> browser.present("nav#navigation a[data-view=\"gadget.gadgets\"]"));
            browser.waitUntil("the gadget module is listed as ENABLED",
                    page -> "ENABLED".equals(stateShown("gadget")));
            assertEquals("ENABLED", runtime.stateOf("gadget"));
            browser.screenshot("install-modules-view");

            browser.click("nav#navigation a[data-view=\"gadget.gadgets\"]");
            browser.waitUntil("the Gadgets view shows its text", page -> "Every gadget is accounted for.".equals(browser.textOf(
                    "[data-view-root=\"gadget.gadgets\"] #gadget-text")));
            assertEquals("Gadgets", browser.textOf("h1#view-title"));
            browser.screenshot("install-gadgets-view");

            browser.go("workbench/modules");
            browser.click("tr[data-module=\"gadget\"] button[data-action=\"uninstall\"]");
            browser.waitUntil("the confirmation is open", page -> browser.present("dialog#confirm[open]"));
            assertTrue(browser.textOf("dialog#confirm").contains("gadget"), () -> "it names the module: " + browser.textOf("dialog#confirm"));
            browser.screenshot("install-uninstall-confirm");
            browser.click("dialog#confirm button#confirm-ok");

            browser.waitUntil("the module and its view are gone", page -> !browser.present("tr[data-module=\"gadget\"]")
                    && !browser.present("nav#navigation a[data-view=\"gadget.gadgets\"]"));
            assertNull(runtime.stateOf("gadget"));
            browser.screenshot("install-uninstalled");
        } finally {
            if (runtime.stateOf("gadget") != null) {
                runtime.admin().delete("/api/v1/modules/gadget?cascade=true&data=drop");
            }
        }
    }

    // ---- the command palette -------------------------------------------------------------

    @Test
    void theCommandPaletteFiltersRunsAndClosesAndShortcutsRunCommands() {
        asAdmin();
        browser.chord(Keys.CONTROL, "k");
        browser.waitUntil("Ctrl-K opened the palette", page -> browser.present("dialog#palette[open]"));
        assertEquals("palette-input", browser.script("return document.activeElement.id"), "the palette's field has the focus");
        int everything = browser.all("ul#palette-list li[role=\"option\"]").size();
        for (String command : List.of("go:home", "go:" + MODULES, "go:" + NOTES, "shell:sign-out", "example.new-note")) {
            assertTrue(browser.present("ul#palette-list li[data-command=\"" + command + "\"]"), "the palette offers " + command);
        }
        browser.screenshot("palette-open");

        browser.press("go to modules");
        browser.waitUntil("typing filtered the list", page -> browser.all("ul#palette-list li[role=\"option\"]").size() < everything);
        for (String option : browser.texts("ul#palette-list li[role=\"option\"]")) {
            assertTrue(option.toLowerCase(Locale.ROOT).contains("go to modules"), option);
        }
        assertTrue(browser.present("ul#palette-list li[data-command=\"go:" + MODULES + "\"]"));
        browser.screenshot("palette-filtered");
        browser.press(Keys.ENTER);

        browser.waitUntil("Enter ran 'Go to Modules'", page -> browser.present("[data-view-root=\"" + MODULES + "\"]"));
        assertFalse(browser.present("dialog#palette[open]"), "running a command closes the palette");
        assertTrue(browser.driver().getCurrentUrl().endsWith("#/workbench/modules"), browser.driver().getCurrentUrl());

        browser.chord(Keys.CONTROL, "k");
        browser.waitUntil("Ctrl-K opened the palette again", page -> browser.present("dialog#palette[open]"));
        browser.press(Keys.ESCAPE);
        browser.waitUntil("Escape closed the palette", page -> !browser.present("dialog#palette[open]"));

        browser.go("");
        browser.waitFor("[data-view-root=\"home\"]");
        browser.chord(Keys.ALT, "n");
        browser.waitUntil("Alt+N opened the new-note form", page -> browser.present("[data-view-root=\"" + NOTES + "\"]")
                && browser.driver().getCurrentUrl().contains("#/example/notes"));
        browser.waitFor("form#note-form textarea#note-text");
        browser.screenshot("palette-shortcut-new-note");
    }

    // ---- roles ---------------------------------------------------------------------------

    @Test
    void aDelegateSeesNoAdministratorOnlyContributions() {
        List<String> adminOnly = administratorOnlyKeys();
        assertTrue(adminOnly.contains(MODULES), "the Modules view is for administrators: " + adminOnly);
        Accounts.create(runtime, "delegate-browser", "delegate", "khmer-institute");

        browser.signIn("delegate-browser", Accounts.passwordOf("delegate-browser"));
        browser.awaitHomeRendered();

        assertTrue(browser.textOf("#user-role").toLowerCase(Locale.ROOT).contains("delegate"), browser.textOf("#user-role"));
        assertTrue(browser.textOf("#user-institution").contains("khmer-institute"), browser.textOf("#user-institution"));
        assertTrue(browser.present("nav#navigation a[data-view=\"" + NOTES + "\"]"), "a delegate sees the notes");
        List<String> seen = new ArrayList<>();
        for (String key : adminOnly) {
            for (String css : List.of("a[data-view=\"%s\"]", "[data-widget=\"%s\"]", "[data-menu=\"%s\"]")) {
                if (browser.present(css.formatted(key))) {
                    seen.add(css.formatted(key));
                }
            }
        }
        browser.screenshot("delegate-home");

        browser.chord(Keys.CONTROL, "k");
        browser.waitUntil("Ctrl-K opened the palette", page -> browser.present("dialog#palette[open]"));
        for (String key : adminOnly) {
            for (String command : List.of(key, "go:" + key)) {
                if (browser.present("li[data-command=\"" + command + "\"]")) {
                    seen.add("palette " + command);
                }
            }
        }
        browser.screenshot("delegate-palette");
        browser.press(Keys.ESCAPE);
        assertTrue(seen.isEmpty(), "a delegate sees administrator-only contributions: " + seen);

        Object status = browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/modules').then(answer => done(answer.status), failed => done(String(failed)))");
        assertEquals(403L, status, "GET /api/v1/modules with the delegate's own session");
    }

    // ---- layout and keyboard -------------------------------------------------------------

    @Test
    void onAPhoneTheNavigationIsADrawer() {
        asAdmin();
        browser.resize(Browser.PHONE);
        try {
            browser.open("/");
            browser.awaitHomeRendered();
            browser.waitFor("button#nav-toggle");
            assertTrue(browser.shown("button#nav-toggle"), "the drawer's button is shown at 390 px");
            assertEquals(List.of("false"), browser.attributes("button#nav-toggle", "aria-expanded"));
            assertEquals(List.of("navigation"), browser.attributes("button#nav-toggle", "aria-controls"));
            assertFalse(browser.shown("nav#navigation a[data-view=\"" + NOTES + "\"]"), "the drawer starts closed");
            assertNoHorizontalScrolling();
            browser.screenshot("phone-home");

            browser.click("button#nav-toggle");
            browser.waitUntil("the drawer opened, all of it on the screen",
                    page -> List.of("true").equals(browser.attributes("button#nav-toggle", "aria-expanded"))
                            && browser.shown("nav#navigation a[data-view=\"" + NOTES + "\"]")
                            && Boolean.TRUE.equals(browser.script("return document.querySelector('nav#navigation').getBoundingClientRect().left >= 0")));
            browser.screenshot("phone-drawer-open");

            browser.click("nav#navigation a[data-view=\"" + NOTES + "\"]");
            browser.waitFor("[data-view-root=\"" + NOTES + "\"]");
            assertNoHorizontalScrolling();
            browser.screenshot("phone-notes");
        } finally {
            browser.resize(Browser.DESKTOP);
        }
    }

    @Test
    void theKeyboardAloneReachesTheNavigationAndAViewWithTheFocusVisible() {
        asAdmin();
        browser.open("/");
        browser.awaitHomeRendered();

        browser.press(Keys.TAB);
        Map<String, Object> skip = focused();
        assertTrue(String.valueOf(skip.get("text")).toLowerCase(Locale.ROOT).contains("skip"), "the first Tab reaches the skip link: " + skip);
        assertFocusVisible(skip);
        browser.screenshot("keyboard-skip-link");

        Map<String, Object> inNavigation = tabUntil("a link of the navigation", "nav#navigation a[data-view]", 40);
        assertFocusVisible(inNavigation);
        tabUntil("the Notes link", "nav#navigation a[data-view=\"" + NOTES + "\"]", 40);
        browser.screenshot("keyboard-navigation");
        browser.press(Keys.ENTER);
        browser.waitFor("[data-view-root=\"" + NOTES + "\"]");

        Map<String, Object> inView = tabUntil("a control of the Notes view", "main#view *", 60);
        assertFocusVisible(inView);
        browser.screenshot("keyboard-view");
    }

    // ---- a module with a malformed contribution file -------------------------------------

    @Test
    void aMalformedContributionFileIsRefusedOrFailsItsModuleAndNothingElse() throws IOException, InterruptedException {
        Path jar = TestBundle.module("misdrawn")
                .header("NADI-Workbench", "workbench/contributions.json")
                .resource("workbench/contributions.json", """
                        { "views": [ { "id": "drawing", "title": "Drawing", "route": "drawing", "script": "notez.js", "role": "observer" } ] }
                        """)
                .writeTo(jars, "misdrawn.jar");

        HttpAnswer refused = runtime.admin().postMultipart("/api/v1/modules", "file", jar).assertProblem(422);
        assertTrue(refused.detail().contains("workbench/contributions.json") && refused.detail().contains("notez.js"), refused::toString);
        assertNull(runtime.stateOf("misdrawn"), "a refused module is not installed");
        asAdmin();
        browser.awaitHomeRendered();
        assertTrue(browser.present("nav#navigation a[data-view=\"" + NOTES + "\"]"), "the workbench is unaffected");

        Path deployed = Files.copy(jar, runtime.deployFolder().resolve("misdrawn.jar"));
        try {
            JsonObject module = awaitState("misdrawn", "FAILED", DEPLOYED_WITHIN);
            String reason = module.get("reason").getAsString();
            assertTrue(reason.contains("workbench/contributions.json") && reason.contains("notez.js"), reason);

            browser.go("workbench/modules");
            browser.waitUntil("the Modules view lists it as FAILED with the reason",
                    page -> "FAILED".equals(stateShown("misdrawn"))
                            && browser.textOf("tr[data-module=\"misdrawn\"]").contains("workbench/contributions.json"));
            assertTrue(browser.present("svg#module-graph g[data-module=\"misdrawn\"][data-state=\"FAILED\"]"), "the graph marks it");
            assertTrue(browser.present("nav#navigation a[data-view=\"" + NOTES + "\"]"), "the other modules' views stay");
            browser.screenshot("malformed-failed-in-modules-view");
        } finally {
            Files.deleteIfExists(deployed);
            runtime.eventually(DEPLOYED_WITHIN, "the dropped module is gone", () -> runtime.stateOf("misdrawn") == null);
        }
    }

    // ---- helpers -------------------------------------------------------------------------

    /** Shows the administrator's home view, signing in first unless the browser is signed in as admin. */
    private void asAdmin() {
        browser.open("/");
        browser.waitUntil("the page shows the sign-in form or a signed-in user",
                page -> browser.shown("form#sign-in") || browser.textOf("#user-name") != null && !browser.textOf("#user-name").isEmpty());
        if (!NadiRuntime.ADMIN.equals(browser.textOf("#user-name"))) {
            browser.signIn(NadiRuntime.ADMIN, NadiRuntime.ADMIN_PASSWORD);
        }
        browser.waitFor("[data-view-root=\"home\"]");
    }

    /**
     * Waits until exactly one tab holds the shared event stream (body[data-events-role], set by
     * events.js) and every other tab follows it; answers the leader's handle.
     */
    private String awaitOneLeader(List<String> tabs) {
        return browser.waitUntil("one tab leads the shared event stream and the others follow", page -> {
            List<String> leaders = new ArrayList<>();
            for (String tab : tabs) {
                browser.driver().switchTo().window(tab);
                Object role = browser.script("return document.body.dataset.eventsRole ?? null");
                if ("leader".equals(role)) {
                    leaders.add(tab);
                } else if (!"follower".equals(role)) {
                    return null;
                }
            }
            return leaders.size() == 1 ? leaders.get(0) : null;
        });
    }

    /**
     * Does the change, then waits until the condition (a script expression over selector) holds
     * in every tab and checks that it came true within {@link #LIVE} of the change's answer in
     * each. Each tab notes the time itself, so that switching from tab to tab does not count.
     */
    private void awaitInEveryTab(List<String> tabs, Runnable change, String what, String condition, String selector) {
        WebDriver driver = browser.driver();
        for (String tab : tabs) {
            driver.switchTo().window(tab);
            browser.script("""
                    const selector = arguments[0];
                    const test = () => %s;
                    window.nadiTabSaw = null;
                    const observer = new MutationObserver(() => {
                      if (test()) { window.nadiTabSaw = Date.now(); observer.disconnect(); }
                    });
                    observer.observe(document.body, { childList: true, subtree: true });
                    """.formatted(condition), selector);
        }
        change.run();
        long answered = System.currentTimeMillis();
        List<Long> delays = new ArrayList<>();
        for (String tab : tabs) {
            driver.switchTo().window(tab);
            Number saw = browser.waitUntil(what + " in tab " + tab, page -> (Number) browser.script("return window.nadiTabSaw"));
            delays.add(saw.longValue() - answered);
        }
        System.out.printf("WorkbenchIT: %s in %d tabs, ms after the REST call answered: %s%n", what, tabs.size(), delays);
        for (long delay : delays) {
            assertTrue(delay <= LIVE.toMillis(), () -> what + " in every tab within " + LIVE.toMillis() + " ms: " + delays);
        }
    }

    /** Waits for the module to be in the state; fails showing the module as the API lists it if it is not. */
    private JsonObject awaitState(String id, String state, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonObject module = null;
        while (System.nanoTime() < deadline) {
            module = runtime.modules().get(id);
            if (module != null && state.equals(module.get("state").getAsString())) {
                return module;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Not " + state + " within " + limit.toSeconds() + " s: " + module);
    }

    /**
     * The state the Modules view shows for a module, in the API's upper case, or null if it lists
     * no such module. The state cell may go on with the reason; the state is its first word.
     */
    private String stateShown(String module) {
        String cell = browser.textOf("tr[data-module=\"" + module + "\"] [data-field=\"state\"]");
        return cell == null || cell.isEmpty() ? null : cell.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    }

    private String noticeText() {
        String text = browser.textOf("#notice");
        return text == null ? "" : text;
    }

    /** The keys of every contribution whose least role is administrator, as the runtime lists them. */
    private List<String> administratorOnlyKeys() {
        JsonObject workbench = runtime.admin().get("/api/v1/workbench").assertJson(200).object();
        List<String> keys = new ArrayList<>();
        for (String kind : List.of("views", "commands", "menus", "widgets")) {
            for (JsonElement contribution : workbench.getAsJsonArray(kind)) {
                JsonObject object = contribution.getAsJsonObject();
                if ("administrator".equals(object.get("role").getAsString())) {
                    keys.add(object.get("key").getAsString());
                }
            }
        }
        return keys;
    }

    /** What has the focus: its tag, text, whether it matches a selector, and how its focus is drawn. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> focused(String... selector) {
        return (Map<String, Object>) browser.script("""
                const element = document.activeElement;
                const style = getComputedStyle(element);
                return {
                  tag: element.tagName, id: element.id, text: (element.textContent || '').trim().slice(0, 60),
                  matches: arguments[0] ? element.matches(arguments[0]) : false,
                  outline: style.outlineStyle + ' ' + style.outlineWidth + ' ' + style.outlineColor,
                  visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'
                };
                """, selector.length == 0 ? "" : selector[0]);
    }

    /** Presses Tab until the focused element matches the selector, at most {@code limit} times. */
    private Map<String, Object> tabUntil(String what, String selector, int limit) {
        List<String> path = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            browser.press(Keys.TAB);
            Map<String, Object> now = focused(selector);
            path.add(now.get("tag") + "#" + now.get("id") + " '" + now.get("text") + "'");
            if (Boolean.TRUE.equals(now.get("matches"))) {
                return now;
            }
        }
        throw new AssertionError(limit + " presses of Tab did not reach " + what + "; the focus went " + String.join(" → ", path));
    }

    private static void assertFocusVisible(Map<String, Object> focused) {
        assertEquals(Boolean.TRUE, focused.get("visible"), () -> "the focus is not visible (outline none, no box shadow): " + focused);
    }

    private void assertNoHorizontalScrolling() {
        assertEquals(Boolean.TRUE, browser.script("return document.documentElement.scrollWidth <= window.innerWidth"),
                "the page is wider than the 390 px screen");
    }
}
