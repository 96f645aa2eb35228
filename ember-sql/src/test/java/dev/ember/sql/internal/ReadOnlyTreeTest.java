package dev.ember.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The allow-lists of read-only mode name what this DuckDB has, and leave out what they must. */
class ReadOnlyTreeTest {

    @Test
    void everyAllowedFunctionExistsInThisDuckDb() throws SQLException {
        Set<String> known = new HashSet<>(Set.of("unnest"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT DISTINCT lower(function_name) FROM duckdb_functions()")) {
            while (rs.next()) {
                known.add(rs.getString(1));
            }
        }
        Set<String> unknown = new TreeSet<>(ReadOnlyTree.FUNCTIONS);
        unknown.removeAll(known);
        assertEquals(Set.of(), unknown, "listed in read-only-functions.txt but not in DuckDB");
        for (String table : ReadOnlyTree.TABLE_FUNCTIONS) {
            assertTrue(known.contains(table), table);
        }
    }

    @Test
    void functionsThatRevealWriteWaitOrAmplifyAreNotAllowed() {
        for (String name :
                List.of(
                        "current_setting",
                        "current_database",
                        "current_query",
                        "getvariable",
                        "version",
                        "pg_get_viewdef",
                        "nextval",
                        "setval",
                        "setseed",
                        "write_log",
                        "sleep_ms",
                        "pg_sleep",
                        "repeat",
                        "lpad",
                        "rpad",
                        "replace",
                        "regexp_replace",
                        "printf",
                        "format",
                        "bar",
                        "range",
                        "generate_series",
                        "list_resize",
                        "array_to_string",
                        "json_serialize_sql",
                        "__internal_barrier")) {
            assertFalse(ReadOnlyTree.FUNCTIONS.contains(name), name);
        }
        assertEquals(Set.of("range", "generate_series", "unnest"), ReadOnlyTree.TABLE_FUNCTIONS);
    }
}
