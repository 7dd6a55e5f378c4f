package org.nadi.platform.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nadi.platform.web.api.Role;
import org.nadi.platform.workbench.internal.Contributions.Command;
import org.nadi.platform.workbench.internal.Contributions.Menu;
import org.nadi.platform.workbench.internal.Contributions.View;

class SnapshotTest {

    private static Contributions read(String module, String json) throws ContributionFile.Invalid {
        return ContributionFile.read(module, "workbench/contributions.json", json, path -> path.endsWith(".js"), "1");
    }

    private static Snapshot snapshot() throws ContributionFile.Invalid {
        Contributions admin = read("workbench", """
                {"views": [{"id": "modules", "title": "Modules", "route": "modules", "script": "modules.js",
                            "group": "Administration", "role": "administrator"}],
                 "commands": [{"id": "open", "label": "Open Modules", "shortcut": "Alt+M", "role": "observer",
                               "opens": {"view": "modules"}}],
                 "menus": [{"id": "open", "location": "home", "command": "open", "role": "observer"}],
                 "widgets": [{"id": "summary", "title": "Modules", "script": "summary.js", "role": "administrator"}]}
                """);
        Contributions notes = read("example", """
                {"views": [{"id": "notes", "title": "Notes", "route": "notes", "script": "notes.js", "group": "Examples",
                            "order": 2, "role": "observer"},
                           {"id": "drafts", "title": "Drafts", "route": "drafts", "script": "notes.js", "group": "Examples",
                            "order": 1, "role": "delegate"}],
                 "commands": [{"id": "new-note", "label": "New note", "shortcut": "Alt+M", "role": "delegate",
                               "opens": {"view": "notes"}}],
                 "menus": [{"id": "new-note", "location": "view:notes", "command": "new-note", "role": "observer"}],
                 "widgets": [{"id": "recent", "title": "Recent notes", "script": "recent.js", "role": "observer"}]}
                """);
        return new Snapshot(7, Map.of("workbench", admin, "example", notes));
    }

    @Test
    void anAdministratorSeesEverythingSorted() throws Exception {
        Snapshot.Served served = snapshot().visibleTo(Role.ADMINISTRATOR);

        assertEquals(7, served.revision());
        assertEquals(List.of("workbench.modules", "example.drafts", "example.notes"), served.views().stream().map(View::key).toList(),
                "views by group, then order");
        assertEquals(List.of("example.new-note", "workbench.open"), served.commands().stream().map(Command::key).toList(),
                "commands by label");
        assertEquals(List.of("workbench.summary", "example.recent"), served.widgets().stream().map(Contributions.Widget::key).toList(),
                "widgets by order (the same), then title");
    }

    @Test
    void theModuleWhoseIdSortsFirstKeepsAShortcutTwoClaim() throws Exception {
        Snapshot.Served served = snapshot().visibleTo(Role.ADMINISTRATOR);

        Map<String, String> shortcuts = new java.util.HashMap<>();
        served.commands().forEach(command -> shortcuts.put(command.key(), String.valueOf(command.shortcut())));
        assertEquals(Map.of("example.new-note", "Alt+M", "workbench.open", "null"), shortcuts);
    }

    @Test
    void anObserverSeesOnlyWhatTheirRoleAllowsAndNothingThatLeadsToWhatTheyCannotSee() throws Exception {
        Snapshot.Served served = snapshot().visibleTo(Role.OBSERVER);

        assertEquals(List.of("example.notes"), served.views().stream().map(View::key).toList());
        // "Open Modules" is for observers, but opens an administrators' view; "New note" needs a delegate.
        assertEquals(List.of(), served.commands());
        // Both menu entries are for observers, but their commands are out of sight.
        assertEquals(List.of(), served.menus().stream().map(Menu::key).toList());
        assertEquals(List.of("example.recent"), served.widgets().stream().map(Contributions.Widget::key).toList());
    }

    @Test
    void aDelegateSeesTheDelegatesContributions() throws Exception {
        Snapshot.Served served = snapshot().visibleTo(Role.DELEGATE);

        assertEquals(List.of("example.drafts", "example.notes"), served.views().stream().map(View::key).toList());
        assertEquals(List.of("example.new-note"), served.commands().stream().map(Command::key).toList());
        assertEquals(List.of("example.new-note"), served.menus().stream().map(Menu::key).toList());
    }
}
