package io.finalspec.toolkit.oracle;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Test resources and small JSON helpers shared by the oracle tests. */
final class Specs {

    private Specs() {
    }

    static Path resource(String name) {
        try {
            return Path.of(Specs.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    static JsonElement value(String text) {
        return JsonParser.parseString(text);
    }

    /** {@code Name{p=v, ...}}, compact enough to compare whole label lists in one assertion. */
    static String label(String action, List<Map.Entry<String, JsonElement>> params) {
        StringBuilder b = new StringBuilder(action);
        if (!params.isEmpty()) {
            b.append('{');
            for (int i = 0; i < params.size(); i++) {
                b.append(i > 0 ? ", " : "").append(params.get(i).getKey()).append('=').append(params.get(i).getValue());
            }
            b.append('}');
        }
        return b.toString();
    }
}
