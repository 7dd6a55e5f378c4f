package org.nadi.platform.kernel.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One change to the platform's data or modules, as the audit trail keeps it.
 *
 * @param at       when it happened
 * @param actor    who made it: a username, or {@code console} for the Gogo shell
 * @param address  where from: the client's address, or {@code console}
 * @param module   the id of the module it went through, e.g. {@code example}
 * @param action   what was asked, e.g. {@code PUT /api/v1/example/notes/3} or {@code nadi:disable example}
 * @param entity   the kind of record changed, e.g. {@code note}; empty if not known
 * @param entityId the id of the record changed; empty if not known
 * @param before   a JSON summary of the record before the change; empty if it was created or not known
 * @param after    a JSON summary of the record after the change; empty if it was deleted or not known
 * @since 1.2
 */
public record AuditEntry(Instant at, String actor, String address, String module, String action, String entity,
        String entityId, String before, String after) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(action, "action");
        entity = Objects.requireNonNullElse(entity, "");
        entityId = Objects.requireNonNullElse(entityId, "");
        before = Objects.requireNonNullElse(before, "");
        after = Objects.requireNonNullElse(after, "");
    }

    /** The actor and address of actions typed in the runtime's Gogo shell. */
    public static final String CONSOLE = "console";

    /** An action typed in the runtime's Gogo shell, now. */
    public static AuditEntry console(String module, String action, String entity, String entityId, String before, String after) {
        return new AuditEntry(Instant.now(), CONSOLE, CONSOLE, module, action, entity, entityId, before, after);
    }
}
