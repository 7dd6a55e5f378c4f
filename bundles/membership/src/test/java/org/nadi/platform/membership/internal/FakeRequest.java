package org.nadi.platform.membership.internal;

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

/** A request as a route handler sees it, made up by a test; its body is JSON text, read as the REST API would. */
final class FakeRequest implements ApiRequest {

    private final Map<String, String> pathParameters = new HashMap<>();
    private final Map<String, String> query = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private String body;
    private Caller caller;
    final List<List<Object>> audited = new ArrayList<>();

    FakeRequest json(String json) {
        this.body = json;
        return this;
    }

    FakeRequest path(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    FakeRequest query(String name, String value) {
        query.put(name, value);
        return this;
    }

    FakeRequest ifMatch(long version) {
        headers.put("If-Match", "\"" + version + "\"");
        return this;
    }

    FakeRequest by(Caller who) {
        this.caller = who;
        return this;
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
        return "203.0.113.7";
    }

    @Override
    public boolean secure() {
        return false;
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
        return new JsonTrees().gson().fromJson(body, type);
    }

    @Override
    public Path uploadedFile(Set<String> acceptedTypes, long maxBytes) {
        throw new UnsupportedOperationException("No route of this bundle takes uploads");
    }
}
