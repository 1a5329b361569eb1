package io.herald.adapter.openai;

import java.nio.file.Path;

/** Where the system prompt lives, as {@code herald.openai.system-prompt} names it; its text names it in every error. */
sealed interface PromptLocation {
    String CLASSPATH = "classpath:";
    String FILE = "file:";
    String S3 = "s3://";

    /** A Python prompt file is parsed for its {@code system_prompt} literal; anything else is plain text. */
    default boolean isPython() {
        return toString().endsWith(".py");
    }

    record Classpath(String resource) implements PromptLocation {
        @Override
        public String toString() {
            return CLASSPATH + resource;
        }
    }

    record File(Path path) implements PromptLocation {
        @Override
        public String toString() {
            return FILE + path;
        }
    }

    record S3Object(String bucket, String key) implements PromptLocation {
        @Override
        public String toString() {
            return S3 + bucket + "/" + key;
        }
    }

    static PromptLocation parse(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("herald.openai.system-prompt must name a classpath resource, a file "
                    + "or an S3 object");
        }
        String value = location.strip();
        if (value.startsWith(CLASSPATH)) {
            return new Classpath(value.substring(CLASSPATH.length()).replaceFirst("^/+", ""));
        }
        if (value.startsWith(S3)) {
            String rest = value.substring(S3.length());
            int slash = rest.indexOf('/');
            if (slash <= 0 || slash == rest.length() - 1) {
                throw new IllegalArgumentException("herald.openai.system-prompt " + value
                        + " must have the form s3://bucket/key");
            }
            return new S3Object(rest.substring(0, slash), rest.substring(slash + 1));
        }
        return new File(Path.of(value.startsWith(FILE) ? value.substring(FILE.length()) : value));
    }
}
