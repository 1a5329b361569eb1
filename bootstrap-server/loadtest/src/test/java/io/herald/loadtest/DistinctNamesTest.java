package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The load generator talks about the product from outside; a class here named like one of the product's (a
 * {@code Registration}, a {@code Frames}) would be read as that class in a stack trace or a search, so none is.
 */
class DistinctNamesTest {
    private static final Path LOADTEST = Path.of("").toAbsolutePath();
    private static final Path REPOSITORY = LOADTEST.getParent().getParent();

    private static Set<String> classNames(Path root, boolean skipLoadTest) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .filter(p -> !skipLoadTest || !p.startsWith(LOADTEST))
                    .map(p -> p.getFileName().toString().replace(".java", ""))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void no_class_of_the_load_generator_shares_its_name_with_a_class_of_the_product() throws IOException {
        assertThat(REPOSITORY.resolve("pom.xml")).exists();
        Set<String> product = classNames(REPOSITORY, true);
        assertThat(product).contains("HeraldServer", "Frames");

        Set<String> ours = classNames(LOADTEST, false);

        assertThat(ours).isNotEmpty().doesNotContainAnyElementsOf(product);
    }
}
