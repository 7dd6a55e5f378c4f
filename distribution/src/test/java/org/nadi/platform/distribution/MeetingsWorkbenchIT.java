package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The meetings module's workbench views in a real browser, as the secretariat, a delegate and
 * an observer use them: the secretariat creates a meeting in the "New meeting" dialog, adds
 * participants by delegation, a session and presentations, re-orders them and their
 * recommendations with the keyboard (the order holds after a reload), meets a concurrent change
 * of the details, and follows a recommendation up in the tracker; a delegate edits their own
 * country's presentation summary and nothing else; an observer sees nothing to change; and the
 * Siem Reap demo meeting renders whole; last, the secretariat edits the agenda and the programme
 * (a day outside the meeting refused at its entry). The tests run in order: each builds on the meeting the
 * first created. Screenshots go to {@code target/screenshots/meetings-*.png}; a JavaScript error
 * or a content security policy violation fails the test that showed it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class MeetingsWorkbenchIT {

    private static final String MEETINGS = "/api/v1/meetings";
    private static final String SECRETARIAT = "meetings-secretariat";
    /** A delegate of Cambodia's GDPFA: they may edit Cambodia's presentation summaries. */
    private static final String DELEGATE = "meetings-delegate";
    private static final String OBSERVER = "meetings-observer";
    private static final String THEME = "Maritime Domain Awareness and the Future of ASEAN Cooperation";
    private static final String SIEM_REAP = "nadi-2024-09-siem-reap";

    private NadiRuntime runtime;
    private Browser browser;
    private ApiClient delegateApi;
    /** The meeting the first test creates through the dialog. */
    private String meeting;

    @BeforeAll
    void start() throws IOException {
        Browser.requireInstalled();
        runtime = NadiRuntime.options().label("meetings-workbench").start();
        runtime.admin().post("/api/v1/membership/reference-data").assertJson(200);
        Accounts.create(runtime, SECRETARIAT, "secretariat", null);
        delegateApi = Accounts.create(runtime, DELEGATE, "delegate", "kh-gdpfa");
        Accounts.create(runtime, OBSERVER, "observer", null);
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
    void theSecretariatCreatesAMeetingInTheNewMeetingDialog() {
        browser.homeAs(SECRETARIAT);
        browser.awaitHomeRendered();
        browser.click("[data-menu=\"meetings.new-meeting\"]");
        browser.waitUntil("the New meeting dialog is open", page -> browser.present("dialog#new-meeting[open]"));
        browser.waitFor("#new-meeting-theme").sendKeys(THEME);
        new Select(browser.waitFor("#new-meeting-hostCountry")).selectByValue("TH");
        browser.waitFor("#new-meeting-city").sendKeys("Bangkok");
        // A date field's typing depends on the locale; its value is what the form reads.
        browser.script("document.querySelector('#new-meeting-from').value = '2027-03-10';"
                + "document.querySelector('#new-meeting-to').value = '2027-03-08'");
        browser.screenshot("meetings-new-dialog");

        browser.click("#new-meeting-submit");
        String problem = browser.waitUntil("the dates' problem is shown under To", page -> nonEmpty(
                browser.textOf("[data-field-problem=\"new-meeting-to\"]")));
        assertTrue(problem.contains("Not created"), problem);
        browser.script("document.querySelector('#new-meeting-to').value = '2027-03-12'");
        browser.click("#new-meeting-submit");

        browser.waitUntil("the editor shows the new meeting", page -> THEME.equals(browser.textOf("#meeting-heading")));
        meeting = browser.driver().getCurrentUrl().replaceFirst(".*[?&]id=([^&]+).*", "$1");
        JsonObject created = runtime.admin().get(MEETINGS + "/" + meeting).assertJson(200).object();
        assertEquals("TH", created.get("hostCountry").getAsString());
        assertEquals("2027-03-12", created.get("to").getAsString());
        String dates = browser.textOf("#meeting-dates");
        assertTrue(dates.contains("March") && dates.contains("2027") && dates.contains("10") && dates.contains("12"), dates);
        assertTrue(browser.present("#proceedings-empty"), "a new meeting has no proceedings");
        browser.screenshot("meetings-editor-new");
    }

    @Test
    @Order(2)
    void theListHasUpcomingAndPastTabsASearchAndMonthOnlyDates() {
        runtime.admin().postJson(MEETINGS, """
                {"body": "nadi", "kind": "ewg-meeting", "theme": "Cyber Security Experts' Working Group",
                 "hostCountry": "SG", "city": "Singapore", "from": "2025-11-01", "to": "2025-11-30",
                 "dateAccuracy": "month", "mode": "virtual", "status": "held"}
                """).assertJson(201);
        browser.homeAs(OBSERVER);
        browser.go("meetings/list");
        browser.waitUntil("the new meeting is upcoming", page -> browser.present("#meetings-table tr[data-meeting=\"" + meeting + "\"]"));
        assertEquals("true", browser.attributes("#meetings-tab-upcoming", "aria-selected").get(0));
        assertFalse(browser.present("#meetings-new"), "an observer creates no meeting");

        // The tabs follow the ARIA pattern: the arrow key moves to Past and shows it.
        browser.driver().findElement(By.id("meetings-tab-upcoming")).sendKeys(Keys.ARROW_RIGHT);
        browser.waitUntil("the Past tab shows the Singapore meeting", page -> browser.present("#meetings-table td[data-country=\"SG\"]"));
        assertEquals("meetings-tab-past", browser.script("return document.activeElement.id"));
        String dates = browser.textOf("#meetings-table tr td.meetings-dates");
        assertEquals("November 2025", dates, "a month-only date is shown as its month");
        browser.screenshot("meetings-list-past");

        browser.click("#meetings-tab-upcoming");
        browser.waitFor("#meetings-q").sendKeys("bangkok");
        browser.waitUntil("the search keeps the Bangkok meeting", page -> "1 upcoming meeting matches the search, soonest first."
                .equals(browser.textOf("#meetings-message")));
        browser.waitFor("#meetings-q").sendKeys(" nowhere");
        browser.waitUntil("a search that matches nothing says so", page -> browser.textOf("#meetings-message").startsWith("No upcoming"));
        browser.screenshot("meetings-list-search");
    }

    @Test
    @Order(3)
    void theParticipantsViewGroupsByDelegationAndTheSecretariatAddsAndRemoves() {
        browser.homeAs(SECRETARIAT);
        browser.go("meetings/participants?id=" + meeting);
        new Select(browser.waitFor("#participant-country")).selectByValue("KH");
        new Select(browser.waitFor("#participant-institution")).selectByValue("kh-gdpfa");
        browser.waitUntil("the GDPFA's people are offered", page -> browser.present("#participant-person option[value=\"nem-sowathey\"]"));
        new Select(browser.waitFor("#participant-person")).selectByValue("nem-sowathey");
        new Select(browser.waitFor("#participant-role")).selectByValue("head-of-delegation");
        browser.click("#participant-add");
        browser.waitUntil("Cambodia's delegation lists its head",
                page -> browser.present("section[data-delegation=\"KH\"] tr[data-person=\"nem-sowathey\"]"));

        addParticipant("ID", "id-cssrd-tni", "antonius-widyoutomo", "presenter");
        addParticipant("BN", "bn-shhbidss", "abdul-malik-kamis", "presenter");
        addParticipant("MY", "my-midas", "zainudin-bahari", "observer");
        browser.go("meetings/participants?id=" + meeting + "&again=1");
        browser.waitUntil("four delegations are listed", page -> browser.all("section[data-delegation]").size() == 4);
        assertEquals(List.of("BN", "KH", "ID", "MY"), browser.attributes("section[data-delegation]", "data-delegation"),
                "delegations in the order of their countries' names");
        String position = runtime.admin().get("/api/v1/membership/people/abdul-malik-kamis?at=2027-03-10").assertJson(200)
                .object().getAsJsonObject("affiliation").get("position").getAsString();
        assertEquals(position, browser.textOf("tr[data-person=\"abdul-malik-kamis\"] .participant-position"));
        assertTrue(browser.textOf("section[data-delegation=\"KH\"] [data-institution-group=\"kh-gdpfa\"]")
                .contains("Head of delegation"), "roles are shown");
        browser.screenshot("meetings-participants");

        browser.click("tr[data-person=\"zainudin-bahari\"] button[data-action=\"remove-participant\"]");
        browser.waitUntil("the confirmation is open", page -> browser.present("dialog#confirm[open]"));
        browser.click("dialog#confirm button#confirm-ok");
        browser.waitUntil("Malaysia's delegation is gone", page -> !browser.present("section[data-delegation=\"MY\"]"));
        assertEquals(3, participants().size());
    }

    @Test
    @Order(4)
    void theSecretariatAddsASessionAndPresentationsAndReordersThemWithTheKeyboard() {
        browser.homeAs(SECRETARIAT);
        openEditor();
        addItem("session", form -> form.title("SESSION I: Maritime domain awareness"));
        String session = browser.attributes("#proceedings li[data-kind=\"session\"]", "data-proceeding").get(0);
        addItem("country-presentation", form -> form.country("BN", "bn-shhbidss").speaker("abdul-malik-kamis").session(session)
                .paragraphs("Brunei shared its coastal surveillance network.\n\nIt proposed two steps."));
        addItem("country-presentation", form -> form.country("ID", "id-cssrd-tni").speaker("antonius-widyoutomo").session(session)
                .paragraphs("Indonesia described its maritime information centre."));
        List<String> added = browser.attributes("#proceedings > li", "data-proceeding");
        assertEquals(3, added.size(), added::toString);
        String brunei = added.get(1);
        String indonesia = added.get(2);
        assertTrue(browser.textOf("li[data-proceeding=\"" + brunei + "\"] .meetings-speaker").contains("Abdul Malik"),
                browser.textOf("li[data-proceeding=\"" + brunei + "\"] .meetings-speaker"));
        browser.screenshot("meetings-proceedings-added");

        // The keyboard: focus Indonesia's "Move up" and press Enter; the focus stays on it.
        focus("button[data-action=\"move-up\"][data-item=\"" + indonesia + "\"]");
        browser.press(Keys.ENTER);
        browser.waitUntil("Indonesia is second", page -> List.of(session, indonesia, brunei)
                .equals(browser.attributes("#proceedings > li", "data-proceeding")));
        assertEquals(List.of(session, indonesia, brunei), proceedingIds(), "the server has the new order");
        assertEquals(List.of("move-up", indonesia), focused("data-action", "data-item"), "the focus stays on the moved item's button");
        browser.waitUntil("the move is announced", page -> browser.textOf("#notice").contains("moved up"));
        browser.screenshot("meetings-proceedings-reordered");
    }

    @Test
    @Order(5)
    void theSecretariatAddsRecommendationsAndReordersThemAndTheOrderHoldsAfterAReload() {
        browser.homeAs(SECRETARIAT);
        openEditor();
        String brunei = browser.attributes("#proceedings li[data-kind=\"country-presentation\"]", "data-proceeding").get(1);
        addRecommendation(brunei, "ASEAN should keep its centrality in maritime cooperation.", "ASEAN", "centrality");
        addRecommendation(brunei, "NADI should study AI for maritime surveillance.", "NADI", "ai, cyber-security");
        String list = "[data-recommendations-of=\"" + brunei + "\"]";
        assertEquals(List.of("a.", "b."), browser.texts(list + " .meetings-label"));
        String second = browser.attributes(list + " li[data-recommendation]", "data-recommendation").get(1);

        focus("button[data-action=\"move-recommendation-up\"][data-recommendation-id=\"" + second + "\"]");
        browser.press(Keys.SPACE);
        browser.waitUntil("the AI recommendation is now a", page -> browser.texts(list + " .meetings-text").get(0).startsWith("NADI should"));
        assertEquals(List.of("move-recommendation-down", second), focused("data-action", "data-recommendation-id"),
                "at the top, the focus goes to the other move button");

        browser.open("/#/meetings/meeting?id=" + meeting);
        browser.waitUntil("the reloaded editor shows the recommendations", page -> browser.present(list + " li[data-recommendation]"));
        assertEquals(List.of("a.", "b."), browser.texts(list + " .meetings-label"));
        assertEquals(List.of("NADI should study AI for maritime surveillance.", "ASEAN should keep its centrality in maritime cooperation."),
                browser.texts(list + " .meetings-text"), "the recommendations' order holds after a reload");
        assertEquals(proceedingIds(), browser.attributes("#proceedings > li", "data-proceeding"), "so does the proceedings' order");
        browser.screenshot("meetings-recommendations-reordered");
    }

    @Test
    @Order(6)
    void aConcurrentChangeOfTheDetailsIsRefusedWithAClearMessage() {
        browser.homeAs(SECRETARIAT);
        openEditor();
        browser.click("#meeting-edit");
        WebElement venue = browser.waitFor("#meeting-venue");
        venue.sendKeys("Chakri Hall");

        HttpAnswer current = runtime.admin().get(MEETINGS + "/" + meeting).assertJson(200);
        JsonObject theirs = header(current.object());
        theirs.addProperty("venue", "Their venue");
        runtime.admin().putJson(MEETINGS + "/" + meeting, theirs.toString(), current.etag()).assertJson(200);

        browser.click("#meeting-save");
        String problem = browser.waitUntil("the form says someone changed the meeting", page -> nonEmpty(browser.textOf("#meeting-form-problem")));
        assertTrue(problem.contains("Someone else changed this meeting") && problem.contains("nothing was saved"), problem);
        assertEquals("Their venue", venue(), "nothing of ours was saved");
        browser.screenshot("meetings-details-conflict");

        browser.click("#meeting-save");
        browser.waitUntil("the details are shown again", page -> browser.present("#meeting-heading"));
        assertEquals("Chakri Hall", venue(), "saving again replaces theirs knowingly");
    }

    @Test
    @Order(7)
    void theTrackerFiltersByTopicShowsATimelineAndTakesAFollowUpStep() {
        browser.homeAs(SECRETARIAT);
        browser.go("meetings/recommendations");
        browser.waitUntil("the tracker lists both recommendations", page -> browser.all("#tracker-table tr[data-recommendation]").size() == 2);
        browser.waitFor("#tracker-topic").sendKeys("ai");
        browser.click("#tracker-filter");
        browser.waitUntil("only the AI recommendation is left", page -> browser.all("#tracker-table tr[data-recommendation]").size() == 1);
        assertTrue(browser.textOf("#tracker-table tbody").contains("NADI should study AI"), browser.textOf("#tracker-table tbody"));

        browser.click("#tracker-table button[data-action=\"timeline\"]");
        browser.waitUntil("the timeline shows the proposal", page -> List.of("proposed").equals(browser.attributes("#tracker-steps li", "data-step")));
        browser.waitUntil("the step names its meeting", page -> browser.textOf("#tracker-steps").contains(THEME));
        new Select(browser.waitFor("#step-status")).selectByValue("adopted");
        browser.script("document.querySelector('#step-on').value = '2027-05-02'");
        browser.waitFor("#step-document").sendKeys("ADSOM working group report 2027");
        browser.click("#step-add");
        browser.waitUntil("the timeline has the adoption", page -> List.of("proposed", "adopted")
                .equals(browser.attributes("#tracker-steps li", "data-step")));
        browser.waitUntil("the list shows the new status", page -> browser.present("#tracker-table [data-recommendation-status=\"adopted\"]"));
        browser.screenshot("meetings-tracker-timeline");
    }

    @Test
    @Order(8)
    void aDelegateEditsOnlyTheirOwnCountrysPresentationSummary() {
        String session = runtime.admin().get(MEETINGS + "/" + meeting).assertJson(200).object().getAsJsonArray("proceedings")
                .get(0).getAsJsonObject().get("id").getAsString();
        String cambodia = changeMeeting("POST", "/proceedings", """
                {"kind": "country-presentation", "country": "KH", "institution": "kh-gdpfa", "speaker": "nem-sowathey",
                 "session": %s, "paragraphs": ["Cambodia presented its maritime patrols."]}
                """.formatted(session)).get("id").getAsString();

        browser.homeAs(DELEGATE);
        openEditor();
        assertEquals(List.of(cambodia), browser.attributes("#meeting-proceedings button[data-action=\"edit-summary\"]", "data-item"),
                "the delegate may edit Cambodia's summary only");
        for (String control : List.of("button[data-action=\"edit\"]", "button[data-action=\"move-up\"]", "button[data-action=\"delete\"]",
                "button[data-action=\"add-recommendation\"]", "button[data-action=\"edit-recommendation\"]", "#proceeding-add", "#meeting-edit")) {
            assertFalse(browser.present(control), "a delegate has no " + control);
        }
        browser.click("button[data-action=\"edit-summary\"][data-item=\"" + cambodia + "\"]");
        WebElement summary = browser.waitFor("#proceeding-" + cambodia + "-paragraphs");
        summary.clear();
        summary.sendKeys("Cambodia presented its maritime patrols.\n\nIt offered to host a table-top exercise.");
        browser.screenshot("meetings-delegate-summary");
        browser.click("#proceeding-" + cambodia + "-form button[data-action=\"save-proceeding\"]");
        browser.waitUntil("the new summary is shown", page -> browser.texts("li[data-proceeding=\"" + cambodia + "\"] .meetings-paragraphs p").size() == 2);
        JsonObject saved = item(cambodia);
        assertEquals("It offered to host a table-top exercise.", saved.getAsJsonArray("paragraphs").get(1).getAsString());

        // The server holds the same line: another country's presentation is refused.
        JsonObject brunei = proceedings().get(2).getAsJsonObject();
        assertEquals("BN", brunei.get("country").getAsString(), brunei::toString);
        brunei.add("paragraphs", paragraphs("Rewritten by a Cambodian delegate."));
        String etag = runtime.admin().get(MEETINGS + "/" + meeting).assertJson(200).etag();
        delegateApi.putJson(MEETINGS + "/" + meeting + "/proceedings/" + brunei.get("id").getAsString(), brunei.toString(), etag)
                .assertProblem(403);

        // Delegates comment.
        browser.waitFor("#comment-text").sendKeys("Cambodia will circulate the exercise's concept note.");
        browser.click("#comment-post");
        browser.waitUntil("the comment is listed", page -> browser.textOf("#meeting-comments").contains("concept note"));
        assertTrue(browser.textOf("#meeting-comments").contains(DELEGATE), browser.textOf("#meeting-comments"));
        browser.screenshot("meetings-delegate-comment");
    }

    @Test
    @Order(9)
    void anObserverSeesNoEditControls() {
        browser.homeAs(OBSERVER);
        browser.awaitHomeRendered();
        assertFalse(browser.present("[data-menu=\"meetings.new-meeting\"]"), "no New meeting on the observer's home view");
        assertTrue(browser.textOf("[data-widget=\"meetings.upcoming\"]").contains(THEME), "the Upcoming meetings card lists the meeting");
        assertEquals("1", browser.textOf("[data-widget=\"meetings.recommendation-counts\"] [data-count=\"adopted\"]"));
        assertEquals("1", browser.textOf("[data-widget=\"meetings.recommendation-counts\"] [data-count=\"proposed\"]"));

        openEditor();
        assertTrue(browser.all("#proceedings > li").size() >= 4, "the observer reads the proceedings");
        assertEquals(List.of(), browser.all("[data-view-root=\"meetings.meeting\"] button[data-action]"), "no change buttons");
        assertEquals(List.of(), browser.all("[data-view-root=\"meetings.meeting\"] form"), "no forms");
        assertFalse(browser.present("#meeting-edit") || browser.present("#meeting-comments-section"), "no details edit, no comments");
        browser.screenshot("meetings-editor-observer");

        browser.go("meetings/participants?id=" + meeting);
        browser.waitUntil("the delegations are listed", page -> browser.present("section[data-delegation=\"KH\"]"));
        assertFalse(browser.present("#participant-form") || browser.present("button[data-action=\"remove-participant\"]"),
                "an observer adds and removes nobody");

        browser.go("meetings/recommendations");
        browser.waitUntil("the tracker lists recommendations", page -> browser.present("#tracker-table tr[data-recommendation]"));
        browser.click("#tracker-table button[data-action=\"timeline\"]");
        browser.waitUntil("the timeline is shown", page -> browser.present("#tracker-steps li"));
        assertFalse(browser.present("#step-form"), "an observer adds no follow-up step");
    }

    @Test
    @Order(10)
    void theSiemReapDemoMeetingRendersWithAllItsProceedings() throws IOException {
        try (NadiRuntime demo = NadiRuntime.options().label("meetings-workbench-demo").arguments("--demo").start();
                Browser reader = Browser.start(demo)) {
            HttpAnswer answer = demo.admin().get(MEETINGS + "/" + SIEM_REAP);
            assertEquals(200, answer.status(), () -> "the demo data holds the Siem Reap meeting: " + answer);
            JsonObject siemReap = answer.object();
            int items = siemReap.getAsJsonArray("proceedings").size();
            int recommendations = siemReap.getAsJsonArray("recommendations").size();
            int attendees = siemReap.getAsJsonArray("participants").size();

            reader.signIn(NadiRuntime.ADMIN, NadiRuntime.ADMIN_PASSWORD);
            reader.go("meetings/list");
            reader.click("#meetings-tab-past");
            reader.waitFor("#meetings-q").sendKeys("siem reap");
            reader.waitUntil("the list finds the Siem Reap meeting", page -> reader.present("#meetings-table tr[data-meeting=\"" + SIEM_REAP + "\"]"));
            String dates = reader.textOf("tr[data-meeting=\"" + SIEM_REAP + "\"] .meetings-dates");
            assertTrue(dates.contains("September") && dates.contains("2024") && dates.contains("18") && dates.contains("21"), dates);
            reader.click("tr[data-meeting=\"" + SIEM_REAP + "\"] a");
            reader.waitUntil("every proceeding is rendered", page -> reader.all("#proceedings > li").size() == items);
            assertEquals(recommendations, reader.all("li[data-recommendation]").size(), "every recommendation is rendered");
            assertTrue(reader.textOf("#meeting-heading").startsWith("The Emerging Security Architecture in Asia-Pacific"));
            assertTrue(reader.all("#proceedings .meetings-speaker").stream().noneMatch(e -> e.getText().contains("not among the participants")),
                    "every speaker is a participant, shown with their position then");
            reader.screenshot("meetings-siem-reap");

            reader.click("#meeting-participants-link");
            reader.waitUntil("every participant is listed", page -> reader.all("tr[data-participant]").size() == attendees);
            reader.screenshot("meetings-siem-reap-participants");
            List<String> errors = reader.takeJavaScriptErrors();
            assertTrue(errors.isEmpty(), () -> "The page logged errors:\n" + String.join("\n", errors));
        }
    }

    @Test
    @Order(11)
    void theSecretariatEditsTheAgendaAndTheProgramme() {
        browser.homeAs(SECRETARIAT);
        openEditor();
        browser.click("#meeting-agenda-edit");
        browser.waitUntil("the agenda dialog is open", page -> browser.present("dialog#agenda-dialog[open]"));
        browser.script("document.querySelector('#agenda-adopted-on').value = '2027-03-10'");
        browser.waitFor("#agenda-items").sendKeys("Welcome remarks\nAdoption of the agenda\n\nSession I: maritime domain awareness");
        browser.click("#agenda-dialog-submit");
        browser.waitUntil("the agenda shows its three items", page -> browser.all("#meeting-agenda-items li").size() == 3);
        JsonObject agenda = runtime.admin().get(MEETINGS + "/" + meeting).assertJson(200).object().getAsJsonObject("agenda");
        assertEquals("2027-03-10", agenda.get("adoptedOn").getAsString());
        assertEquals("Adoption of the agenda", agenda.getAsJsonArray("items").get(1).getAsJsonObject().get("title").getAsString());

        browser.click("#meeting-programme-edit");
        browser.waitUntil("the programme dialog is open", page -> browser.present("dialog#programme-dialog[open]"));
        browser.click("#programme-add");
        // A day after the meeting's last: refused, the entry's day marked, nothing saved.
        browser.script("document.querySelector('#programme-0-day').value = '2027-03-20';"
                + "document.querySelector('#programme-0-start').value = '09:00';"
                + "document.querySelector('#programme-0-end').value = '09:30'");
        browser.waitFor("#programme-0-title").sendKeys("Opening ceremony");
        browser.click("#programme-dialog-submit");
        String problem = browser.waitUntil("the programme's problem is shown", page -> nonEmpty(browser.textOf("#programme-problem")));
        assertTrue(problem.contains("Not saved"), problem);
        assertEquals("true", browser.driver().findElement(By.id("programme-0-day")).getAttribute("aria-invalid"));
        browser.screenshot("meetings-programme-problem");
        browser.script("document.querySelector('#programme-0-day').value = '2027-03-10'");
        browser.click("#programme-dialog-submit");
        browser.waitUntil("the programme shows its entry", page -> browser.all("#meeting-programme-entries tr").size() == 1);
        JsonObject entry = runtime.admin().get(MEETINGS + "/" + meeting).assertJson(200).object().getAsJsonArray("programme").get(0)
                .getAsJsonObject();
        assertEquals("2027-03-10", entry.get("day").getAsString());
        assertEquals("09:30", entry.get("end").getAsString());
        assertEquals("Opening ceremony", entry.get("title").getAsString());
        browser.screenshot("meetings-agenda-and-programme");
    }

    // ---- helpers ---------------------------------------------------------------------------

    private void openEditor() {
        browser.go("meetings/meeting?id=" + meeting);
        browser.waitUntil("the editor shows the meeting", page -> THEME.equals(browser.textOf("#meeting-heading"))
                && browser.present("#meeting-proceedings"));
    }

    private void focus(String css) {
        browser.waitFor(css);
        browser.script("document.querySelector(arguments[0]).focus()", css);
    }

    /** The focused element's values of these attributes. */
    private List<Object> focused(String... attributes) {
        return List.of(attributes).stream()
                .map(name -> browser.script("return document.activeElement.getAttribute(arguments[0])", name)).toList();
    }

    private static String nonEmpty(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** The fields of the "Add to the proceedings" form, filled in as a person would. */
    private final class ItemForm {
        ItemForm title(String text) {
            browser.waitFor("#proceeding-new-title").sendKeys(text);
            return this;
        }

        ItemForm country(String code, String institution) {
            new Select(browser.waitFor("#proceeding-new-country")).selectByValue(code);
            new Select(browser.waitFor("#proceeding-new-institution")).selectByValue(institution);
            return this;
        }

        ItemForm speaker(String person) {
            new Select(browser.waitFor("#proceeding-new-speaker")).selectByValue(person);
            return this;
        }

        ItemForm session(String id) {
            new Select(browser.waitFor("#proceeding-new-session")).selectByValue(id);
            return this;
        }

        ItemForm paragraphs(String text) {
            browser.waitFor("#proceeding-new-paragraphs").sendKeys(text);
            return this;
        }
    }

    private void addItem(String kind, Consumer<ItemForm> fill) {
        int before = browser.all("#proceedings > li").size();
        new Select(browser.waitFor("#proceeding-new-kind")).selectByValue(kind);
        fill.accept(new ItemForm());
        browser.click("#proceeding-new-form button[data-action=\"save-proceeding\"]");
        browser.waitUntil("the " + kind + " is added", page -> browser.all("#proceedings > li").size() == before + 1);
        Supplier<String> focusedId = () -> (String) browser.script("return document.activeElement.id");
        assertTrue(focusedId.get().matches("proceeding-\\d+-heading"), () -> "the new item's heading has the focus, not " + focusedId.get());
    }

    private void addRecommendation(String item, String text, String addressee, String topics) {
        String list = "[data-recommendations-of=\"" + item + "\"] li[data-recommendation]";
        int before = browser.all(list).size();
        browser.click("button[data-action=\"add-recommendation\"][data-item=\"" + item + "\"]");
        String prefix = "#recommendation-new-" + item;
        browser.waitFor(prefix + "-text").sendKeys(text);
        browser.click(prefix + "-addressees input[value=\"" + addressee + "\"]");
        browser.waitFor(prefix + "-topics").sendKeys(topics);
        browser.click(prefix + "-form button[data-action=\"save-recommendation\"]");
        browser.waitUntil("the recommendation is added", page -> browser.all(list).size() == before + 1);
    }

    private void addParticipant(String country, String institution, String person, String role) {
        changeMeeting("POST", "/participants", """
                {"country": "%s", "institution": "%s", "person": "%s", "role": "%s"}
                """.formatted(country, institution, person, role));
    }

    /** A change to a part of the meeting as the administrator, with the meeting's current version; answers its body. */
    private JsonObject changeMeeting(String method, String path, String json) {
        String etag = runtime.admin().get(MEETINGS + "/" + meeting).assertJson(200).etag();
        HttpAnswer answer = runtime.admin().withHeader("If-Match", etag)
                .send(method, MEETINGS + "/" + meeting + path, "application/json", json.getBytes(StandardCharsets.UTF_8));
        assertTrue(answer.status() == 200 || answer.status() == 201, answer::toString);
        return answer.object();
    }

    private JsonArray proceedings() {
        return runtime.admin().get(MEETINGS + "/" + meeting).assertJson(200).object().getAsJsonArray("proceedings");
    }

    private List<String> proceedingIds() {
        return proceedings().asList().stream().map(item -> item.getAsJsonObject().get("id").getAsString()).toList();
    }

    private JsonObject item(String id) {
        return proceedings().asList().stream().map(JsonElement::getAsJsonObject)
                .filter(item -> item.get("id").getAsString().equals(id)).findFirst().orElseThrow();
    }

    private JsonArray participants() {
        return runtime.admin().get(MEETINGS + "/" + meeting).assertJson(200).object().getAsJsonArray("participants");
    }

    private String venue() {
        JsonElement venue = runtime.admin().get(MEETINGS + "/" + meeting).assertJson(200).object().get("venue");
        return venue.isJsonNull() ? null : venue.getAsString();
    }

    /** The header fields of a meeting document, as PUT takes them. */
    private static JsonObject header(JsonObject meeting) {
        JsonObject header = new JsonObject();
        for (String name : List.of("body", "kind", "theme", "hostCountry", "organiser", "chair", "venue", "city", "from", "to",
                "dateAccuracy", "mode", "status", "topics", "expectedOutcomes")) {
            if (meeting.has(name)) {
                header.add(name, meeting.get(name));
            }
        }
        return header;
    }

    private static JsonArray paragraphs(String... texts) {
        JsonArray array = new JsonArray();
        for (String text : texts) {
            array.add(text);
        }
        return array;
    }
}
