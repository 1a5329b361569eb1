package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The embedded store lives inside the server: no other process can reach it, because it has no port at all. */
class EmbeddedStoreTest {

    @Test
    void the_only_port_a_started_server_listens_on_is_its_http_port() throws Exception {
        Set<Integer> before = ListeningSockets.ofThisProcess();

        try (HeraldServer server = FreshServer.start("ports")) {
            PlayerClient ana = PlayerClient.register("http://127.0.0.1:" + server.port(), "Ana", null);
            assertThat(ana.undelivered().status()).as("the store answers from inside the process").isEqualTo(200);

            Set<Integer> opened = new HashSet<>(ListeningSockets.ofThisProcess());
            opened.removeAll(before);
            assertThat(opened).containsExactly(server.port());
        }
    }
}
