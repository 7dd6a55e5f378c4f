package org.nadi.platform.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nadi.platform.workbench.internal.Contributions.Command;
import org.nadi.platform.workbench.internal.Contributions.Menu;
import org.nadi.platform.workbench.internal.Contributions.View;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

class ContributionFileTest {

    private static final String FILE = "workbench/contributions.json";
    /** The files the test bundle has besides the contribution file. */
    private static final Set<String> BUNDLE = Set.of("workbench/notes.js", "workbench/recent.js", "workbench/icons/pin.svg");
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        // The schema as documented, from docs/ (the same file the bundle serves).
        String text = Files.readString(Path.of("../../docs/contributions.schema.json"));
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text);
    }

    private static Contributions read(String json) throws ContributionFile.Invalid {
        return ContributionFile.read("example", FILE, json, BUNDLE::contains, "7");
    }

    private static boolean schemaAccepts(String json) throws IOException {
        return schema.validate(new ObjectMapper().readTree(json)).isEmpty();
    }

    private static final String FULL = """
            {
              "$schema": "/shell/contributions.schema.json",
              "views": [
                {"id": "notes", "title": "Notes", "icon": "note", "route": "notes", "script": "notes.js",
                 "group": "Examples", "order": 100, "role": "observer"},
                {"id": "pinned", "title": "Pinned", "icon": "icons/pin.svg", "route": "pinned", "script": "notes.js",
                 "role": "delegate"}
              ],
              "commands": [
                {"id": "new-note", "label": "New note", "shortcut": "Alt+N", "role": "delegate",
                 "opens": {"view": "notes", "params": {"new": "true"}}},
                {"id": "purge", "label": "Purge notes", "role": "administrator",
                 "calls": {"method": "POST", "path": "/api/v1/example/purge", "body": {"all": true}, "confirm": "Purge?"}}
              ],
              "menus": [
                {"id": "new-note", "location": "home", "command": "new-note", "order": 10, "role": "delegate"},
                {"id": "toolbar-new", "location": "view:notes", "command": "new-note", "label": "Add", "role": "delegate"}
              ],
              "widgets": [
                {"id": "recent", "title": "Recent notes", "script": "recent.js", "size": "wide", "order": 20, "role": "observer"}
              ]
            }
            """;

    @Test
    void readsEveryKindOfContributionAsBrowsersAreServedIt() throws Exception {
        Contributions contributions = read(FULL);

        View notes = contributions.views().get(0);
        assertEquals(new View("example.notes", "example", "notes", "Notes", "note", "example/notes", "/modules/example/notes.js?v=7",
                "Examples", 100, "observer"), notes);
        View pinned = contributions.views().get(1);
        assertEquals("/modules/example/icons/pin.svg?v=7", pinned.icon());
        assertEquals("General", pinned.group(), "a view without a group is listed under General");
        assertEquals(1000, pinned.order(), "a view without an order comes after those with one");

        Command newNote = contributions.commands().get(0);
        assertEquals("example.new-note", newNote.key());
        assertEquals("Alt+N", newNote.shortcut());
        assertEquals(new Contributions.Opens("example/notes", Map.of("new", "true")), newNote.opens());
        assertNull(newNote.calls());
        Command purge = contributions.commands().get(1);
        assertEquals("/api/v1/example/purge", purge.calls().path());
        assertEquals("Purge?", purge.calls().confirm());
        assertTrue(purge.calls().body().get("all").getAsBoolean());

        Menu home = contributions.menus().get(0);
        assertEquals("example.new-note", home.command());
        assertEquals("New note", home.label(), "a menu entry without a label takes its command's");
        Menu toolbar = contributions.menus().get(1);
        assertEquals("view:example.notes", toolbar.location());
        assertEquals("Add", toolbar.label());

        assertEquals("/modules/example/recent.js?v=7", contributions.widgets().get(0).script());
        assertEquals("wide", contributions.widgets().get(0).size());
        assertTrue(schemaAccepts(FULL), "the documented schema accepts what the workbench accepts");
    }

    @Test
    void anEmptyFileContributesNothing() throws Exception {
        assertEquals(Contributions.NONE, read("{}"));
        assertTrue(schemaAccepts("{}"));
    }

    /**
     * A wrong file, what the module's reason must say, and whether the schema alone sees the
     * mistake (it cannot see references between entries, nor which files the bundle has).
     */
    static Stream<Arguments> wrongFiles() {
        return Stream.of(
                wrong("{\"views\": [}", "is not valid JSON", true),
                wrong("{\"views\": []} trailing", "is not valid JSON", true),
                wrong("{\"view\": []}", "view is not a known field", true),
                wrong("{\"views\": {}}", "views must be a list", true),
                wrong("{\"views\": [{\"id\": \"notes\", \"title\": \"Notes\", \"route\": \"notes\", \"script\": \"notes.js\"}]}",
                        "views[0].role is missing", true),
                wrong(view("\"role\": \"admin\""), "views[0].role 'admin' is not one of [administrator, delegate, observer, secretariat]", true),
                wrong(view("\"role\": \"observer\", \"script\": \"notez.js\""), "views[0].script 'notez.js' is not in the bundle", false),
                wrong(view("\"role\": \"observer\", \"id\": \"Notes\""), "views[0].id 'Notes' is not lower case", true),
                wrong(view("\"role\": \"observer\", \"title\": \"   \""), "views[0].title must be 1 to 80 characters", true),
                wrong(view("\"role\": \"observer\", \"icon\": \"rocket\""), "views[0].icon 'rocket' is neither", true),
                wrong(view("\"role\": \"observer\", \"order\": -1"), "views[0].order must be a whole number", true),
                wrong(view("\"role\": \"observer\", \"order\": 1.5"), "views[0].order must be a whole number", true),
                wrong(view("\"role\": \"observer\", \"route\": \"a/b\""), "views[0].route 'a/b' is not", true),
                wrong("{\"views\": [" + viewEntry("\"role\": \"observer\"") + ", " + viewEntry("\"role\": \"observer\", \"route\": \"other\"")
                        + "]}", "views[1].id 'notes' is used twice", false),
                wrong(command("\"opens\": {\"view\": \"notes\"}, \"calls\": {\"method\": \"GET\", \"path\": \"/api/v1/x\"}"),
                        "commands[0] needs exactly one of 'opens'", true),
                wrong(command("\"opens\": {\"view\": \"missing\"}"), "commands[0].opens.view 'missing' is not one of this module's views", false),
                wrong(command("\"opens\": {\"view\": \"notes\"}, \"shortcut\": \"Ctrl+K\""), "commands[0].shortcut 'Ctrl+K' opens the shell's command palette", false),
                wrong(command("\"opens\": {\"view\": \"notes\"}, \"shortcut\": \"ctrl+n\""), "commands[0].shortcut 'ctrl+n' is not", true),
                wrong(command("\"calls\": {\"method\": \"POST\", \"path\": \"/etc/passwd\"}"), "commands[0].calls.path '/etc/passwd' is not", true),
                wrong(command("\"calls\": {\"method\": \"TRACE\", \"path\": \"/api/v1/x\"}"), "commands[0].calls.method 'TRACE' is not one of", true),
                wrong(menu("\"location\": \"home\", \"command\": \"missing\""), "menus[0].command 'missing' is not one of this module's commands", false),
                wrong(menu("\"location\": \"sidebar\", \"command\": \"open\""), "menus[0].location 'sidebar' is not", true),
                wrong(menu("\"location\": \"view:missing\", \"command\": \"open\""), "menus[0].location 'missing' is not one of this module's views", false),
                wrong("{\"widgets\": [{\"id\": \"w\", \"title\": \"W\", \"script\": \"recent.js\", \"size\": \"huge\", \"role\": \"observer\"}]}",
                        "widgets[0].size 'huge' is not one of [normal, wide]", true),
                wrong("{\"widgets\": [{\"id\": \"w\", \"title\": \"W\", \"script\": \"recent.css\", \"role\": \"observer\"}]}",
                        "widgets[0].script 'recent.css' is not a .js file", true));
    }

    private static Arguments wrong(String json, String reason, boolean schemaSeesIt) {
        return Arguments.of(json, reason, schemaSeesIt);
    }

    private static String viewEntry(String fields) {
        Map<String, String> defaults = Map.of("id", "\"notes\"", "title", "\"Notes\"", "route", "\"notes\"", "script", "\"notes.js\"");
        StringBuilder entry = new StringBuilder("{" + fields);
        defaults.forEach((field, value) -> {
            if (!fields.contains("\"" + field + "\"")) {
                entry.append(", \"").append(field).append("\": ").append(value);
            }
        });
        return entry.append("}").toString();
    }

    private static String view(String fields) {
        return "{\"views\": [" + viewEntry(fields) + "]}";
    }

    private static String command(String fields) {
        return "{\"views\": [" + viewEntry("\"role\": \"observer\"") + "], \"commands\": [{\"id\": \"open\", \"label\": \"Open\", "
                + "\"role\": \"observer\", " + fields + "}]}";
    }

    private static String menu(String fields) {
        return command("\"opens\": {\"view\": \"notes\"}").replace("}]}", "}], \"menus\": [{\"id\": \"m\", \"role\": \"observer\", "
                + fields + "}]}");
    }

    @ParameterizedTest
    @MethodSource("wrongFiles")
    void refusesAWrongFileNamingTheFileAndTheProblem(String json, String reason, boolean schemaSeesIt) throws IOException {
        ContributionFile.Invalid refused = assertThrows(ContributionFile.Invalid.class, () -> read(json));

        assertTrue(refused.getMessage().startsWith(FILE + ": "), refused::getMessage);
        assertTrue(refused.getMessage().contains(reason), () -> "expected '" + reason + "' in: " + refused.getMessage());
        if (json.startsWith("{\"views\": [}") || json.endsWith("trailing")) {
            return;
        }
        assertEquals(!schemaSeesIt, schemaAccepts(json), "the documented schema and the workbench disagree on " + json);
    }
}
