package org.nadi.platform.workbench.internal;

import java.util.List;
import java.util.Map;

import org.nadi.platform.web.api.Role;

import com.google.gson.JsonObject;

/**
 * What one module contributes to the workbench, as served to browsers (docs/extending.md,
 * section 4): ids are qualified with the module ({@code example.notes}), scripts and icon files
 * are addresses under {@code /modules/{module}/}.
 */
record Contributions(List<View> views, List<Command> commands, List<Menu> menus, List<Widget> widgets) {

    static final Contributions NONE = new Contributions(List.of(), List.of(), List.of(), List.of());

    Contributions {
        views = List.copyOf(views);
        commands = List.copyOf(commands);
        menus = List.copyOf(menus);
        widgets = List.copyOf(widgets);
    }

    /** A contribution shown only to callers whose role includes its own. */
    interface Contribution {
        String role();

        default boolean visibleTo(Role caller) {
            return caller.includes(Role.fromId(role()).orElseThrow());
        }
    }

    record View(String key, String module, String id, String title, String icon, String route, String script, String group,
            int order, String role) implements Contribution {
    }

    record Command(String key, String module, String id, String label, String shortcut, String role, Opens opens, Calls calls)
            implements Contribution {

        Command withoutShortcut() {
            return new Command(key, module, id, label, null, role, opens, calls);
        }
    }

    /** A command that opens a view: its route in the shell and the parameters it is given. */
    record Opens(String route, Map<String, String> params) {
    }

    /** A command that calls a REST route, after the user confirms the question if there is one. */
    record Calls(String method, String path, JsonObject body, String confirm) {
    }

    record Menu(String key, String module, String id, String location, String command, String label, int order, String role)
            implements Contribution {
    }

    record Widget(String key, String module, String id, String title, String script, String size, int order, String role)
            implements Contribution {
    }
}
