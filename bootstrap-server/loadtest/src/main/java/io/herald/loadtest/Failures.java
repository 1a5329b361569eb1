package io.herald.loadtest;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns exceptions into one readable line, because a load run reports thousands of failures as counted text. */
final class Failures {
    private static final int MAX_TEXT = 300;
    private static final String TOO_MANY_OPEN_FILES = "Too many open files";

    private Failures() {}

    static String describe(Throwable failure) {
        StringBuilder line = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isWrapper(cause) && cause.getCause() != null) {
                continue;
            }
            if (!line.isEmpty()) {
                line.append(" <- ");
            }
            line.append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                line.append(": ").append(cause.getMessage());
            }
        }
        return abbreviate(line.toString());
    }

    static boolean isTooManyOpenFiles(String reason) {
        return reason.contains(TOO_MANY_OPEN_FILES);
    }

    static String abbreviate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    private static boolean isWrapper(Throwable failure) {
        return failure instanceof CompletionException || failure instanceof ExecutionException;
    }
}
