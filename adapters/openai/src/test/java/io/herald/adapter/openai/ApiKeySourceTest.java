package io.herald.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySource.PropertyConvention;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key from configuration, or from SSM through a local stub of the Parameters and Secrets Lambda Extension. */
class ApiKeySourceTest {
    private static final String TOKEN = "session-token-of-the-lambda";
    private static final String PARAMETER = "/herald/prod/openai-api-key";

    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final OpenAiSettingsDraft settings = new OpenAiSettingsDraft();
    private HttpServer extension;
    private volatile String answer = """
            {"Parameter":{"ARN":"arn:aws:ssm:eu-west-1:123456789012:parameter/herald/prod/openai-api-key",
             "Name":"/herald/prod/openai-api-key","Type":"SecureString","Value":"sk-from-ssm","Version":3}}""";

    @BeforeEach
    void startExtension() throws IOException {
        extension = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        extension.createContext("/systemsmanager/parameters/get", this::handle);
        extension.start();
        settings.setParametersEndpoint("http://127.0.0.1:" + extension.getAddress().getPort());
        settings.setApiKeyParameter(PARAMETER);
    }

    @AfterEach
    void stopExtension() {
        extension.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            queries.add(exchange.getRequestURI().getQuery());
            String token = exchange.getRequestHeaders().getFirst(ParameterStoreExtension.TOKEN_HEADER);
            boolean authorised = TOKEN.equals(token);
            byte[] body = (authorised ? answer : "{\"message\":\"forbidden\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(authorised ? 200 : 401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Test
    void a_configured_key_is_used_without_asking_the_extension() {
        settings.setApiKey("sk-configured");

        assertThat(ApiKeySource.resolve(settings.bound(), null)).isEqualTo("sk-configured");
        assertThat(queries).isEmpty();
    }

    @Test
    void the_parameter_is_read_decrypted_with_the_session_token() {
        String key = ApiKeySource.resolve(settings.bound(), TOKEN);

        assertThat(key).isEqualTo("sk-from-ssm");
        assertThat(queries).containsExactly("name=" + PARAMETER + "&withDecryption=true");
    }

    @Test
    void in_the_lambda_the_environment_names_the_parameter_and_gives_the_session_token() {
        Map<String, Object> environment = Map.of(
                "HERALD_OPENAI_API_KEY_PARAMETER", PARAMETER,
                "HERALD_OPENAI_PARAMETERS_ENDPOINT", settings.bound().parametersEndpoint(),
                "AWS_SESSION_TOKEN", TOKEN);

        try (ApplicationContext context = ApplicationContext.builder().environmentPropertySource(false)
                .propertySources(PropertySource.of("lambda", environment, PropertyConvention.ENVIRONMENT_VARIABLE))
                .start()) {
            assertThat(context.getBean(OpenAiComposer.class)).isNotNull();
        }

        assertThat(queries).as("the extension answers only a caller with the session token")
                .containsExactly("name=" + PARAMETER + "&withDecryption=true");
    }

    @Test
    void without_a_session_token_the_error_says_what_is_missing() {
        assertThatThrownBy(() -> ApiKeySource.resolve(settings.bound(), null))
                .isInstanceOf(ApiKeyUnavailableException.class)
                .hasMessageContaining(PARAMETER).hasMessageContaining("AWS_SESSION_TOKEN is not set");
    }

    @Test
    void a_refusal_by_the_extension_names_the_parameter_and_the_status() {
        assertThatThrownBy(() -> ApiKeySource.resolve(settings.bound(), "wrong"))
                .isInstanceOf(ApiKeyUnavailableException.class)
                .hasMessageContaining(PARAMETER).hasMessageContaining("HTTP 401");
    }

    @Test
    void an_answer_without_a_value_is_an_error_that_does_not_quote_the_answer() {
        answer = "sk-half-a-secret, not json";

        assertThatThrownBy(() -> ApiKeySource.resolve(settings.bound(), TOKEN))
                .isInstanceOf(ApiKeyUnavailableException.class)
                .hasMessageContaining("not JSON").hasMessageNotContaining("sk-half-a-secret");
        answer = "{\"Parameter\":{\"Name\":\"x\"}}";
        assertThatThrownBy(() -> ApiKeySource.resolve(settings.bound(), TOKEN))
                .hasMessageContaining("has no value");
    }

    @Test
    void an_extension_that_is_not_there_is_a_clear_error() {
        extension.stop(0);

        assertThatThrownBy(() -> ApiKeySource.resolve(settings.bound(), TOKEN))
                .isInstanceOf(ApiKeyUnavailableException.class)
                .hasMessageContaining("cannot read SSM parameter " + PARAMETER + " from http://127.0.0.1:");
    }
}
