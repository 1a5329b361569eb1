package io.herald.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.adapter.dynamodb.TableLayout;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The SAM template and the code agree: one table layout, real handler classes. No drift between the two. */
class TemplateTest {
    private static Map<String, Object> resources;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("template.yaml"))) {
            Map<String, Object> template = new Yaml().load(in);
            resources = map(template.get("Resources"));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return (List<Object>) node;
    }

    private static Map<String, String> keys(Object keySchema) {
        return list(keySchema).stream().map(TemplateTest::map)
                .collect(Collectors.toMap(k -> (String) k.get("KeyType"), k -> (String) k.get("AttributeName")));
    }

    @Test
    void the_table_has_the_keys_indexes_and_ttl_the_adapter_uses() {
        Map<String, Object> table = map(map(resources.get("Table")).get("Properties"));

        assertThat(keys(table.get("KeySchema"))).isEqualTo(Map.of("HASH", TableLayout.PK, "RANGE", TableLayout.SK));
        Map<String, Map<String, String>> indexes = list(table.get("GlobalSecondaryIndexes")).stream().map(TemplateTest::map)
                .collect(Collectors.toMap(i -> (String) i.get("IndexName"), i -> keys(i.get("KeySchema"))));
        assertThat(indexes).isEqualTo(Map.of(
                TableLayout.INBOX_INDEX, Map.of("HASH", TableLayout.INBOX_PK, "RANGE", TableLayout.INBOX_SK),
                TableLayout.OWED_INDEX, Map.of("HASH", TableLayout.OWED_PK, "RANGE", TableLayout.OWED_SK)));
        assertThat(map(table.get("TimeToLiveSpecification"))).containsEntry("AttributeName", TableLayout.TTL)
                .containsEntry("Enabled", true);
    }

    @Test
    void every_function_names_a_handler_class_that_exists_with_its_request_method() throws Exception {
        List<String> handlers = resources.values().stream().map(TemplateTest::map)
                .filter(r -> "AWS::Serverless::Function".equals(r.get("Type")))
                .map(r -> (String) map(r.get("Properties")).get("Handler"))
                .toList();

        assertThat(handlers).containsExactlyInAnyOrder("io.herald.lambda.HttpHandler::handleRequest",
                "io.herald.lambda.WebSocketHandler::handleRequest", "io.herald.lambda.OrchestratorHandler::handleRequest");
        for (String handler : handlers) {
            String[] parts = handler.split("::");
            Class<?> type = Class.forName(parts[0]);
            assertThat(List.of(type.getMethods())).extracting(Method::getName).contains(parts[1]);
        }
    }
}
