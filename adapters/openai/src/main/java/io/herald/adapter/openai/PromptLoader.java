package io.herald.adapter.openai;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * Reads the system prompt from its location and turns it into text: UTF-8, a Python file parsed for its literal,
 * surrounding whitespace dropped. Any failure is a {@link SystemPromptUnavailableException} naming the location.
 */
final class PromptLoader {
    private final PromptLocation location;
    /** Asked only for an S3 location, so the other shapes need no AWS region or credentials. */
    private final Supplier<S3Client> s3;

    PromptLoader(PromptLocation location, Supplier<S3Client> s3) {
        this.location = location;
        this.s3 = s3;
    }

    String load() {
        String raw = decode(bytes());
        String text;
        try {
            text = (location.isPython() ? PythonPromptLiteral.extract(raw) : raw).strip();
        } catch (IllegalArgumentException e) {
            throw new SystemPromptUnavailableException("system prompt " + location + ": " + e.getMessage(), e);
        }
        if (text.isEmpty()) {
            throw new SystemPromptUnavailableException("system prompt " + location + " is empty");
        }
        return text;
    }

    private byte[] bytes() {
        try {
            return switch (location) {
                case PromptLocation.Classpath classpath -> resource(classpath.resource());
                case PromptLocation.File file -> Files.readAllBytes(file.path());
                case PromptLocation.S3Object object -> s3.get().getObjectAsBytes(GetObjectRequest.builder()
                        .bucket(object.bucket()).key(object.key()).build()).asByteArray();
            };
        } catch (SystemPromptUnavailableException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // An S3 client that cannot even be built (no region, no credentials) is reported here too.
            throw new SystemPromptUnavailableException("cannot read the system prompt " + location + ": " + e, e);
        }
    }

    private byte[] resource(String name) throws IOException {
        try (InputStream in = PromptLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new SystemPromptUnavailableException("system prompt " + location + " is not on the classpath");
            }
            return in.readAllBytes();
        }
    }

    private String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SystemPromptUnavailableException("system prompt " + location + " is not UTF-8 text", e);
        }
    }
}
