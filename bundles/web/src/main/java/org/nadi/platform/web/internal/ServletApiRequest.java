package org.nadi.platform.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.nadi.platform.web.api.ApiRequest;
import org.nadi.platform.web.api.Caller;
import org.nadi.platform.web.api.ProblemException;

import com.google.gson.JsonParseException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

/** An {@link ApiRequest} over a servlet request. */
final class ServletApiRequest implements ApiRequest {

    private final HttpServletRequest request;
    private final Map<String, String> pathParameters;
    private final Path uploadDirectory;
    private final List<Path> temporaryFiles = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();
    private Caller caller;

    /** A change a handler {@linkplain #audit reported}. */
    record Change(String entity, String id, Object before, Object after) {
    }

    ServletApiRequest(HttpServletRequest request, Map<String, String> pathParameters, Path uploadDirectory) {
        this.request = request;
        this.pathParameters = pathParameters;
        this.uploadDirectory = uploadDirectory;
    }

    @Override
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The route has no path parameter {" + name + "}");
        }
        return value;
    }

    @Override
    public Optional<String> query(String name) {
        return Optional.ofNullable(request.getParameter(name));
    }

    @Override
    public boolean flag(String name) throws ProblemException {
        Optional<String> value = query(name);
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true", "" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest("Query parameter '" + name + "' must be true or false, not '"
                    + value.get() + "'.");
        };
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeader(name));
    }

    @Override
    public String remoteAddress() {
        return request.getRemoteAddr();
    }

    String method() {
        return request.getMethod();
    }

    @Override
    public boolean secure() {
        return request.isSecure();
    }

    @Override
    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    /** Called once the request's credentials have been checked. */
    void signedIn(Caller who) {
        this.caller = who;
    }

    @Override
    public void audit(String entity, String id, Object before, Object after) {
        changes.add(new Change(entity, id, before, after));
    }

    /** What the handler reported changing, in order. */
    List<Change> changes() {
        return changes;
    }

    @Override
    public <T> T body(Class<T> type) throws ProblemException {
        String contentType = mediaType();
        if (!contentType.equals("application/json")) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json, not '" + contentType + "'.");
        }
        try (Reader reader = new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8)) {
            T value = Json.GSON.fromJson(reader, type);
            if (value == null) {
                throw ProblemException.badRequest("The request body is empty; send a JSON object.");
            }
            return value;
        } catch (JsonParseException | IOException malformed) {
            throw ProblemException.badRequest("The request body is not valid JSON: " + malformed.getMessage());
        }
    }

    @Override
    public long ifMatchVersion() throws ProblemException {
        String ifMatch = request.getHeader("If-Match");
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.versionRequired("Send the ETag you read in an If-Match header (If-Match: \"3\"), so that"
                    + " a change made meanwhile by someone else is not overwritten.");
        }
        String tag = ifMatch.trim();
        if (tag.length() >= 3 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                long version = Long.parseLong(tag.substring(1, tag.length() - 1));
                if (version >= 0) {
                    return version;
                }
            } catch (NumberFormatException notAVersion) {
                // answered below
            }
        }
        throw ProblemException.badRequest("If-Match is '" + ifMatch + "'; send the one ETag of the version you read,"
                + " quotes included, e.g. If-Match: \"3\".");
    }

    @Override
    public Path uploadedFile(Set<String> acceptedTypes, long maxBytes) throws ProblemException {
        String contentType = mediaType();
        try {
            if (contentType.equals("multipart/form-data")) {
                for (Part part : request.getParts()) {
                    if (part.getSubmittedFileName() != null) {
                        if (part.getSize() > maxBytes) {
                            throw tooLarge(maxBytes);
                        }
                        try (InputStream content = part.getInputStream()) {
                            return store(content, maxBytes);
                        }
                    }
                }
                throw ProblemException.badRequest("The multipart/form-data request has no file part; attach the file.");
            }
            if (!acceptedTypes.contains(contentType)) {
                throw new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                        "Send the file as " + String.join(" or ", acceptedTypes) + " (or multipart/form-data), not '"
                                + contentType + "'.");
            }
            if (request.getContentLengthLong() > maxBytes) {
                throw tooLarge(maxBytes);
            }
            try (InputStream content = request.getInputStream()) {
                return store(content, maxBytes);
            }
        } catch (IOException | ServletException | IllegalStateException unreadable) {
            throw ProblemException.badRequest("The upload could not be read: " + unreadable.getMessage());
        }
    }

    private Path store(InputStream content, long maxBytes) throws IOException, ProblemException {
        Files.createDirectories(uploadDirectory);
        Path file = Files.createTempFile(uploadDirectory, "upload-", ".tmp");
        temporaryFiles.add(file);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int read; (read = content.read(buffer)) != -1;) {
                total += read;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, read);
            }
        }
        if (total == 0) {
            throw ProblemException.badRequest("The request body is empty; send the file as the body.");
        }
        return file;
    }

    private static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(413, "too-large", "Upload too large",
                "The file is larger than the limit of " + (maxBytes / (1024 * 1024)) + " MiB.");
    }

    private String mediaType() {
        String contentType = request.getContentType();
        if (contentType == null) {
            return "";
        }
        return contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    /** Deletes the temporary files of uploads; called once the response is written. */
    void cleanUp() {
        for (Path file : temporaryFiles) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A leftover temporary file is harmless; the directory is cleared at the next start.
            }
        }
    }
}
