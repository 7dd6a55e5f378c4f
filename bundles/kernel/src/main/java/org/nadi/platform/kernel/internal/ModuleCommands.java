package org.nadi.platform.kernel.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.nadi.platform.kernel.api.AuditEntry;
import org.nadi.platform.kernel.api.AuditTrail;
import org.nadi.platform.kernel.api.DataChoice;
import org.nadi.platform.kernel.api.InstalledModule;
import org.nadi.platform.kernel.api.ModuleException;
import org.nadi.platform.kernel.api.ModuleRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Module administration from the Gogo shell: {@code nadi:modules}, {@code nadi:enable},
 * {@code nadi:disable}, {@code nadi:install}, {@code nadi:update} and {@code nadi:uninstall}.
 * Each command answers with text; a refused or failed operation answers with a line starting
 * {@code error:} that says why. Every change goes to the audit trail, made by {@code console}.
 */
@Component(service = ModuleCommands.class, property = {
        "osgi.command.scope=nadi",
        "osgi.command.function=modules",
        "osgi.command.function=enable",
        "osgi.command.function=disable",
        "osgi.command.function=install",
        "osgi.command.function=update",
        "osgi.command.function=uninstall" })
public final class ModuleCommands {

    private static final String CASCADE = "--cascade";

    private final ModuleRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditTrail audit;

    @Activate
    public ModuleCommands(@Reference ModuleRegistry registry) {
        this.registry = registry;
    }

    /** {@code nadi:modules}: a table of every installed module. */
    public String modules() {
        return table(registry.modules());
    }

    /** {@code nadi:enable ID}: enables a module and what it needs. */
    public String enable(String id) {
        return attempt("nadi:enable " + id, id, () -> "enabled " + line(registry.enable(id)));
    }

    /** {@code nadi:disable ID}: disables a module that no enabled module needs. */
    public String disable(String id) {
        return attempt("nadi:disable " + id, id, () -> "disabled " + line(registry.disable(id, false)));
    }

    /** {@code nadi:disable --cascade ID}: disables a module and every module that needs it. */
    public String disable(String option, String id) {
        if (!CASCADE.equals(option)) {
            return "error: unknown option '" + option + "'; usage: nadi:disable [--cascade] ID";
        }
        return attempt("nadi:disable --cascade " + id, id, () -> "disabled " + line(registry.disable(id, true)));
    }

    /** {@code nadi:install FILE}: installs and enables the module in a jar file. */
    public String install(String file) {
        Path jar = Path.of(file).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            return "error: no file " + jar;
        }
        String id;
        try {
            id = ModuleJar.inspect(jar).module().id();
        } catch (ModuleException invalid) {
            return "error: " + invalid.getMessage();
        }
        return attempt("nadi:install " + jar, id, () -> "installed " + line(registry.install(jar)));
    }

    /** {@code nadi:update ID FILE}: replaces a module with the version in a jar file. */
    public String update(String id, String file) {
        Path jar = Path.of(file).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            return "error: no file " + jar;
        }
        return attempt("nadi:update " + id + " " + jar, id, () -> "updated " + line(registry.update(id, jar)));
    }

    /** {@code nadi:uninstall ID}: uninstalls a module that no enabled module needs. */
    public String uninstall(String id) {
        return attempt("nadi:uninstall " + id, id, () -> {
            registry.uninstall(id, false);
            return "uninstalled " + id;
        });
    }

    /**
     * {@code nadi:uninstall [--cascade] [--keep-data|--drop-data] ID}: uninstalls a module,
     * after disabling every module that needs it with {@code --cascade}, keeping or dropping
     * its data (a module that has data needs one of the two).
     */
    public String uninstall(String option, String id) {
        return uninstall(new String[] {option}, id);
    }

    /** {@code nadi:uninstall --cascade --drop-data ID} and the like. */
    public String uninstall(String option, String another, String id) {
        return uninstall(new String[] {option, another}, id);
    }

    private String uninstall(String[] options, String id) {
        boolean cascade = false;
        DataChoice data = null;
        for (String option : options) {
            switch (option) {
                case CASCADE -> cascade = true;
                case "--keep-data" -> data = DataChoice.KEEP;
                case "--drop-data" -> data = DataChoice.DROP;
                default -> {
                    return "error: unknown option '" + option + "'; usage: nadi:uninstall [--cascade] [--keep-data|--drop-data] ID";
                }
            }
        }
        boolean withCascade = cascade;
        DataChoice choice = data;
        return attempt("nadi:uninstall " + String.join(" ", options) + " " + id, id, () -> {
            registry.uninstall(id, withCascade, choice);
            return "uninstalled " + id + (choice == DataChoice.DROP ? ", its data dropped" : choice == DataChoice.KEEP ? ", its data kept" : "");
        });
    }

    @FunctionalInterface
    private interface Operation {
        String run() throws ModuleException;
    }

    /** Runs a module operation; when it succeeds, records it in the audit trail with its before and after states. */
    private String attempt(String command, String id, Operation operation) {
        String before = stateOf(id);
        String answer;
        try {
            answer = operation.run();
        } catch (ModuleException refused) {
            return "error: " + refused.getMessage();
        }
        AuditTrail trail = audit;
        if (trail != null) {
            trail.record(AuditEntry.console("kernel", command, "module", id, before, stateOf(id)));
        }
        return answer;
    }

    /** A module's state as a JSON summary for the audit trail; empty if it is not installed. */
    private String stateOf(String id) {
        return registry.module(id)
                .map(module -> "{\"state\":\"" + module.state() + "\",\"version\":\"" + module.version() + "\"}")
                .orElse("");
    }

    private static String line(InstalledModule module) {
        return module.id() + " " + module.version() + " (" + module.state() + ")";
    }

    static String table(List<InstalledModule> modules) {
        StringBuilder out = new StringBuilder(String.format("%-16s %-11s %-20s %-24s %-28s %s%n",
                "ID", "STATE", "VERSION", "VENDOR", "REQUIRES", "REASON"));
        for (InstalledModule module : modules) {
            out.append(String.format("%-16s %-11s %-20s %-24s %-28s %s%n",
                    module.id() + (module.core() ? "*" : ""),
                    module.state(),
                    module.version(),
                    module.vendor(),
                    module.requires().isEmpty() ? "-" : String.join(",", module.requires()),
                    module.reason() == null ? "" : module.reason()));
        }
        return out.append("* core module: cannot be disabled or uninstalled").toString();
    }
}
