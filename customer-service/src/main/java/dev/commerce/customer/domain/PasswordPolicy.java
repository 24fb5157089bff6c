package dev.commerce.customer.domain;

import dev.commerce.platform.domain.RuleViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be (NIST SP 800-63B: length over composition rules): 10 to 128 characters, not one of the
 * passwords attackers try first, not made of the account's e-mail address, not a single repeated character. A
 * refusal names every rule the password breaks, so a sign-up form can show them all at once.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    /** The most tried passwords of ten characters or more (from public breach corpora). */
    private static final Set<String> COMMON = Set.of("1234567890", "12345678910", "123456789a", "qwertyuiop",
            "password12", "password123", "password1234", "iloveyou12", "qwerty1234", "1q2w3e4r5t", "0987654321",
            "1111111111", "abcdefghij", "abc1234567", "passw0rd12", "letmein123", "welcome123", "football12",
            "monkey1234", "qwertyuiop1", "administrator", "changeme123");

    private PasswordPolicy() {
    }

    /** Refuses {@code password} for the account of {@code normalisedEmail} (400 {@code password-policy}). */
    public static void check(String password, String normalisedEmail) {
        List<String> broken = new ArrayList<>();
        String value = password == null ? "" : password;
        int length = value.codePointCount(0, value.length());
        if (length < MIN_LENGTH) {
            broken.add("at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            broken.add("at most " + MAX_LENGTH + " characters");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            broken.add("not a commonly used password");
        }
        if (length > 0 && value.codePoints().distinct().count() == 1) {
            broken.add("not one character repeated");
        }
        String localPart = normalisedEmail == null ? "" : normalisedEmail.substring(0, Math.max(0, normalisedEmail.indexOf('@')));
        if (localPart.length() >= 4 && lower.contains(localPart)) {
            broken.add("not containing the e-mail address");
        }
        if (!broken.isEmpty()) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "password-policy", "Password refused", "password",
                    "the password must be " + String.join(", ", broken)).with("requirements", broken);
        }
    }
}
