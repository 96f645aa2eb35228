package dev.ember.sql.internal;

import dev.ember.sql.DataType;
import dev.ember.sql.StructField;
import java.util.Objects;

/**
 * A column of a {@link Table}: its name, its public type, and the database type that holds it.
 *
 * @param name the column's name
 * @param type the public type; {@link DataType#NULL} when no value tells the type yet
 * @param sqlType the DuckDB type, such as {@code VARCHAR} or {@code DECIMAL(38,18)}; {@code "NULL"}
 *     for {@link DataType#NULL}
 */
public record TableColumn(String name, DataType type, String sqlType) {

    /** Checks that no part is null. */
    public TableColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sqlType, "sqlType");
    }

    /** A column of {@code name} with the type of {@code columnType}. */
    public static TableColumn of(String name, ColumnType columnType) {
        return new TableColumn(name, columnType.type(), columnType.sqlType());
    }

    /** This column's type as a {@link ColumnType}. */
    public ColumnType columnType() {
        return new ColumnType(type, sqlType);
    }

    /** The same column under another name. */
    public TableColumn withName(String newName) {
        return new TableColumn(newName, type, sqlType);
    }

    /** The public form of this column. */
    public StructField field() {
        return new StructField(name, type);
    }
}
