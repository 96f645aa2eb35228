package dev.ember.sql.spi;

/**
 * Creates the {@link SqlEngine} of a {@code SqlContext} for the masters it supports. Providers are
 * found with {@link java.util.ServiceLoader} (a {@code
 * META-INF/services/dev.ember.sql.spi.SqlEngineProvider} file naming the class, which needs a
 * public no-argument constructor); {@code SqlContext.create(ssc)} takes the first one, in
 * class-path order, that {@linkplain #supports supports} the streaming context's master.
 *
 * <p>ember-sql registers the DuckDB provider for the local masters {@code local}, {@code local[N]}
 * and {@code local[*]}; a runner for a cluster registers its own for its masters.
 */
public interface SqlEngineProvider {

    /** A short name for messages, such as {@code DuckDB} or {@code Spark SQL}. */
    String name();

    /**
     * True when this provider's engine serves programs on {@code master}, such as {@code local[2]}
     * or {@code spark://host:7077}. Must not throw.
     */
    boolean supports(String master);

    /**
     * Starts an engine with {@code settings}; the caller closes it.
     *
     * @throws IllegalArgumentException when a setting is not valid for this engine, such as a time
     *     zone it does not know
     * @throws dev.ember.sql.SqlException when the engine cannot start
     */
    SqlEngine create(SqlEngineSettings settings);
}
