package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import com.google.gson.JsonObject;

/**
 * The membership module's workbench views in a real browser: the secretariat loads the
 * reference data from the home view, the "members at date" view answers the dated questions,
 * the directory filters, the person page shows the seed report's position, an observer sees
 * nothing to change, the secretariat edits a person (a problem shown at its field, a stale
 * version refused), and a delegate edits a colleague of their own institution but nobody else. The tests run in order: the first loads the data the others read.
 * Screenshots go to {@code target/screenshots/membership-*.png}; a JavaScript error fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(90)
class MembershipWorkbenchIT {

    private static final String BASE = "/api/v1/membership";
    private static final String LOAD = "membership.load-reference-data";
    private static final String SECRETARIAT = "secretariat-browser";
    private static final String OBSERVER = "observer-browser";
    private static final String DELEGATE = "kh-delegate-browser";

    private NadiRuntime runtime;
    private Browser browser;

    @BeforeAll
    void start() throws IOException {
        Browser.requireInstalled();
        runtime = NadiRuntime.options().label("membership-workbench").start();
        Accounts.create(runtime, SECRETARIAT, "secretariat", null);
        Accounts.create(runtime, OBSERVER, "observer", null);
        Accounts.create(runtime, DELEGATE, "delegate", "kh-gdpfa");
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

    @AfterEach
    void noJavaScriptErrors() {
        List<String> errors = browser.takeJavaScriptErrors();
        assertTrue(errors.isEmpty(), () -> "The page logged errors:\n" + String.join("\n", errors));
    }

    @Test
    @Order(1)
    void theSecretariatLoadsTheReferenceDataFromTheHomeView() {
        browser.homeAs(SECRETARIAT);
        browser.awaitHomeRendered();
        assertEquals("0", browser.textOf("[data-count=\"countries\"]"), "the widget counts an empty directory");
        String entry = "[data-menu=\"" + LOAD + "\"]";
        browser.click(entry);
        browser.waitUntil("the confirmation is open", page -> browser.present("dialog#confirm[open]"));
        assertTrue(browser.textOf("dialog#confirm").contains("reference data"), browser.textOf("dialog#confirm"));
        browser.screenshot("membership-load-confirm");
        browser.click("dialog#confirm button#confirm-ok");

        browser.waitUntil("the notice reports the load", page -> browser.textOf("#notice").contains("Load reference data")
                && browser.textOf("#notice").contains("created"));
        assertEquals(19, runtime.admin().get(BASE + "/countries").assertJson(200).json().getAsJsonArray().size());
        browser.open("/");
        browser.awaitHomeRendered();
        assertEquals("19", browser.textOf("[data-count=\"countries\"]"));
        assertEquals("15", browser.textOf("[data-count=\"institutions\"]"));
        String cochairs = browser.textOf("[data-cochair=\"ewg-cyber-security\"]");
        assertTrue(cochairs.contains("Cambodia") && cochairs.contains("Australia"), cochairs);
        browser.screenshot("membership-home-loaded");
    }

    @Test
    @Order(2)
    void membersAtDateCountsTheAseanMemberStatesOfTheDay() {
        browser.homeAs(OBSERVER);
        browser.go("membership/members-at-date?at=2024-09-18");
        browser.waitUntil("ten ASEAN member states on 2024-09-18", page -> "10".equals(browser.textOf("#members-asean-member-count")));
        assertTrue(browser.present("[data-grouping=\"asean-observer\"] li[data-country=\"TL\"]"), "Timor-Leste is an observer then");
        assertTrue(Integer.parseInt(browser.textOf("#members-body-count")) > 0, "NADI has members then");
        browser.screenshot("membership-members-2024-09-18");

        // The date field's typing depends on the locale; the value is what the form reads.
        browser.script("document.querySelector('#members-at').value = '2026-01-01'");
        browser.click("#members-form button[type=\"submit\"]");
        browser.waitUntil("eleven ASEAN member states on 2026-01-01", page -> "11".equals(browser.textOf("#members-asean-member-count")));
        assertTrue(browser.present("[data-grouping=\"asean-member\"] li[data-country=\"TL\"]"), "Timor-Leste is a member then");
        assertTrue(browser.driver().getCurrentUrl().contains("at=2026-01-01"), browser.driver().getCurrentUrl());
        browser.screenshot("membership-members-2026-01-01");
    }

    @Test
    @Order(3)
    void theDirectoryFiltersByCountryAndLinksToThePersonPage() {
        browser.homeAs(OBSERVER);
        browser.go("membership/directory");
        browser.waitUntil("the directory lists Singapore's institution", page -> browser.present("[data-institution-row=\"sg-rsis\"]"));
        new Select(browser.waitFor("select#directory-country")).selectByValue("KH");
        browser.click("#directory-filters button[type=\"submit\"]");

        browser.waitUntil("only Cambodian institutions are listed", page -> browser.driver().getCurrentUrl().contains("country=KH")
                && browser.present("[data-institution-row=\"kh-gdpfa\"]") && !browser.present("[data-institution-row=\"sg-rsis\"]"));
        assertEquals(List.of("KH"), browser.attributes("#directory-institutions td[data-country]", "data-country").stream().distinct().toList());
        assertTrue(browser.present("[data-person-row=\"nem-sowathey\"]"), "a Cambodian person is listed");
        browser.screenshot("membership-directory-kh");

        browser.click("#directory-people a[data-person=\"nem-sowathey\"]");
        browser.waitUntil("the person page shows the seed report's position", page -> {
            String position = browser.textOf("#person-affiliations .affiliation-position");
            return position != null && position.contains("Deputy Director-General of Policy and Foreign Affairs");
        });
        assertTrue(browser.textOf("#person-affiliations").contains("General Department of Policy and Foreign Affairs"),
                browser.textOf("#person-affiliations"));
        assertFalse(browser.present("#person-form"), "an observer gets no edit form");
        browser.screenshot("membership-person-observer");
    }

    @Test
    @Order(4)
    void anObserverSeesNoLoadCommandAndNoEditControls() {
        browser.homeAs(OBSERVER);
        browser.awaitHomeRendered();
        assertTrue(browser.present("[data-widget=\"membership.summary\"]"), "the observer sees the Membership card");
        assertFalse(browser.present("[data-menu=\"" + LOAD + "\"]"), "no Load entry on the observer's home view");
        browser.chord(Keys.CONTROL, "k");
        browser.waitUntil("Ctrl-K opened the palette", page -> browser.present("dialog#palette[open]"));
        assertTrue(browser.present("li[data-command=\"go:membership.directory\"]"), "the palette offers the directory");
        assertFalse(browser.present("li[data-command=\"" + LOAD + "\"]"), "the palette offers no Load command");
        browser.press(Keys.ESCAPE);

        browser.go("membership/institution?id=kh-gdpfa");
        browser.waitUntil("the institution page shows its memberships", page -> browser.present("#institution-memberships"));
        assertTrue(browser.textOf("#institution-country").contains("Kingdom of Cambodia"), browser.textOf("#institution-country"));
        assertFalse(browser.present("[data-view-root=\"membership.institution\"] form"), "the institution page has nothing to edit");
        browser.screenshot("membership-institution");
    }

    @Test
    @Order(5)
    void theSecretariatEditsAPersonWithProblemsShownAtTheirFields() {
        browser.homeAs(SECRETARIAT);
        String person = "chheang-vannarith";
        browser.go("membership/person?id=" + person);
        browser.waitFor("form#person-form input#person-rank");

        // An affiliation that ends before it starts: 422, shown under the To field.
        new Select(browser.waitFor("select#person-new-institution")).selectByValue("kh-gdpfa");
        browser.driver().findElement(By.id("person-new-position")).sendKeys("Adviser");
        browser.script("document.querySelector('#person-new-from').value = '2026-02-01';"
                + "document.querySelector('#person-new-to').value = '2026-01-01'");
        browser.click("#person-save");
        String problem = browser.waitUntil("the problem is shown under the To field", page -> {
            String text = browser.textOf("[data-field-problem=\"person-new-to\"]");
            return text == null || text.isEmpty() ? null : text;
        });
        assertTrue(problem.contains("Not saved"), problem);
        browser.screenshot("membership-person-problem");

        // Someone else saves meanwhile: 412, and nothing of ours is saved.
        HttpAnswer current = runtime.admin().get(BASE + "/people/" + person).assertJson(200);
        JsonObject theirs = current.object();
        theirs.remove("affiliation");
        theirs.addProperty("honorific", "H.E.");
        runtime.admin().putJson(BASE + "/people/" + person, theirs.toString(), current.etag()).assertJson(200);
        browser.script("document.querySelector('#person-new-to').value = ''");
        browser.driver().findElement(By.id("person-rank")).sendKeys("Colonel");
        browser.click("#person-save");
        browser.waitUntil("the page says someone changed the person", page -> browser.textOf("#person-problem").contains("Someone changed"));
        assertEquals("H.E.", browser.textOf("#person-honorific-value"), "the page shows their version");
        browser.screenshot("membership-person-stale");

        // Saving again replaces theirs knowingly.
        browser.click("#person-save");
        browser.waitUntil("the saved rank is shown", page -> "Colonel".equals(browser.textOf("#person-rank-value")));
        JsonObject saved = runtime.admin().get(BASE + "/people/" + person).assertJson(200).object();
        assertEquals("Colonel", saved.get("rank").getAsString());
        assertEquals(2, saved.getAsJsonArray("affiliations").size(), saved::toString);
        assertTrue(browser.textOf("#person-affiliations").contains("Adviser"), browser.textOf("#person-affiliations"));
        browser.screenshot("membership-person-saved");
    }

    @Test
    @Order(6)
    void aDelegateEditsThePeopleOfTheirOwnInstitutionOnly() {
        browser.homeAs(DELEGATE);
        browser.go("membership/person?id=muhammad-faizal-bin-abdul-rahman");
        browser.waitUntil("the Singaporean's page is shown", page -> browser.textOf("#person-affiliations") != null
                && browser.textOf("#person-affiliations").contains("Research Fellow"));
        assertFalse(browser.present("#person-form"), "a Cambodian delegate gets no form for a Singaporean researcher");

        browser.go("membership/person?id=ly-meng");
        browser.waitFor("form#person-form input#person-rank");
        browser.driver().findElement(By.id("person-rank")).clear();
        browser.driver().findElement(By.id("person-rank")).sendKeys("MG");
        browser.click("#person-save");
        browser.waitUntil("the saved rank is shown", page -> "MG".equals(browser.textOf("#person-rank-value")));
        assertEquals("MG", runtime.admin().get(BASE + "/people/ly-meng").assertJson(200).object().get("rank").getAsString());
        browser.screenshot("membership-person-delegate");
    }

}
