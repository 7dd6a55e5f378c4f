package org.nadi.platform.kernel.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's audit trail: the record of every change to data and modules, which nobody can
 * edit. The REST API records every request that changes something by itself; code that
 * changes things outside a request, such as a shell command, records its action here.
 *
 * @since 1.2
 */
@ProviderType
public interface AuditTrail {

    /** Records a change. Never throws: a record that cannot be written is logged as an error. */
    void record(AuditEntry entry);
}
