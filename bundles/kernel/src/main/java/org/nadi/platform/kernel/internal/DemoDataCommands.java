package org.nadi.platform.kernel.internal;

import java.util.List;

import org.nadi.platform.kernel.api.AuditEntry;
import org.nadi.platform.kernel.api.AuditTrail;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code nadi:demo} in the Gogo shell: loads every enabled module's demo data and answers one
 * line per module and a summary; a module's failure is a line with {@code failed:} and does not
 * stop the others. Loading again changes nothing, as {@link org.nadi.platform.kernel.api.DemoData}
 * requires. Each module's load goes to the audit trail, made by {@code console}.
 */
@Component(service = DemoDataCommands.class, property = {
        "osgi.command.scope=nadi",
        "osgi.command.function=demo" })
public final class DemoDataCommands {

    private final DemoDataLoader loader;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditTrail audit;

    @Activate
    public DemoDataCommands(@Reference DemoDataLoader loader) {
        this.loader = loader;
    }

    /** {@code nadi:demo}: loads all enabled modules' demo data. */
    public String demo() {
        List<DemoDataLoader.Outcome> outcomes = loader.loadAll();
        StringBuilder answer = new StringBuilder();
        AuditTrail trail = audit;
        for (DemoDataLoader.Outcome outcome : outcomes) {
            answer.append(outcome.line()).append('\n');
            if (outcome.loaded() && trail != null) {
                trail.record(AuditEntry.console(outcome.module(), "nadi:demo", "demo-data", outcome.module(), "",
                        "{\"summary\":" + jsonString(outcome.summary()) + "}"));
            }
        }
        return answer.append(DemoDataLoader.summary(outcomes)).toString();
    }

    /** The text as a JSON string: the kernel has no JSON library, and a summary is one line of text. */
    static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
