package io.github.rubric.rules.batch;

import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * A batch stopped because the scoring thread was interrupted. Nothing already scored is lost:
 * {@link #partial()} holds every outcome that was finished, in input order, and {@link #notScored()} names
 * every subject that was not.
 */
public final class BatchInterruptedException extends CancellationException {
    private static final long serialVersionUID = 1L;

    private final transient BatchResult partial;
    private final transient List<String> notScored;

    BatchInterruptedException(BatchResult partial, List<String> notScored) {
        super("batch scoring was interrupted after " + partial.outcomes().size() + " of "
                + (partial.outcomes().size() + notScored.size()) + " subjects; not scored: " + String.join(", ", notScored));
        this.partial = partial;
        this.notScored = List.copyOf(notScored);
    }

    /** @return the outcomes finished before the interruption, in input order */
    public BatchResult partial() {
        return partial;
    }

    /** @return the sources of the subjects that were not scored, in input order */
    public List<String> notScored() {
        return notScored;
    }
}
