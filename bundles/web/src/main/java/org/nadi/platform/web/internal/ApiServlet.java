package org.nadi.platform.web.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.RestResource;
import org.nadi.platform.web.api.Routes;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one servlet behind {@code /api}: routes each request to the {@link RestResource} that
 * declared it, enforces the route's {@link Access}, writes results as JSON and every error as
 * {@code application/problem+json}. No stack trace ever reaches a client.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/*")
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = ApiServlet.MAX_UPLOAD_BYTES, maxRequestSize = ApiServlet.MAX_UPLOAD_BYTES + 65536)
public final class ApiServlet extends HttpServlet {

    static final long MAX_UPLOAD_BYTES = 64L * 1024 * 1024;
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(ApiServlet.class.getName());
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final transient RouteTable routes = new RouteTable();
    private final transient Path uploadDirectory;

    @Activate
    public ApiServlet(BundleContext context) {
        this.uploadDirectory = context.getDataFile("uploads").toPath();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResource(RestResource resource) {
        try {
            resource.declareRoutes(declarationsOf(resource));
        } catch (RuntimeException broken) {
            // A misbehaving module must not take the API down: drop what it declared.
            routes.removeAll(resource);
            LOG.log(Level.ERROR, "REST resource " + resource.getClass().getName() + " failed to declare its routes; ignoring it", broken);
        }
    }

    void removeResource(RestResource resource) {
        routes.removeAll(resource);
    }

    private Routes declarationsOf(RestResource owner) {
        return (method, path, access, handler) -> {
            if (!METHODS.contains(method)) {
                throw new IllegalArgumentException("Unsupported HTTP method " + method + " for " + path);
            }
            routes.add(owner, method, path, access, handler);
        };
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
            checkAccess(route.access(), request);
            apiRequest = new ServletApiRequest(request, match.get().parameters(), uploadDirectory);
            ApiResponse answer = route.handler().handle(apiRequest);
            write(response, answer);
        } catch (ProblemException problem) {
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

    private static void checkAccess(Access access, HttpServletRequest request) throws ProblemException {
        if (access == Access.PUBLIC) {
            return;
        }
        if (access == Access.LOOPBACK && isLoopback(request.getRemoteAddr())) {
            return;
        }
        throw new ProblemException(403, "forbidden", "Forbidden",
                "This operation is only available to clients on the server itself (loopback).");
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void write(HttpServletResponse response, ApiResponse answer) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setHeader("Cache-Control", "no-store");
        if (answer.body() instanceof ApiResponse.Download download) {
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
        } else if (answer.body() != null) {
            writeJson(response, "application/json", answer.body());
        }
    }

    private static void writeProblem(HttpServletResponse response, ProblemException problem, String instance) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:nadi:problem:" + problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", instance);
        problem.extensions().forEach(body::putIfAbsent);
        response.setStatus(problem.status());
        response.setHeader("Cache-Control", "no-store");
        writeJson(response, "application/problem+json", body);
    }

    private static void writeJson(HttpServletResponse response, String contentType, Object body) throws IOException {
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            Json.GSON.toJson(body, out);
        }
    }
}
