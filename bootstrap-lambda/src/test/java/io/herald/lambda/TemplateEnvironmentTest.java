package io.herald.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.adapter.apigateway.ApiGatewaySettings;
import io.herald.adapter.dynamodb.DynamoDbSettings;
import io.herald.adapter.eventbridge.EventBridgeSettings;
import io.herald.adapter.http.PublicEndpoints;
import io.herald.adapter.http.TokenSettings;
import io.herald.adapter.micronaut.ChatSettings;
import io.herald.adapter.micronaut.ConnectionSettings;
import io.herald.adapter.micronaut.NotificationSettings;
import io.herald.adapter.micronaut.RoomSettings;
import io.herald.adapter.openai.OpenAiSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every environment variable the SAM template sets lands, by Micronaut's environment-variable convention, on a
 * property one of Herald's settings classes reads; and every setting the Lambda needs is set. No drift either way.
 */
class TemplateEnvironmentTest {

    private record Binding(String variable, Class<?> settings, String property) {
        String propertyName() {
            return prefix(settings) + "." + property;
        }

        /** A component of a settings record, a setter of a settings bean, or the switch a class requires. */
        boolean declared() {
            String camel = Pattern.compile("-([a-z])").matcher(property).replaceAll(m -> m.group(1).toUpperCase());
            if (settings.isRecord()) {
                return Arrays.stream(settings.getRecordComponents()).anyMatch(c -> c.getName().equals(camel))
                        || Arrays.stream(settings.getAnnotationsByType(Requires.class))
                                .anyMatch(r -> r.property().equals(propertyName()));
            }
            String setter = "set" + Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
            return Arrays.stream(settings.getMethods()).anyMatch(m -> m.getName().equals(setter));
        }
    }

    private static String prefix(Class<?> settings) {
        return settings.getAnnotation(ConfigurationProperties.class).value();
    }

    private static final List<Binding> BINDINGS = List.of(
            new Binding("HERALD_DYNAMODB_TABLE_NAME", DynamoDbSettings.class, "table-name"),
            new Binding("HERALD_TOKENS_SECRET", TokenSettings.class, "secret"),
            new Binding("HERALD_HTTP_SERVICE_KEY", PublicEndpoints.class, "service-key"),
            new Binding("HERALD_HTTP_WEBSOCKET_URL", PublicEndpoints.class, "websocket-url"),
            new Binding("HERALD_APIGATEWAY_WEBSOCKET_URL", ApiGatewaySettings.class, "websocket-url"),
            new Binding("HERALD_EVENTBRIDGE_ENABLED", EventBridgeSettings.class, "enabled"),
            new Binding("HERALD_EVENTBRIDGE_BUS_NAME", EventBridgeSettings.class, "bus-name"),
            new Binding("HERALD_OPENAI_API_KEY_PARAMETER", OpenAiSettings.class, "api-key-parameter"),
            new Binding("HERALD_OPENAI_SYSTEM_PROMPT", OpenAiSettings.class, "system-prompt"),
            new Binding("HERALD_ROOMS_RETENTION", RoomSettings.class, "retention"),
            new Binding("HERALD_ROOMS_MAX_MEMBERS", RoomSettings.class, "max-members"),
            new Binding("HERALD_NOTIFICATIONS_RETENTION", NotificationSettings.class, "retention"),
            new Binding("HERALD_CONNECTIONS_INACTIVE_AFTER", ConnectionSettings.class, "inactive-after"),
            new Binding("HERALD_CHAT_RETENTION", ChatSettings.class, "retention"));

    @SuppressWarnings("unchecked")
    private static Map<String, Object> templateVariables() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("template.yaml"))) {
            Map<String, Object> template = new Yaml().load(in);
            Map<String, Object> function = (Map<String, Object>) ((Map<String, Object>) template.get("Globals")).get("Function");
            return (Map<String, Object>) ((Map<String, Object>) function.get("Environment")).get("Variables");
        }
    }

    @Test
    void the_template_sets_exactly_the_variables_the_code_reads() throws Exception {
        assertThat(templateVariables().keySet())
                .containsExactlyInAnyOrderElementsOf(BINDINGS.stream().map(Binding::variable).toList());
    }

    @Test
    void each_property_is_one_its_settings_class_declares() {
        assertThat(BINDINGS).allSatisfy(binding -> assertThat(binding.declared())
                .as(binding.settings().getSimpleName() + " declares " + binding.property()).isTrue());
    }

    @Test
    void each_variable_reaches_the_property_its_settings_class_declares() throws Exception {
        Map<String, Object> sentinels = templateVariables().keySet().stream()
                .collect(Collectors.toMap(name -> name, name -> "value-of-" + name, (a, b) -> a, LinkedHashMap::new));

        try (ApplicationContext context = ApplicationContext.builder()
                .propertySources(PropertySource.of("template", sentinels, PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .build()) {
            Environment environment = context.getEnvironment();
            environment.start();
            for (Binding binding : BINDINGS) {
                assertThat(environment.getProperty(binding.propertyName(), String.class))
                        .as(binding.variable() + " → " + binding.propertyName())
                        .contains("value-of-" + binding.variable());
            }
        }
    }
}
