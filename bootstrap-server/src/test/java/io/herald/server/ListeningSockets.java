package io.herald.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP ports this very process listens on, read from Linux's /proc: the sockets among its open files, matched
 * against the kernel's table of listening sockets. What a test sees here is what another process could connect to.
 */
final class ListeningSockets {
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    static Set<Integer> ofThisProcess() throws IOException {
        Set<String> ownInodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        ownInodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // A descriptor closed while we looked: not a listener of ours any more.
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path).subList(1, Files.readAllLines(path).size())) {
                String[] columns = line.trim().split("\\s+");
                String localAddress = columns[1];
                String state = columns[3];
                String inode = columns[9];
                if (LISTEN.equals(state) && ownInodes.contains(inode)) {
                    ports.add(Integer.parseInt(localAddress.substring(localAddress.indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }
}
