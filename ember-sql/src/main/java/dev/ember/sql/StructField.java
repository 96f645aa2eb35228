package dev.ember.sql;

import java.util.Objects;

/**
 * One column of a {@link DataFrame}'s schema, as Spark's {@code StructField}.
 *
 * @param name the column's name, as queries refer to it
 * @param dataType the column's type
 */
public record StructField(String name, DataType dataType) {

    /** Checks that neither part is null. */
    public StructField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
    }

    /** Spark's form: {@code name: type}, such as {@code total: bigint}. */
    @Override
    public String toString() {
        return name + ": " + dataType.simpleString();
    }
}
