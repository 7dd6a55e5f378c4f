package org.nadi.platform.workbench.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.nadi.platform.web.api.Role;
import org.nadi.platform.workbench.internal.Contributions.Command;
import org.nadi.platform.workbench.internal.Contributions.Menu;
import org.nadi.platform.workbench.internal.Contributions.View;
import org.nadi.platform.workbench.internal.Contributions.Widget;

/**
 * The workbench at one revision: the contributions of the modules enabled then, merged and
 * sorted, and cut down per role on demand.
 */
final class Snapshot {

    private final long revision;
    private final Map<String, Contributions> byModule;
    private final Served all;
    private final Map<Role, Served> perRole = new EnumMap<>(Role.class);

    /** What one caller is served by {@code GET /api/v1/workbench}. */
    record Served(long revision, List<View> views, List<Command> commands, List<Menu> menus, List<Widget> widgets) {
    }

    Snapshot(long revision, Map<String, Contributions> byModule) {
        this.revision = revision;
        this.byModule = new TreeMap<>(byModule);
        List<View> views = new ArrayList<>();
        List<Command> commands = new ArrayList<>();
        List<Menu> menus = new ArrayList<>();
        List<Widget> widgets = new ArrayList<>();
        Set<String> claimedShortcuts = new HashSet<>();
        // Modules in id order, so the one whose id sorts first keeps a shortcut two of them claim.
        for (Contributions contributions : this.byModule.values()) {
            views.addAll(contributions.views());
            for (Command command : contributions.commands()) {
                boolean keeps = command.shortcut() == null || claimedShortcuts.add(command.shortcut());
                commands.add(keeps ? command : command.withoutShortcut());
            }
            menus.addAll(contributions.menus());
            widgets.addAll(contributions.widgets());
        }
        views.sort(Comparator.comparing(View::group).thenComparingInt(View::order).thenComparing(View::title));
        commands.sort(Comparator.comparing(Command::label).thenComparing(Command::key));
        menus.sort(Comparator.comparingInt(Menu::order).thenComparing(Menu::label).thenComparing(Menu::key));
        widgets.sort(Comparator.comparingInt(Widget::order).thenComparing(Widget::title).thenComparing(Widget::key));
        this.all = new Served(revision, views, commands, menus, widgets);
    }

    long revision() {
        return revision;
    }

    Map<String, Contributions> byModule() {
        return byModule;
    }

    /**
     * What a caller with this role sees: the contributions their role includes, less the
     * commands that open a view they cannot see and the menu entries whose command or view they
     * cannot see.
     */
    synchronized Served visibleTo(Role role) {
        return perRole.computeIfAbsent(role, this::cutFor);
    }

    private Served cutFor(Role role) {
        List<View> views = all.views().stream().filter(view -> view.visibleTo(role)).toList();
        Set<String> routes = new HashSet<>(views.stream().map(View::route).toList());
        Set<String> viewKeys = new HashSet<>(views.stream().map(View::key).toList());
        List<Command> commands = all.commands().stream()
                .filter(command -> command.visibleTo(role))
                .filter(command -> command.opens() == null || routes.contains(command.opens().route()))
                .toList();
        Set<String> commandKeys = new HashSet<>(commands.stream().map(Command::key).toList());
        List<Menu> menus = all.menus().stream()
                .filter(menu -> menu.visibleTo(role))
                .filter(menu -> commandKeys.contains(menu.command()))
                .filter(menu -> !menu.location().startsWith("view:") || viewKeys.contains(menu.location().substring("view:".length())))
                .toList();
        List<Widget> widgets = all.widgets().stream().filter(widget -> widget.visibleTo(role)).toList();
        return new Served(revision, views, commands, menus, widgets);
    }
}
