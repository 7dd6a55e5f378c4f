package org.nadi.platform.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.nadi.platform.kernel.api.ModuleHeader;
import org.nadi.platform.web.api.Authenticator;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.StaticFolder;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the registered {@link StaticFolder}s: everything outside {@code /api} that the
 * runtime answers. Files are read from the bundles' entries (no module code runs), kept in
 * memory with their gzip form and a content hash as {@code ETag}, and revalidated by the browser
 * on every use ({@code no-cache}), so an updated module's files are seen at once.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
public final class StaticFolderServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Letters, digits, dots, hyphens and underscores in slash-separated segments; no segment starts with a dot. */
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "woff2", "font/woff2");
    private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    private static final int MAX_CACHED_FILES = 1000;

    private final transient List<StaticFolder> folders = new CopyOnWriteArrayList<>();
    private final transient Map<String, Asset> cache = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile Authenticator authenticator;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFolder(StaticFolder folder) {
        folders.add(folder);
    }

    void removeFolder(StaticFolder folder) {
        folders.remove(folder);
        cache.clear();
    }

    /** A file as it is sent: its bytes, their gzip form when that is smaller, and a hash of them for its ETag. */
    private record Asset(byte[] bytes, byte[] gzipped, String hash, String contentType) {
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
                response.setHeader("Allow", "GET, HEAD");
                throw new ProblemException(405, "method-not-allowed", "Method not allowed", path + " can only be read (GET).");
            }
            Located located = locate(path).orElseThrow(() -> ProblemException.notFound("There is nothing at " + path + "."));
            Gatekeeper.admit(authenticator, located.folder().access(), moduleOf(located.folder().bundle()),
                    new ServletApiRequest(request, Map.of(), null));
            Asset asset = load(located).orElseThrow(() -> ProblemException.notFound("There is nothing at " + path + "."));
            send(request, response, asset);
        } catch (ProblemException problem) {
            ApiServlet.writeProblem(response, problem, path);
        }
    }

    private record Located(StaticFolder folder, String file) {
    }

    /** The folder with the longest path that holds this path, and the file it names; or the front page for {@code /}. */
    private Optional<Located> locate(String path) {
        if (path.equals("/") || path.isEmpty()) {
            return folders.stream().filter(folder -> folder.frontPage().isPresent()).findFirst()
                    .map(folder -> new Located(folder, folder.frontPage().get()));
        }
        if (!SAFE_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        StaticFolder best = null;
        for (StaticFolder folder : folders) {
            String prefix = folder.path().equals("/") ? "/" : folder.path() + "/";
            if (path.startsWith(prefix) && path.length() > prefix.length()
                    && (best == null || folder.path().length() > best.path().length())) {
                best = folder;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String prefix = best.path().equals("/") ? "/" : best.path() + "/";
        return Optional.of(new Located(best, path.substring(prefix.length())));
    }

    private Optional<Asset> load(Located located) throws ProblemException {
        String file = located.file();
        String extension = file.substring(file.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        if (type == null || file.lastIndexOf('.') < 0) {
            return Optional.empty();
        }
        Bundle bundle = located.folder().bundle();
        String entry = located.folder().folder() + "/" + file;
        String key = bundle.getBundleId() + ":" + bundle.getLastModified() + ":" + entry;
        Asset cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        URL url = bundle.getEntry(entry);
        if (url == null) {
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        } catch (IOException | IllegalStateException unreadable) {
            // The bundle was uninstalled or updated while this was read.
            return Optional.empty();
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ProblemException(500, "file-too-large", "File too large", "The file " + entry + " in module '"
                    + moduleOf(bundle) + "' is larger than " + MAX_FILE_BYTES + " bytes, which is not served.");
        }
        Asset asset = new Asset(bytes, compressible(extension) ? gzip(bytes) : null, hash(bytes), type);
        if (cache.size() >= MAX_CACHED_FILES) {
            cache.clear();
        }
        cache.put(key, asset);
        return Optional.of(asset);
    }

    private static boolean compressible(String extension) {
        return !extension.equals("png") && !extension.equals("woff2");
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, Asset asset) throws IOException {
        boolean gzip = asset.gzipped() != null && acceptsGzip(request);
        // Each encoding of a file is a different representation, so it gets its own tag.
        String etag = "\"" + asset.hash() + (gzip ? "-gz" : "") + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Vary", "Accept-Encoding");
        if (matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(304);
            return;
        }
        byte[] body = gzip ? asset.gzipped() : asset.bytes();
        response.setStatus(200);
        response.setContentType(asset.contentType());
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (request.getMethod().equals("HEAD")) {
            return;
        }
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && List.of(ifNoneMatch.split("\\s*,\\s*")).contains(etag);
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader("Accept-Encoding");
        return accepted != null && accepted.toLowerCase().contains("gzip");
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
            out.write(bytes);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        byte[] gzipped = buffer.toByteArray();
        return gzipped.length < bytes.length ? gzipped : null;
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String moduleOf(Bundle bundle) {
        return ModuleHeader.of(bundle).map(ModuleHeader::id).orElse(bundle.getSymbolicName());
    }
}
