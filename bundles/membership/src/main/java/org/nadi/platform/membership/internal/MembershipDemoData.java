package org.nadi.platform.membership.internal;

import java.time.LocalDate;

import org.nadi.platform.kernel.api.DemoData;
import org.nadi.platform.storage.api.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The membership module's demo data, for {@code bin/nadi --demo} and {@code nadi:demo}: the
 * reference data the bundle ships (countries, bodies, institutions, co-chairs and the people
 * of the seed report), loaded as {@code POST /api/v1/membership/reference-data} loads it, so
 * loading twice creates nothing the second time.
 */
@Component
public final class MembershipDemoData implements DemoData {

    private final ReferenceData referenceData;

    @Activate
    public MembershipDemoData(@Reference Database database, @Reference MembershipChanges changes) {
        this.referenceData = new ReferenceData(database, new JsonTrees(), changes);
    }

    @Override
    public String load() throws Exception {
        return referenceData.loadShipped(LocalDate.now()).summary();
    }
}
