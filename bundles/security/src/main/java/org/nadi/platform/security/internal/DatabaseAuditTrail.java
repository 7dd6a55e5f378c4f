package org.nadi.platform.security.internal;

import java.lang.System.Logger.Level;
import java.sql.SQLException;

import org.nadi.platform.kernel.api.AuditEntry;
import org.nadi.platform.kernel.api.AuditTrail;
import org.nadi.platform.storage.api.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The platform's audit trail, in {@code security_audit}. Each record is written before
 * {@link #record} returns, so a change the client was told succeeded is in the trail. Nothing
 * edits or deletes records. It needs only the database, and the database nothing of the audit
 * trail, so the two activate without a cycle.
 */
@Component(service = AuditTrail.class)
public final class DatabaseAuditTrail implements AuditTrail {

    private static final System.Logger LOG = System.getLogger(DatabaseAuditTrail.class.getName());

    private final Database database;

    @Activate
    public DatabaseAuditTrail(@Reference Database database) {
        this.database = database;
    }

    @Override
    public void record(AuditEntry entry) {
        try {
            database.inTransaction(connection -> {
                AuditTable.insert(connection, entry);
                return null;
            });
        } catch (SQLException | RuntimeException failed) {
            LOG.log(Level.ERROR, "Not recorded in the audit trail: " + entry.action() + " by " + entry.actor() + " from "
                    + entry.address() + " at " + entry.at() + " (" + entry.entity() + " " + entry.entityId() + ")", failed);
        }
    }
}
