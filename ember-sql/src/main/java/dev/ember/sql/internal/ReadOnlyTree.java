package dev.ember.sql.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Walks the syntax tree DuckDB's parser made of a read-only query and decides, by allow-lists, what
 * the query may use: which functions it calls, which table functions it reads, which kinds of
 * expression, table reference and query node it is made of; and it collects the tables it names,
 * for the caller to check against the views and tables that exist.
 *
 * <p>Design note: everything is decided on the parser's output, never on the text, so no quoting or
 * comment trick can make the check and the database read the query differently. Whatever the
 * allow-lists do not name is refused, so a DuckDB release that adds a function or a kind of syntax
 * leaves it refused until it is reviewed and listed. Names in the tree keep the user's case; DuckDB
 * matches them ignoring case, and so does this check. Tables named in {@code WITH} are scoped as
 * DuckDB scopes them: a common table expression is visible in its own body (recursion), in the
 * bodies of those after it, and in the query it belongs to; a name outside that scope is a table,
 * not the CTE.
 */
final class ReadOnlyTree {
    /** Functions a query may call, from {@code read-only-functions.txt}. */
    static final Set<String> FUNCTIONS = loadFunctions();

    /** Table functions a query may read: they compute rows and touch nothing. */
    static final Set<String> TABLE_FUNCTIONS = Set.of("range", "generate_series", "unnest");

    private static final Set<String> EXPRESSION_CLASSES =
            Set.of(
                    "BETWEEN",
                    "CASE",
                    "CAST",
                    "COLLATE",
                    "COLUMN_REF",
                    "COMPARISON",
                    "CONJUNCTION",
                    "CONSTANT",
                    "FUNCTION",
                    "LAMBDA",
                    "LAMBDA_REF",
                    "OPERATOR",
                    "POSITIONAL_REFERENCE",
                    "STAR",
                    "SUBQUERY",
                    "TYPE",
                    "WINDOW");

    /** Every kind of table reference DuckDB serializes, and those a query may use. */
    private static final Set<String> TABLE_REFS =
            Set.of(
                    "BASE_TABLE",
                    "SUBQUERY",
                    "JOIN",
                    "TABLE_FUNCTION",
                    "EXPRESSION_LIST",
                    "CTE",
                    "EMPTY",
                    "EMPTY_FROM",
                    "PIVOT",
                    "SHOW_REF",
                    "COLUMN_DATA",
                    "DELIM_GET",
                    "BOUND_TABLE_REF",
                    "INVALID");

    private static final Set<String> ALLOWED_TABLE_REFS =
            Set.of(
                    "BASE_TABLE",
                    "SUBQUERY",
                    "JOIN",
                    "TABLE_FUNCTION",
                    "EXPRESSION_LIST",
                    "EMPTY",
                    "PIVOT",
                    "SHOW_REF");

    private static final Set<String> QUERY_NODES =
            Set.of(
                    "SELECT_NODE",
                    "SET_OPERATION_NODE",
                    "RECURSIVE_CTE_NODE",
                    "CTE_NODE",
                    "BOUND_SUBQUERY_NODE",
                    "STATEMENT_NODE",
                    "INSERT_QUERY_NODE",
                    "UPDATE_QUERY_NODE",
                    "DELETE_QUERY_NODE",
                    "MERGE_INTO_QUERY_NODE");

    private static final Set<String> ALLOWED_QUERY_NODES =
            Set.of("SELECT_NODE", "SET_OPERATION_NODE", "RECURSIVE_CTE_NODE", "CTE_NODE");

    /** {@code SHOW TABLES} and {@code SHOW ALL TABLES}: names and columns, no settings or paths. */
    private static final Set<String> SHOW_SPECIALS = Set.of("tables", "__show_tables_expanded");

    /**
     * A table a query names.
     *
     * @param catalog the catalog given, as written; empty when none
     * @param schema the schema given, as written; empty when none
     * @param name the table's name, as written
     */
    record TableName(String catalog, String schema, String name) {
        /** The name as the query wrote it, dotted. */
        String dotted() {
            return (catalog.isEmpty() ? "" : catalog + ".")
                    + (schema.isEmpty() ? "" : schema + ".")
                    + name;
        }
    }

    /**
     * The verdict on a query: the tables it names, or why it is refused.
     *
     * @param tables the tables named outside the scope of a CTE of the same name
     * @param refusal what the query uses that is not allowed, such as {@code "the function
     *     current_setting"}; null when nothing is
     */
    record Verdict(List<TableName> tables, String refusal) {}

    private final List<TableName> tables = new ArrayList<>();
    private String refusal;

    private ReadOnlyTree() {}

    /** The verdict on the statement {@code tree}, one element of the parser's statement list. */
    static Verdict check(Object tree) {
        ReadOnlyTree walk = new ReadOnlyTree();
        walk.visit(tree, Set.of());
        return new Verdict(List.copyOf(walk.tables), walk.refusal);
    }

    private void refuse(String what) {
        if (refusal == null) {
            refusal = what;
        }
    }

    private void visit(Object node, Set<String> ctes) {
        if (refusal != null) {
            return;
        }
        if (node instanceof List<?> list) {
            for (Object element : list) {
                visit(element, ctes);
            }
        } else if (node instanceof Map<?, ?> map) {
            visitMap(map, ctes);
        }
    }

    private void visitMap(Map<?, ?> map, Set<String> ctes) {
        Object kind = map.get("class");
        Object type = map.get("type");
        if (kind instanceof String expressionClass) {
            visitExpression(map, expressionClass, ctes);
        } else if (type instanceof String t && TABLE_REFS.contains(t)) {
            visitTableRef(map, t, ctes);
        } else if (type instanceof String t && QUERY_NODES.contains(t)) {
            visitQueryNode(map, t, ctes);
        } else {
            visitChildren(map, ctes, Set.of());
        }
    }

    private void visitChildren(Map<?, ?> map, Set<String> ctes, Set<String> skip) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!skip.contains(e.getKey())) {
                visit(e.getValue(), ctes);
            }
        }
    }

    private void visitExpression(Map<?, ?> map, String expressionClass, Set<String> ctes) {
        if (!EXPRESSION_CLASSES.contains(expressionClass)) {
            refuse("an expression of kind " + expressionClass);
            return;
        }
        if (expressionClass.equals("FUNCTION") || expressionClass.equals("WINDOW")) {
            String name = lower(map.get("function_name"));
            if (!lower(map.get("catalog")).isEmpty() || !lower(map.get("schema")).isEmpty()) {
                refuse("the function " + name + " named with a catalog or schema");
                return;
            }
            if (!FUNCTIONS.contains(name)) {
                refuse("the function " + name);
                return;
            }
        }
        visitChildren(map, ctes, Set.of());
    }

    private void visitTableRef(Map<?, ?> map, String type, Set<String> ctes) {
        if (!ALLOWED_TABLE_REFS.contains(type)) {
            refuse("a table reference of kind " + type);
            return;
        }
        switch (type) {
            case "BASE_TABLE" -> {
                TableName table =
                        new TableName(
                                text(map.get("catalog_name")),
                                text(map.get("schema_name")),
                                text(map.get("table_name")));
                if (!(table.catalog().isEmpty()
                        && table.schema().isEmpty()
                        && ctes.contains(lower(table.name())))) {
                    tables.add(table);
                }
                visitChildren(map, ctes, Set.of());
            }
            case "TABLE_FUNCTION" -> {
                Object function = map.get("function");
                if (!(function instanceof Map<?, ?> f)) {
                    refuse("a table function without a name");
                    return;
                }
                String name = lower(f.get("function_name"));
                if (!lower(f.get("catalog")).isEmpty()
                        || !lower(f.get("schema")).isEmpty()
                        || !TABLE_FUNCTIONS.contains(name)) {
                    refuse("the table function " + name);
                    return;
                }
                visit(f.get("arguments"), ctes);
                visitChildren(map, ctes, Set.of("function"));
            }
            case "SHOW_REF" -> {
                String name = unquote(lower(map.get("table_name")));
                String showType = String.valueOf(map.get("show_type"));
                if (showType.equals("SHOW_SPECIAL")) {
                    if (!SHOW_SPECIALS.contains(name)) {
                        refuse("SHOW " + name);
                        return;
                    }
                } else if (!name.isEmpty()) {
                    tables.add(
                            new TableName(
                                    text(map.get("catalog_name")),
                                    text(map.get("schema_name")),
                                    unquote(text(map.get("table_name")))));
                }
                visitChildren(map, ctes, Set.of());
            }
            default -> visitChildren(map, ctes, Set.of());
        }
    }

    private void visitQueryNode(Map<?, ?> map, String type, Set<String> ctes) {
        if (!ALLOWED_QUERY_NODES.contains(type)) {
            refuse("a query of kind " + type);
            return;
        }
        Set<String> scope = new HashSet<>(ctes);
        if (map.get("cte_map") instanceof Map<?, ?> cteMap
                && cteMap.get("map") instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> e) {
                    scope.add(lower(e.get("key")));
                    visit(e.get("value"), Set.copyOf(scope));
                }
            }
        }
        if (type.equals("RECURSIVE_CTE_NODE")) {
            scope.add(lower(map.get("ctename")));
        }
        visitChildren(map, Set.copyOf(scope), Set.of("cte_map"));
    }

    private static String text(Object value) {
        return value instanceof String s ? s : "";
    }

    private static String lower(Object value) {
        return value instanceof String s ? s.toLowerCase(Locale.ROOT) : "";
    }

    private static String unquote(String name) {
        return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")
                ? name.substring(1, name.length() - 1)
                : name;
    }

    private static Set<String> loadFunctions() {
        String resource = "read-only-functions.txt";
        try (InputStream in = ReadOnlyTree.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        resource + " is missing from the ember-sql jar; rebuild ember-sql");
            }
            Set<String> names = new HashSet<>();
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
