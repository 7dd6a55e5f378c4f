package org.nadi.platform.workbench.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.nadi.platform.workbench.internal.Contributions.Calls;
import org.nadi.platform.workbench.internal.Contributions.Command;
import org.nadi.platform.workbench.internal.Contributions.Menu;
import org.nadi.platform.workbench.internal.Contributions.Opens;
import org.nadi.platform.workbench.internal.Contributions.View;
import org.nadi.platform.workbench.internal.Contributions.Widget;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Reads a module's contribution file: checks it against the rules of
 * {@code docs/contributions.schema.json} and the references between its entries, and turns it
 * into what browsers are served. Every problem is reported as the file's name, the JSON path of
 * the offending value and what is wrong with it.
 */
final class ContributionFile {

    static final int MAX_BYTES = 256 * 1024;
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern ROUTE = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern SCRIPT = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.js");
    private static final Pattern ICON_FILE = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.svg");
    private static final Pattern SHORTCUT = Pattern.compile("((Ctrl|Alt|Shift|Meta)\\+)*([A-Z0-9]|F[1-9]|F1[0-2])");
    private static final Pattern MENU_LOCATION = Pattern.compile("user|home|view:([a-z][a-z0-9-]{0,39})");
    private static final Pattern API_PATH = Pattern.compile("/api/v1/[A-Za-z0-9/_.-]*");
    static final Set<String> ICONS = Set.of("home", "modules", "note", "users", "calendar", "meeting", "report", "audit",
            "settings", "graph", "list", "document", "globe", "shield", "plug", "people", "building", "flag");
    private static final Set<String> ROLES = Set.of("observer", "delegate", "secretariat", "administrator");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> SIZES = Set.of("normal", "wide");
    private static final Set<String> RESERVED_SHORTCUTS = Set.of("Ctrl+K", "Meta+K");

    private final String module;
    private final String file;
    /** The folder the file is in, inside the bundle, with a trailing slash; empty for the bundle's root. */
    private final String folder;
    private final Predicate<String> inBundle;
    /** Added to the files' addresses, so that browsers load a module's new scripts after an update. */
    private final String version;

    private ContributionFile(String module, String file, Predicate<String> inBundle, String version) {
        this.module = module;
        this.version = version;
        this.file = file;
        this.folder = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
        this.inBundle = inBundle;
    }

    /** A contribution file with a problem; the message names the file and the problem. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    /**
     * Reads the file.
     *
     * @param module   the module's id, which qualifies its contributions
     * @param file     the file's path in the bundle, as the {@code NADI-Workbench} header names it
     * @param text     the file's content
     * @param inBundle whether the bundle has an entry at this path
     * @param version  the bundle's version of its files, e.g. when it was last updated
     */
    static Contributions read(String module, String file, String text, Predicate<String> inBundle, String version) throws Invalid {
        return new ContributionFile(module, file, inBundle, version).read(text);
    }

    private Contributions read(String text) throws Invalid {
        JsonElement root;
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw problem("", "has more after the JSON object ends");
            }
        } catch (JsonParseException | IOException | IllegalStateException malformed) {
            throw new Invalid(file + ": is not valid JSON: " + malformed.getMessage());
        }
        JsonObject object = object(root, "");
        onlyFields(object, "", "$schema", "views", "commands", "menus", "widgets");
        List<View> views = new ArrayList<>();
        for (JsonObject entry : list(object, "views", 50)) {
            views.add(view(entry, "views[" + views.size() + "]"));
        }
        unique(views.stream().map(View::id).toList(), "views", "id");
        unique(views.stream().map(View::route).toList(), "views", "route");
        List<Command> commands = new ArrayList<>();
        for (JsonObject entry : list(object, "commands", 100)) {
            commands.add(command(entry, "commands[" + commands.size() + "]", views));
        }
        unique(commands.stream().map(Command::id).toList(), "commands", "id");
        List<Menu> menus = new ArrayList<>();
        for (JsonObject entry : list(object, "menus", 100)) {
            menus.add(menu(entry, "menus[" + menus.size() + "]", views, commands));
        }
        unique(menus.stream().map(Menu::id).toList(), "menus", "id");
        List<Widget> widgets = new ArrayList<>();
        for (JsonObject entry : list(object, "widgets", 20)) {
            widgets.add(widget(entry, "widgets[" + widgets.size() + "]"));
        }
        unique(widgets.stream().map(Widget::id).toList(), "widgets", "id");
        return new Contributions(views, commands, menus, widgets);
    }

    private View view(JsonObject entry, String at) throws Invalid {
        onlyFields(entry, at, "id", "title", "icon", "route", "script", "group", "order", "role");
        String id = matching(entry, at, "id", ID, "lower case letters, digits and hyphens, starting with a letter (at most 40)");
        String icon = optionalText(entry, at, "icon");
        if (icon != null) {
            if (ICON_FILE.matcher(icon).matches()) {
                present(icon, at + ".icon");
                icon = address(icon);
            } else if (!ICONS.contains(icon)) {
                throw problem(at + ".icon", "'" + icon + "' is neither one of the shell's icons " + sorted(ICONS)
                        + " nor an .svg file in the bundle");
            }
        }
        String route = matching(entry, at, "route", ROUTE, "lower case letters, digits and hyphens (at most 40)");
        String group = optionalText(entry, at, "group");
        return new View(key(id), module, id, text(entry, at, "title"), icon, module + "/" + route,
                script(entry, at), group == null ? "General" : label(group, at + ".group"), order(entry, at), role(entry, at));
    }

    private Command command(JsonObject entry, String at, List<View> views) throws Invalid {
        onlyFields(entry, at, "id", "label", "shortcut", "role", "opens", "calls");
        String id = matching(entry, at, "id", ID, "lower case letters, digits and hyphens, starting with a letter (at most 40)");
        String shortcut = null;
        if (entry.has("shortcut")) {
            shortcut = matching(entry, at, "shortcut", SHORTCUT, "modifiers and one key, like Alt+N, Ctrl+Shift+M or F2");
            if (RESERVED_SHORTCUTS.contains(shortcut)) {
                throw problem(at + ".shortcut", "'" + shortcut + "' opens the shell's command palette; choose another");
            }
        }
        boolean opens = entry.has("opens");
        if (opens == entry.has("calls")) {
            throw problem(at, "needs exactly one of 'opens' (a view) and 'calls' (a REST call)");
        }
        Opens target = null;
        Calls call = null;
        if (opens) {
            JsonObject open = object(entry.get("opens"), at + ".opens");
            onlyFields(open, at + ".opens", "view", "params");
            String view = matching(open, at + ".opens", "view", ID, "the id of one of this module's views");
            View opened = views.stream().filter(candidate -> candidate.id().equals(view)).findFirst()
                    .orElseThrow(() -> problem(at + ".opens.view", "'" + view + "' is not one of this module's views"));
            target = new Opens(opened.route(), params(open, at + ".opens"));
        } else {
            JsonObject calls = object(entry.get("calls"), at + ".calls");
            onlyFields(calls, at + ".calls", "method", "path", "body", "confirm");
            String method = oneOf(calls, at + ".calls", "method", METHODS);
            String path = matching(calls, at + ".calls", "path", API_PATH, "a REST path under /api/v1/");
            if (path.length() > 200 || path.contains("..")) {
                throw problem(at + ".calls.path", "must be a plain path of at most 200 characters");
            }
            JsonObject body = calls.has("body") ? object(calls.get("body"), at + ".calls.body") : null;
            String confirm = optionalText(calls, at + ".calls", "confirm");
            if (confirm != null && confirm.length() > 200) {
                throw problem(at + ".calls.confirm", "is longer than 200 characters");
            }
            call = new Calls(method, path, body, confirm);
        }
        return new Command(key(id), module, id, text(entry, at, "label"), shortcut, role(entry, at), target, call);
    }

    private Map<String, String> params(JsonObject open, String at) throws Invalid {
        Map<String, String> params = new LinkedHashMap<>();
        if (!open.has("params")) {
            return params;
        }
        JsonObject given = object(open.get("params"), at + ".params");
        if (given.size() > 10) {
            throw problem(at + ".params", "has more than 10 parameters");
        }
        for (Map.Entry<String, JsonElement> param : given.entrySet()) {
            String value = string(param.getValue(), at + ".params." + param.getKey());
            if (value.length() > 200) {
                throw problem(at + ".params." + param.getKey(), "is longer than 200 characters");
            }
            params.put(param.getKey(), value);
        }
        return params;
    }

    private Menu menu(JsonObject entry, String at, List<View> views, List<Command> commands) throws Invalid {
        onlyFields(entry, at, "id", "location", "command", "label", "order", "role");
        String id = matching(entry, at, "id", ID, "lower case letters, digits and hyphens, starting with a letter (at most 40)");
        String location = matching(entry, at, "location", MENU_LOCATION, "user, home, or view: and the id of one of this module's views");
        if (location.startsWith("view:")) {
            String view = location.substring("view:".length());
            if (views.stream().noneMatch(candidate -> candidate.id().equals(view))) {
                throw problem(at + ".location", "'" + view + "' is not one of this module's views");
            }
            location = "view:" + key(view);
        }
        String commandId = matching(entry, at, "command", ID, "the id of one of this module's commands");
        Command command = commands.stream().filter(candidate -> candidate.id().equals(commandId)).findFirst()
                .orElseThrow(() -> problem(at + ".command", "'" + commandId + "' is not one of this module's commands"));
        String label = optionalText(entry, at, "label");
        return new Menu(key(id), module, id, location, command.key(), label == null ? command.label() : label(label, at + ".label"),
                order(entry, at), role(entry, at));
    }

    private Widget widget(JsonObject entry, String at) throws Invalid {
        onlyFields(entry, at, "id", "title", "script", "size", "order", "role");
        String id = matching(entry, at, "id", ID, "lower case letters, digits and hyphens, starting with a letter (at most 40)");
        String size = entry.has("size") ? oneOf(entry, at, "size", SIZES) : "normal";
        return new Widget(key(id), module, id, text(entry, at, "title"), script(entry, at), size, order(entry, at), role(entry, at));
    }

    // ---- values ----------------------------------------------------------------------------

    private String script(JsonObject entry, String at) throws Invalid {
        String script = matching(entry, at, "script", SCRIPT, "a .js file in the contribution file's folder, like notes.js");
        present(script, at + ".script");
        return address(script);
    }

    /** Refuses a file the bundle does not have, so a typo is found when the module is installed, not when a user opens the view. */
    private void present(String relative, String at) throws Invalid {
        if (!inBundle.test(folder + relative)) {
            throw problem(at, "'" + relative + "' is not in the bundle (looked for " + folder + relative + ")");
        }
    }

    private String address(String relative) {
        return "/modules/" + module + "/" + relative + "?v=" + version;
    }

    private String key(String id) {
        return module + "." + id;
    }

    private String role(JsonObject entry, String at) throws Invalid {
        if (!entry.has("role")) {
            throw problem(at + ".role", "is missing: say which role sees it, one of " + sorted(ROLES));
        }
        return oneOf(entry, at, "role", ROLES);
    }

    private int order(JsonObject entry, String at) throws Invalid {
        if (!entry.has("order")) {
            return 1000;
        }
        JsonElement value = entry.get("order");
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw problem(at + ".order", "must be a whole number from 0 to 10000");
        }
        double number = value.getAsDouble();
        if (number != Math.rint(number) || number < 0 || number > 10000) {
            throw problem(at + ".order", "must be a whole number from 0 to 10000, not " + value);
        }
        return (int) number;
    }

    private String text(JsonObject entry, String at, String field) throws Invalid {
        if (!entry.has(field)) {
            throw problem(at + "." + field, "is missing");
        }
        return label(string(entry.get(field), at + "." + field), at + "." + field);
    }

    private String optionalText(JsonObject entry, String at, String field) throws Invalid {
        return entry.has(field) ? string(entry.get(field), at + "." + field) : null;
    }

    private String label(String text, String at) throws Invalid {
        if (text.isBlank() || text.length() > 80) {
            throw problem(at, "must be 1 to 80 characters, not blank");
        }
        return text;
    }

    private String matching(JsonObject entry, String at, String field, Pattern pattern, String expected) throws Invalid {
        if (!entry.has(field)) {
            throw problem(at + "." + field, "is missing");
        }
        String value = string(entry.get(field), at + "." + field);
        if (!pattern.matcher(value).matches()) {
            throw problem(at + "." + field, "'" + value + "' is not " + expected);
        }
        return value;
    }

    private String oneOf(JsonObject entry, String at, String field, Set<String> allowed) throws Invalid {
        if (!entry.has(field)) {
            throw problem(at + "." + field, "is missing");
        }
        String value = string(entry.get(field), at + "." + field);
        if (!allowed.contains(value)) {
            throw problem(at + "." + field, "'" + value + "' is not one of " + sorted(allowed));
        }
        return value;
    }

    private String string(JsonElement value, String at) throws Invalid {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw problem(at, "must be a string");
        }
        return value.getAsString();
    }

    private JsonObject object(JsonElement value, String at) throws Invalid {
        if (!value.isJsonObject()) {
            throw problem(at, "must be a JSON object");
        }
        return value.getAsJsonObject();
    }

    private List<JsonObject> list(JsonObject parent, String field, int max) throws Invalid {
        List<JsonObject> entries = new ArrayList<>();
        if (!parent.has(field)) {
            return entries;
        }
        JsonElement value = parent.get(field);
        if (!value.isJsonArray()) {
            throw problem(field, "must be a list");
        }
        if (value.getAsJsonArray().size() > max) {
            throw problem(field, "has more than " + max + " entries");
        }
        for (JsonElement element : value.getAsJsonArray()) {
            entries.add(object(element, field + "[" + entries.size() + "]"));
        }
        return entries;
    }

    private void onlyFields(JsonObject entry, String at, String... allowed) throws Invalid {
        Set<String> known = Set.of(allowed);
        for (String field : entry.keySet()) {
            if (!known.contains(field)) {
                throw problem(at.isEmpty() ? field : at + "." + field, "is not a known field; known are " + sorted(known));
            }
        }
    }

    private void unique(List<String> values, String list, String field) throws Invalid {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i))) {
                throw problem(list + "[" + i + "]." + field, "'" + values.get(i) + "' is used twice");
            }
        }
    }

    private Invalid problem(String at, String what) {
        return new Invalid(file + ": " + (at.isEmpty() ? "" : at + " ") + what);
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
