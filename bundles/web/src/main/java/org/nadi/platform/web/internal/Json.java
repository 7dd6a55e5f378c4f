package org.nadi.platform.web.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The one JSON setup of the REST API. */
final class Json {

    static final Gson GSON = new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .create();

    private Json() {
    }
}
