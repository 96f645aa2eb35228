package dev.ember.sql.internal;

import dev.ember.spi.LocalMaster;
import dev.ember.sql.spi.SqlEngine;
import dev.ember.sql.spi.SqlEngineProvider;
import dev.ember.sql.spi.SqlEngineSettings;

/**
 * The SQL engine of the local runner: embedded DuckDB, for the masters {@code local}, {@code
 * local[N]} and {@code local[*]}. Registered in {@code META-INF/services}.
 */
public final class DuckDbProvider implements SqlEngineProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public DuckDbProvider() {}

    @Override
    public String name() {
        return "DuckDB";
    }

    @Override
    public boolean supports(String master) {
        try {
            LocalMaster.threads(master);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public SqlEngine create(SqlEngineSettings settings) {
        return new DuckDbEngine(settings);
    }
}
