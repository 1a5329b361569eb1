package io.herald.adapter.http;

import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The JSON mapper's Jackson modules, named here because both shapes turn Micronaut's module scan off
 * ({@code jackson.module-scan=false}): the scan also finds the Kotlin module that the OpenAI SDK brings for its own
 * mapper, and its reflection, loaded on the first answer, cost a cold Lambda about a second (1,600 classes).
 */
@Factory
public class JsonModules {

    @Singleton
    JavaTimeModule javaTime() {
        return new JavaTimeModule();
    }

    @Singleton
    Jdk8Module jdk8() {
        return new Jdk8Module();
    }
}
