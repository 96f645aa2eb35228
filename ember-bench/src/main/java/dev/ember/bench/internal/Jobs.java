package dev.ember.bench.internal;

/** The workloads, as one engine (Ember, Spark or the kernel) runs them in a child JVM. */
interface Jobs {

    /**
     * Word count over pre-built in-memory batches of lines; reports every batch, then {@code RESULT
     * done=true}.
     */
    void memWordCount(Params p) throws Exception;

    /** Word count of the lines read from {@code 127.0.0.1:port}; reports every batch. */
    void socketWordCount(Params p) throws Exception;

    /**
     * Hashtag counts over a sliding window with an inverse reduce; reports every window. May report
     * {@code UNSUPPORTED} when the engine lacks the operator.
     */
    void hashtags(Params p) throws Exception;

    /** Word count that outputs the timestamp markers it saw in each batch. */
    void latency(Params p) throws Exception;
}
