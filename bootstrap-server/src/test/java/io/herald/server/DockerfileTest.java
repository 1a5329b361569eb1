package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine here to build the image, so the Dockerfile is checked against the build instead: it builds the
 * module the jar comes from, copies the very jar the build makes, runs it as a non-root user with container-aware
 * JVM flags, and keeps the data dir on a volume path.
 */
class DockerfileTest {
    private static final Path DOCKERFILE = Path.of("Dockerfile");

    private static List<String> lines() throws IOException {
        return Files.readAllLines(DOCKERFILE);
    }

    @Test
    void it_copies_and_runs_the_jar_the_build_makes() throws Exception {
        Path jar = Path.of("target", "herald-server.jar");
        String pom = Files.readString(Path.of("pom.xml"));

        assertThat(pom).contains("<finalName>herald-server</finalName>");
        assertThat(lines()).anySatisfy(line -> assertThat(line)
                .startsWith("COPY --from=build /src/bootstrap-server/" + jar.toString().replace('\\', '/')));
        assertThat(lines()).anySatisfy(line -> assertThat(line).startsWith("RUN mvn").contains("-pl bootstrap-server -am"));
        assertThat(lines()).anySatisfy(line -> assertThat(line).startsWith("ENTRYPOINT").contains("/app/herald-server.jar"));
    }

    @Test
    void it_runs_as_a_non_root_user_with_container_flags_and_a_data_dir() throws Exception {
        List<String> lines = lines();
        int user = lines.indexOf(lines.stream().filter(l -> l.startsWith("USER ")).findFirst().orElseThrow());
        int entry = lines.indexOf(lines.stream().filter(l -> l.startsWith("ENTRYPOINT")).findFirst().orElseThrow());

        assertThat(lines.get(user)).isNotEqualTo("USER root").isNotEqualTo("USER 0");
        assertThat(user).isLessThan(entry);
        assertThat(String.join("\n", lines)).contains("-XX:MaxRAMPercentage").contains("HERALD_DATA_DIR=/data")
                .contains("EXPOSE 8080").contains("FROM eclipse-temurin:21-jre");
    }
}
