package dev.ember.sql.spi;

import dev.ember.sql.DataType;
import java.util.Objects;

/**
 * A column of a {@link Table}: its name, its public type, and the name of the type that holds it.
 *
 * <p>Tables that Ember makes from Java objects name their types {@code BOOLEAN}, {@code TINYINT},
 * {@code SMALLINT}, {@code INTEGER}, {@code BIGINT}, {@code FLOAT}, {@code DOUBLE}, {@code
 * DECIMAL(p,s)}, {@code VARCHAR}, {@code BLOB}, {@code DATE}, {@code TIME}, {@code TIMESTAMP WITH
 * TIME ZONE} (an {@code Instant}), {@code TIMESTAMP} (a {@code LocalDateTime}), {@code UUID}, a
 * list as its element's name followed by {@code []}, and {@code NULL} for {@link DataType#NULL}; an
 * engine maps these onto its own types. Tables an engine returns from a query carry the engine's
 * own names, which Ember only shows and hands back to the same engine.
 *
 * @param name the column's name
 * @param type the public type; {@link DataType#NULL} when no value tells the type yet
 * @param typeName the name of the type, as above, such as {@code VARCHAR} or {@code DECIMAL(38,18)}
 */
public record Column(String name, DataType type, String typeName) {

    /** Checks that no part is null. */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(typeName, "typeName");
    }

    /** The same column under another name. */
    public Column withName(String newName) {
        return new Column(newName, type, typeName);
    }
}
