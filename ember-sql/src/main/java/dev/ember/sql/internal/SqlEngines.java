package dev.ember.sql.internal;

import dev.ember.sql.spi.SqlEngine;
import dev.ember.sql.spi.SqlEngineProvider;
import dev.ember.sql.spi.SqlEngineSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the {@link SqlEngineProvider} for a master and starts its engine. */
public final class SqlEngines {
    private SqlEngines() {}

    /**
     * The engine of the first provider on the class path that supports {@code settings.master()}.
     *
     * @throws IllegalStateException when none does, naming the master and the providers found
     */
    public static SqlEngine create(SqlEngineSettings settings) {
        List<String> found = new ArrayList<>();
        for (SqlEngineProvider provider : ServiceLoader.load(SqlEngineProvider.class)) {
            if (provider.supports(settings.master())) {
                return provider.create(settings);
            }
            found.add(provider.name() + " (" + provider.getClass().getName() + ")");
        }
        throw new IllegalStateException(
                "no SQL engine supports master '"
                        + settings.master()
                        + "' of '"
                        + settings.appName()
                        + "': the providers found are "
                        + found
                        + "; add the module that provides SQL for this master to the class path"
                        + " (ember-sql serves local, local[N] and local[*])");
    }
}
