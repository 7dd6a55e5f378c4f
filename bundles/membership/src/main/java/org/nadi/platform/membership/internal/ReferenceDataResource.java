package org.nadi.platform.membership.internal;

import java.io.IOException;
import java.time.LocalDate;

import org.nadi.platform.storage.api.Database;
import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.RestResource;
import org.nadi.platform.web.api.Role;
import org.nadi.platform.web.api.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /api/v1/membership/reference-data} (secretariat): loads the reference data the
 * bundle ships, in one transaction, and answers how many records of each kind it created and
 * how many were already there. Loading again creates nothing.
 */
@Component(service = RestResource.class)
public final class ReferenceDataResource implements RestResource {

    static final String PATH = MembershipResource.BASE + "/reference-data";

    private final ReferenceData referenceData;
    private final JsonTrees json = new JsonTrees();

    @Activate
    public ReferenceDataResource(@Reference Database database, @Reference MembershipChanges changes) {
        this.referenceData = new ReferenceData(database, json, changes);
    }

    @Override
    public void declareRoutes(Routes routes) {
        routes.post(PATH, Access.role(Role.SECRETARIAT), request -> {
            ReferenceData.Outcome outcome = MembershipResource.storage(() -> {
                try {
                    return referenceData.loadShipped(LocalDate.now());
                } catch (IOException unreadable) {
                    // The bundle's own file: unreadable only if the build shipped a broken one, the server's fault.
                    throw new IllegalStateException(unreadable);
                }
            });
            request.audit("reference-data", "membership.json", null, json.tree(outcome));
            return ApiResponse.ok(json.tree(outcome));
        });
    }
}
