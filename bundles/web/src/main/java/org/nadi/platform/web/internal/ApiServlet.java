package org.nadi.platform.web.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.nadi.platform.kernel.api.AuditEntry;
import org.nadi.platform.kernel.api.AuditTrail;
import org.nadi.platform.kernel.api.ModuleHeader;
import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.Authenticator;
import org.nadi.platform.web.api.Caller;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.RestResource;
import org.nadi.platform.web.api.Role;
import org.nadi.platform.web.api.Routes;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one servlet behind {@code /api}: routes each request to the {@link RestResource} that
 * declared it, enforces the route's {@link Access} (who is asking, from the
 * {@link Authenticator}; their role; the CSRF token of a browser session), records every change
 * in the {@link AuditTrail}, writes results as JSON and every error as
 * {@code application/problem+json}. No stack trace ever reaches a client.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/*")
@HttpWhiteboardServletAsyncSupported
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = ApiServlet.MAX_UPLOAD_BYTES, maxRequestSize = ApiServlet.MAX_UPLOAD_BYTES + 65536)
public final class ApiServlet extends HttpServlet {

    static final long MAX_UPLOAD_BYTES = 64L * 1024 * 1024;
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(ApiServlet.class.getName());
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_SUMMARY_LENGTH = 4000;
    /** The most of an unread request body read and thrown away to keep its connection open. */
    private static final long MAX_UNREAD_BODY = 64 * 1024;

    private final transient RouteTable routes = new RouteTable();
    private final transient Path uploadDirectory;
    private final transient EventStreams streams;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile Authenticator authenticator;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile AuditTrail audit;

    @Activate
    public ApiServlet(BundleContext context) {
        this.uploadDirectory = context.getDataFile("uploads").toPath();
        this.streams = new EventStreams(context.getProperty(EventStreams.HEARTBEAT_PROPERTY));
        routes.add(this, "web", "GET", "/api/v1/routes", Access.role(Role.ADMINISTRATOR), request -> ApiResponse.ok(routes.describe()));
    }

    @Deactivate
    void deactivate() {
        streams.closeAll();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResource(RestResource resource, ServiceReference<RestResource> reference) {
        try {
            resource.declareRoutes(declarationsOf(resource, moduleOf(reference.getBundle())));
        } catch (RuntimeException broken) {
            // A misbehaving module must not take the API down: drop what it declared.
            routes.removeAll(resource);
            LOG.log(Level.ERROR, "REST resource " + resource.getClass().getName() + " failed to declare its routes; ignoring it", broken);
        }
    }

    void removeResource(RestResource resource) {
        routes.removeAll(resource);
    }

    private Routes declarationsOf(RestResource owner, String module) {
        return (method, path, access, handler) -> {
            if (!METHODS.contains(method)) {
                throw new IllegalArgumentException("Unsupported HTTP method " + method + " for " + path);
            }
            routes.add(owner, module, method, path, access, handler);
        };
    }

    /** The module id of the bundle that registered a resource, or its symbolic name if it is no module. */
    private static String moduleOf(Bundle bundle) {
        return bundle == null ? "unknown" : ModuleHeader.of(bundle).map(ModuleHeader::id).orElse(bundle.getSymbolicName());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        ServletApiRequest apiRequest = null;
        try {
            if (!METHODS.contains(method)) {
                throw new ProblemException(405, "method-not-allowed", "Method not allowed", method + " is not supported.");
            }
            Optional<RouteTable.Match> match = routes.find(method, path);
            if (match.isEmpty()) {
                Set<String> allowed = routes.methodsFor(path);
                if (allowed.isEmpty()) {
                    throw ProblemException.notFound("There is no API resource at " + path + ".");
                }
                response.setHeader("Allow", String.join(", ", allowed));
                throw new ProblemException(405, "method-not-allowed", "Method not allowed",
                        path + " accepts " + String.join(", ", allowed) + ", not " + method + ".");
            }
            RouteTable.Route route = match.get().route();
            apiRequest = new ServletApiRequest(request, match.get().parameters(), uploadDirectory);
            Gatekeeper.admit(authenticator, route.access(), route.module(), apiRequest);
            ApiResponse answer = route.handler().handle(apiRequest);
            if (answer.body() instanceof ApiResponse.Events events) {
                // The stream outlives this method, so its later checks get a request object of their own.
                Optional<Caller> caller = apiRequest.caller();
                ServletApiRequest recheck = new ServletApiRequest(request, match.get().parameters(), uploadDirectory);
                streams.open(request, response, answer, events, () -> stillAdmitted(route, recheck, caller));
                return;
            }
            if (Gatekeeper.CHANGING_METHODS.contains(method) && answer.status() / 100 == 2) {
                record(route, apiRequest, method + " " + path);
            }
            write(response, answer);
        } catch (ProblemException problem) {
            finishReading(request, response);
            writeProblem(response, problem, path);
        } catch (RuntimeException bug) {
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.ERROR, "Unexpected error answering " + method + " " + path + " (reference " + reference + ")", bug);
            writeProblem(response, new ProblemException(500, "internal-error", "Internal error",
                    "The server failed to answer this request. Its log has the details under reference " + reference + "."), path);
        } finally {
            if (apiRequest != null) {
                apiRequest.cleanUp();
            }
        }
    }

    /**
     * Whether the caller of an open stream may still read it: their session or token is still
     * valid and they have the same role as when they opened it. A stream whose caller's role
     * changed ends, and the browser reconnects with what the new role may see.
     */
    private boolean stillAdmitted(RouteTable.Route route, ServletApiRequest request, Optional<Caller> caller) {
        try {
            Optional<Caller> now = Gatekeeper.admit(authenticator, route.access(), route.module(), request);
            return now.map(Caller::role).equals(caller.map(Caller::role));
        } catch (ProblemException | RuntimeException refused) {
            return false;
        }
    }

    /** Records a change in the audit trail: one entry per change the handler reported, or one for the request. */
    private void record(RouteTable.Route route, ServletApiRequest request, String action) {
        AuditTrail trail = audit;
        if (trail == null) {
            LOG.log(Level.ERROR, "No audit trail is running; not recorded: {0} by {1}", action, actorOf(request));
            return;
        }
        Instant now = Instant.now();
        String actor = actorOf(request);
        if (request.changes().isEmpty()) {
            trail.record(new AuditEntry(now, actor, request.remoteAddress(), route.module(), action, "", "", "", ""));
        }
        for (ServletApiRequest.Change change : request.changes()) {
            trail.record(new AuditEntry(now, actor, request.remoteAddress(), route.module(), action, change.entity(), change.id(),
                    summary(change.before()), summary(change.after())));
        }
    }

    private static String actorOf(ServletApiRequest request) {
        return request.caller().map(Caller::username).orElse("anonymous");
    }

    private static String summary(Object state) {
        if (state == null) {
            return "";
        }
        String json = Json.GSON.toJson(state);
        return json.length() <= MAX_SUMMARY_LENGTH ? json : json.substring(0, MAX_SUMMARY_LENGTH) + "…";
    }

    private static void write(HttpServletResponse response, ApiResponse answer) throws IOException {
        // The JSON is made before anything is sent, so that a body that fails to write is still answered with a problem.
        Object body = answer.body();
        Json.Utf8 json = body == null || body instanceof ApiResponse.Download ? null : Json.utf8(body);
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setHeader("Cache-Control", "no-store");
        if (body instanceof ApiResponse.Download download) {
            try {
                response.setContentType(download.contentType());
                response.setContentLengthLong(Files.size(download.file()));
                try (OutputStream out = response.getOutputStream()) {
                    Files.copy(download.file(), out);
                }
            } finally {
                if (download.temporary()) {
                    Files.deleteIfExists(download.file());
                }
            }
        } else if (json != null) {
            send(response, "application/json", json);
        }
    }

    /**
     * Reads what is left of the body of a request refused before its handler read it (a 401 to
     * a POST, say), so that the connection can carry the client's next request; if more than a
     * little is left, asks the client to close the connection instead.
     */
    private static void finishReading(HttpServletRequest request, HttpServletResponse response) {
        try {
            ServletInputStream body = request.getInputStream();
            byte[] buffer = new byte[8192];
            long left = MAX_UNREAD_BODY;
            while (left > 0 && !body.isFinished()) {
                int read = body.read(buffer);
                if (read < 0) {
                    return;
                }
                left -= read;
            }
            if (!body.isFinished()) {
                response.setHeader("Connection", "close");
            }
        } catch (IOException | IllegalStateException unreadable) {
            response.setHeader("Connection", "close");
        }
    }

    static void writeProblem(HttpServletResponse response, ProblemException problem, String instance) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:nadi:problem:" + problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", instance);
        problem.extensions().forEach(body::putIfAbsent);
        response.setStatus(problem.status());
        problem.headers().forEach(response::setHeader);
        response.setHeader("Cache-Control", "no-store");
        send(response, "application/problem+json", Json.utf8(body));
    }

    /**
     * Sends a JSON body in one piece, with its length. Through a writer on the response's stream, a
     * small answer went out chunked in two network writes (the writer flushes before it closes, so
     * the headers left before the length was known) and took about a quarter more CPU
     * (bench/authenticated-get.sh, docs/benchmarks.md).
     */
    private static void send(HttpServletResponse response, String contentType, Json.Utf8 json) throws IOException {
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(json.length());
        try (OutputStream out = response.getOutputStream()) {
            out.write(json.bytes(), 0, json.length());
        }
    }
}
