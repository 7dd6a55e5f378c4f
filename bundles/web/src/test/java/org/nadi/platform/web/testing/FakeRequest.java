package org.nadi.platform.web.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.nadi.platform.web.api.ApiRequest;
import org.nadi.platform.web.api.Caller;
import org.nadi.platform.web.api.ProblemException;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * A request as a route handler sees it, made up by a unit test of the handler. Its body is JSON
 * text, read into the type the handler asks for as the REST API would read it; the changes the
 * handler audits are kept for the test to look at.
 */
public final class FakeRequest implements ApiRequest {

    // Nulls are written so that a field sent as null stays in the body, as a client can send it.
    private static final Gson GSON = new GsonBuilder().serializeNulls().create();

    private final Map<String, String> pathParameters = new HashMap<>();
    private final Map<String, String> query = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private final List<List<Object>> audited = new ArrayList<>();
    private String body;
    private Caller caller;
    private boolean secure;
    private String remoteAddress = "203.0.113.7";

    /** The body, as JSON text. */
    public FakeRequest json(String json) {
        this.body = json;
        return this;
    }

    /** The body, as the JSON object with these fields (values may be null). */
    public FakeRequest body(Map<String, ?> fields) {
        return json(GSON.toJson(fields));
    }

    public FakeRequest path(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    public FakeRequest query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public FakeRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The If-Match header naming the version read before, as {@code "3"}. */
    public FakeRequest ifMatch(long version) {
        return header("If-Match", "\"" + version + "\"");
    }

    /** The signed-in caller; none if not given. */
    public FakeRequest by(Caller who) {
        this.caller = who;
        return this;
    }

    public FakeRequest overHttps() {
        this.secure = true;
        return this;
    }

    public FakeRequest from(String address) {
        this.remoteAddress = address;
        return this;
    }

    /** Each change the handler audited, as {@code [entity, id, before, after]}, in order. */
    public List<List<Object>> audited() {
        return audited;
    }

    @Override
    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    @Override
    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    @Override
    public boolean flag(String name) {
        return query(name).map(Boolean::parseBoolean).orElse(false);
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    @Override
    public long ifMatchVersion() throws ProblemException {
        String tag = headers.get("If-Match");
        if (tag == null) {
            throw ProblemException.versionRequired("If-Match required");
        }
        return Long.parseLong(tag.replace("\"", ""));
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    @Override
    public void audit(String entity, String id, Object before, Object after) {
        List<Object> change = new ArrayList<>();
        change.add(entity);
        change.add(id);
        change.add(before);
        change.add(after);
        audited.add(change);
    }

    @Override
    public <T> T body(Class<T> type) throws ProblemException {
        if (body == null) {
            throw ProblemException.badRequest("The request body is empty; send a JSON object.");
        }
        try {
            return GSON.fromJson(body, type);
        } catch (JsonParseException malformed) {
            throw ProblemException.badRequest("The request body is not valid JSON: " + malformed.getMessage());
        }
    }

    @Override
    public Path uploadedFile(Set<String> acceptedTypes, long maxBytes) {
        throw new UnsupportedOperationException("A FakeRequest carries no uploaded file");
    }
}
