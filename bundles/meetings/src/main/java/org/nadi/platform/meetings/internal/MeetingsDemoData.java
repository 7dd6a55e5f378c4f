package org.nadi.platform.meetings.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.nadi.platform.kernel.api.DemoData;
import org.nadi.platform.meetings.api.Meeting;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The meetings module's demo data, for {@code bin/nadi --demo} and {@code nadi:demo}: the NADI
 * meeting of Siem Reap, 18–21 September 2024, as its Chairman's Report records it, shipped as
 * {@value #SHIPPED}. The file holds one meeting document as {@code POST /api/v1/meetings} takes
 * it, or an array of them (the forthcoming meetings it lists, say), and is loaded through the
 * same checks, in one transaction; meetings already there are left as they are, so loading
 * twice creates nothing the second time. Its people and institutions are the membership
 * module's demo data, which the platform loads first because this module needs membership.
 */
@Component
public final class MeetingsDemoData implements DemoData {

    static final String SHIPPED = "/demo-data/siem-reap-2024.json";

    private final Meetings meetings;

    @Activate
    public MeetingsDemoData(@Reference Meetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public String load() throws IOException, SQLException {
        return load(SHIPPED);
    }

    /** Loads the demo-data file at this path of the bundle; answers what it created and what was there already. */
    String load(String resource) throws IOException, SQLException {
        String file = resource.substring(1);
        try (InputStream in = MeetingsDemoData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("The meetings bundle ships no " + file + ", so there is no demo meeting to load;"
                        + " the build that made this bundle left the file out of src/main/resources.");
            }
            return load(file, in);
        }
    }

    private String load(String file, InputStream in) throws IOException, SQLException {
        List<Meeting> documents = documents(file, in);
        List<String> created;
        try {
            created = meetings.createMissing(documents);
        } catch (Refused refused) {
            throw new IOException(file + " was refused, nothing was loaded: " + refused.getMessage()
                    + (refused.status() == 422 && refused.getMessage().contains("membership directory")
                            ? " (the membership module's demo data names the people and institutions of the meeting)" : ""),
                    refused);
        }
        int recommendations = documents.stream().filter(document -> created.contains(document.id()))
                .mapToInt(document -> document.recommendations().size()).sum();
        return created.size() + (created.size() == 1 ? " meeting" : " meetings") + " created"
                + (created.isEmpty() ? "" : " (" + String.join(", ", created) + ") with " + recommendations + " recommendations")
                + ", " + (documents.size() - created.size()) + " already there";
    }

    private static List<Meeting> documents(String file, InputStream in) throws IOException {
        JsonElement content;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            content = JsonParser.parseReader(reader);
        } catch (JsonParseException malformed) {
            throw new IOException(file + " is not valid JSON: " + malformed.getMessage(), malformed);
        }
        JsonArray all = new JsonArray();
        if (content.isJsonArray()) {
            all = content.getAsJsonArray();
        } else {
            all.add(content);
        }
        List<Meeting> documents = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String at = content.isJsonArray() ? "[" + i + "]." : "";
            try {
                documents.add(MeetingInputs.document(JsonInput.of(all.get(i), at, at.isEmpty() ? "The file" : "[" + i + "]")));
            } catch (Refused refused) {
                throw new IOException(file + " was refused, nothing was loaded: " + refused.getMessage(), refused);
            }
        }
        return documents;
    }
}
