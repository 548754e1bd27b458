package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A section of a doc written by a test: between its markers, the runs' data as JSON in a comment
 * ({@code dataPrefix} opens it), then the text rendered from that data, so that no figure in it is
 * typed by hand.
 */
record GeneratedSection(Path doc, String begin, String end, String dataPrefix) {

    /** The recorded data, once the section's text is checked to be its rendering. */
    JsonObject read(Function<JsonObject, String> render) throws IOException {
        String text = Files.readString(doc);
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        assertTrue(b >= 0 && e > b, doc + " lacks the generated section " + begin);
        String body = text.substring(b + begin.length() + 1, e);
        int close = body.indexOf(" -->\n");
        JsonObject data = JsonParser.parseString(body.substring(dataPrefix.length(), close)).getAsJsonObject();
        assertEquals(render.apply(data), body.substring(close + 5), "the section was edited after its run wrote it");
        return data;
    }

    /** Replaces the section with {@code data} and its rendering. */
    void write(JsonObject data, Function<JsonObject, String> render) throws IOException {
        String text = Files.readString(doc);
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        assertTrue(b >= 0 && e > b, doc + " lacks the section markers " + begin);
        String section = begin + "\n" + dataPrefix + new Gson().toJson(data) + " -->\n" + render.apply(data);
        Files.writeString(doc, text.substring(0, b) + section + text.substring(e));
    }
}
