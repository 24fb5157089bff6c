package dev.commerce.customer.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * E-mail addresses as accounts know them: trimmed and in lower case, so {@code Ana@Example.com } and
 * {@code ana@example.com} are one account. The syntax check is deliberately loose (one {@code @}, a dot in the
 * domain, no spaces): the verification mail is what proves an address.
 */
public final class EmailAddress {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]+");
    private static final int MAX_LENGTH = 254;

    private EmailAddress() {
    }

    public static String normalise(String email) {
        String normalised = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (normalised.length() > MAX_LENGTH || !SHAPE.matcher(normalised).matches()) {
            throw CustomerRuleViolation.invalidField("invalid-email", "email", "not an e-mail address");
        }
        return normalised;
    }
}
