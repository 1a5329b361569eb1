package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.kotlin.KotlinModule;
import org.junit.jupiter.api.Test;

class JsonMapperTest {

    /** The scan would also register the OpenAI SDK's Kotlin module, whose reflection slows the first answer. */
    @Test
    void the_answers_mapper_has_the_modules_it_names_and_not_the_ones_a_classpath_scan_finds() {
        try (HeraldServer server = FreshServer.start("json-mapper")) {
            ObjectMapper mapper = server.context().getBean(ObjectMapper.class);
            assertThat(mapper.getRegisteredModuleIds())
                    .contains(new JavaTimeModule().getTypeId(), new Jdk8Module().getTypeId())
                    .doesNotContain(new KotlinModule.Builder().build().getTypeId());
        }
    }
}
