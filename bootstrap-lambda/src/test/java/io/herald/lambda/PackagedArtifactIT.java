package io.herald.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.adapter.dynamodb.LocalDynamoDb;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The artifact SAM uploads, not the classes the other tests load: each handler starts from {@code herald-lambda.jar}
 * in a fresh JVM, as the Lambda runtime would start it, and answers a first request against DynamoDB Local. What only
 * packaging can break shows here: the services files the shade merges, the configuration in the jar, and the
 * Micronaut AOT classes written before packaging (README: Cold start).
 */
class PackagedArtifactIT {
    private static LocalDynamoDb dynamo;

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http         | answer 200",
        "websocket    | answer {\"type\":\"error\",\"code\":\"unknown_connection\"",
        "orchestrator | answer scheduled check"})
    void each_handler_starts_from_the_jar_with_the_build_time_optimizations_and_answers(String handler, String answer)
            throws Exception {
        String output = probe(handler);

        assertThat(output).contains("COLDSTART " + handler + ":").contains(answer)
                .contains("aot [deduce.environment, known.missing.types, precompute.environment.properties, "
                        + "scan.reactive.types, serviceloading.jit, sealed.property.source]");
    }

    /** SnapStart's priming creates every singleton, so a bean the build-time bean list lost would fail here. */
    @ParameterizedTest
    @ValueSource(strings = {"http-primed", "websocket-primed", "orchestrator-primed"})
    void each_handler_primes_every_singleton_from_the_jar(String mode) throws Exception {
        assertThat(probe(mode)).contains("COLDSTART " + mode + ": init+priming").contains("first request after it");
    }

    /**
     * Micronaut AOT keeps only the beans whose requirements hold at build time, where no deployment setting is set;
     * Herald's beans are chosen by settings at run time, so aot.properties lists those it would drop.
     */
    @Test
    void every_bean_of_herald_in_the_jar_is_in_the_build_time_bean_list() throws Exception {
        Path jar = Path.of("target", "herald-lambda.jar");
        Set<String> herald = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith("META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/io.herald."))
                    .map(name -> name.substring(name.lastIndexOf('/') + 1)).forEach(herald::add);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Field types = loader.loadClass("io.herald.lambda.aot.BeanDefinitionReferenceFactory")
                    .getDeclaredField("SERVICE_TYPES");
            types.setAccessible(true);
            List<String> kept = List.of((String[]) types.get(null));

            assertThat(herald).isNotEmpty();
            assertThat(kept).as("add the missing ones to serviceloading.force.include.impls in aot.properties")
                    .containsAll(herald);
        }
    }

    private static String probe(String handler) throws IOException, InterruptedException {
        Path jar = Path.of("target", "herald-lambda.jar");
        assertThat(jar).as("mvn package writes the artifact before the integration tests").exists();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Daws.region=us-east-1", "-Daws.access-key-id=local", "-Daws.secret-key=local",
                "-Daws.services.dynamodb.endpoint-override=" + dynamo.endpoint(),
                "-Dherald.dynamodb.table-name=herald-artifact", "-Dherald.dynamodb.create-table=true",
                "-Dherald.tokens.secret=a-packaging-test-secret-of-32-bytes-at-least",
                "-Dherald.apigateway.websocket-url=wss://abc.execute-api.us-east-1.amazonaws.com/dev",
                "-Dherald.eventbridge.enabled=true", "-Dherald.eventbridge.bus-name=default",
                "-cp", jar + java.io.File.pathSeparator + Path.of("target", "test-classes"),
                ColdStartProbe.class.getName(), handler));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Files.writeString(Path.of("target", "packaged-" + handler + ".txt"), output);
        return output;
    }
}
