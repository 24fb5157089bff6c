package dev.commerce.platform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a value (an erased customer's e-mail address) still appears in a database: every table of the public schema,
 * each row read whole as text, so a copy in any column (JSON included) is found.
 */
public final class PersonalDataSearch {

    private PersonalDataSearch() {
    }

    /** Table name -> rows mentioning {@code value} (case-insensitive); empty when it appears nowhere. */
    public static Map<String, Long> rowsMentioning(Connection connection, String value) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement list = connection.prepareStatement(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
             ResultSet rows = list.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        Map<String, Long> found = new LinkedHashMap<>();
        for (String table : tables) {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT count(*) FROM \"" + table + "\" t WHERE lower(t::text) LIKE ?")) {
                count.setString(1, "%" + value.toLowerCase(Locale.ROOT) + "%");
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        found.put(table, rows.getLong(1));
                    }
                }
            }
        }
        return found;
    }
}
