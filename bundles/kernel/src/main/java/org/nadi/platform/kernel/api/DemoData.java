package org.nadi.platform.kernel.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's demo data: records that show a newcomer what the module does, loaded by
 * {@code bin/nadi --demo} into a new data directory and on request by the shell command
 * {@code nadi:demo}.
 *
 * <p>To contribute demo data, register a service of this type from the module's bundle, for
 * example a Declarative Services component:
 *
 * <pre>{@code
 * @Component
 * public final class MeetingsDemoData implements DemoData {
 *     private final MeetingRepository meetings;
 *
 *     @Activate
 *     public MeetingsDemoData(@Reference MeetingRepository meetings) {
 *         this.meetings = meetings;
 *     }
 *
 *     @Override
 *     public String load() throws Exception {
 *         int created = meetings.createUnlessPresent(SAMPLE_MEETINGS);
 *         return created + " meetings created";
 *     }
 * }
 * }</pre>
 *
 * <p>The platform finds the module by the bundle that registered the service (its
 * {@code NADI-Module} header) and calls {@link #load()} only while that module is enabled.
 * Calls are made one at a time, outside any HTTP request and without a signed-in user; the
 * platform records each load made from the shell in the audit trail. A module's demo data is
 * loaded after that of the modules it requires (those whose API packages or services it uses),
 * so it may refer to their demo records.
 *
 * @since 1.3
 */
@ConsumerType
public interface DemoData {

    /**
     * Loads the demo data into the module's storage and says what it did in one line, for
     * the runtime's log and the shell, e.g. {@code "12 people created, 3 already there"}.
     *
     * <p>Must be idempotent: loading twice changes nothing the second time, so that
     * {@code nadi:demo} can be run on a runtime that has the demo data, or data of its own,
     * without duplicating records. Load the records in one transaction where the storage
     * allows it, so that a failure leaves nothing half loaded.
     *
     * @return a one-line summary of what was created and what was there already
     * @throws Exception when the data cannot be loaded; the platform logs the module's id and
     *         the exception's message, and goes on with the other modules
     */
    String load() throws Exception;
}
