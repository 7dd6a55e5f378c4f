package org.nadi.platform.membership.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;

import org.nadi.platform.kernel.api.AuditEntry;
import org.nadi.platform.kernel.api.AuditTrail;
import org.nadi.platform.storage.api.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The membership module in the Gogo shell: {@code membership:referenceData} loads the
 * reference data the bundle ships, as {@code POST /api/v1/membership/reference-data} does, and
 * answers one line; a refusal starts with {@code error:}. A load is recorded in the audit trail,
 * made by {@code console}.
 */
@Component(service = MembershipCommands.class, property = {
        "osgi.command.scope=membership",
        "osgi.command.function=referenceData" })
public final class MembershipCommands {

    private final ReferenceData referenceData;
    private final JsonTrees json = new JsonTrees();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditTrail audit;

    @Activate
    public MembershipCommands(@Reference Database database, @Reference MembershipChanges changes) {
        this.referenceData = new ReferenceData(database, json, changes);
    }

    /** {@code membership:referenceData}: loads the shipped reference data; loading it again creates nothing. */
    public String referenceData() {
        ReferenceData.Outcome outcome;
        try {
            outcome = referenceData.loadShipped(LocalDate.now());
        } catch (IOException | SQLException failed) {
            return "error: " + failed.getMessage();
        }
        AuditTrail trail = audit;
        if (trail != null) {
            trail.record(AuditEntry.console("membership", "membership:referenceData", "reference-data", "membership.json", "",
                    json.tree(outcome).toString()));
        }
        return outcome.summary();
    }
}
