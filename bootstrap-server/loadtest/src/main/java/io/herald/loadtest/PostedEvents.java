package io.herald.loadtest;

import java.util.List;

/** Every event of one phase of a cluster run and what became of it. */
record PostedEvents(List<FailoverPoster.Posted> posted) {
    PostedEvents {
        posted = List.copyOf(posted);
    }

    int accepted() {
        return (int) posted.stream().filter(FailoverPoster.Posted.Accepted.class::isInstance).count();
    }

    List<String> failures() {
        return posted.stream().filter(FailoverPoster.Posted.Failed.class::isInstance)
                .map(failed -> ((FailoverPoster.Posted.Failed) failed).reason()).toList();
    }

    /** When the first accepted event left, the start of every rate; {@code Long.MAX_VALUE} if none was accepted. */
    long firstSentNanos() {
        return posted.stream().filter(FailoverPoster.Posted.Accepted.class::isInstance)
                .mapToLong(each -> ((FailoverPoster.Posted.Accepted) each).accepted().sentNanos()).min()
                .orElse(Long.MAX_VALUE);
    }
}
