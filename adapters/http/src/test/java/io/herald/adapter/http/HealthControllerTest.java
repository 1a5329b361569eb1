package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.fake.FakeHerald;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

class HealthControllerTest {
    @Test
    void a_node_without_a_management_module_says_it_is_up() {
        HttpFixture http = new HttpFixture(new FakeHerald());
        HttpRequest<?> request = HttpFixture.get("/health", null);

        HttpFixture.Answer answer = http.call(request, () -> new HealthController().health());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().toString()).isEqualTo("{\"status\":\"UP\",\"success\":true}");
    }
}
