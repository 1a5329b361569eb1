package io.herald.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/** A server for one test class: a free port, a data dir of its own, and the settings the class asks for. */
final class FreshServer {
    private FreshServer() {
    }

    /** @param settings property names and values, in pairs */
    static HeraldServer start(String name, Object... settings) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        try {
            properties.put("herald.data-dir", Files.createTempDirectory("herald-" + name).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i + 1 < settings.length; i += 2) {
            properties.put((String) settings[i], settings[i + 1]);
        }
        return HeraldServer.start(new String[0], properties);
    }
}
