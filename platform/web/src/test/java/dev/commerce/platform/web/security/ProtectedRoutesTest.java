package dev.commerce.platform.web.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtectedRoutesTest {

    @Test
    void a_template_variable_matches_one_path_segment() {
        var pattern = ProtectedRoutes.template("/products/{id}/prices");
        assertTrue(pattern.matcher("/products/42/prices").matches());
        assertFalse(pattern.matcher("/products/42/43/prices").matches());
        assertFalse(pattern.matcher("/products/42").matches());
    }

    @Test
    void a_variable_with_its_own_regex_and_doubled_slashes_are_read_as_one_segment() {
        var pattern = ProtectedRoutes.template("/stock/" + "/{sku: [A-Z0-9-]+}/");
        assertTrue(pattern.matcher("/stock/TR-42").matches());
    }

    @Test
    void literal_characters_of_a_path_are_not_patterns() {
        assertFalse(ProtectedRoutes.template("/a.b").matcher("/axb").matches());
    }
}
