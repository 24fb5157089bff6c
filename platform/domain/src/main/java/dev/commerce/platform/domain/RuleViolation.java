package dev.commerce.platform.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A business rule the domain refuses, named by the rule ({@code negative-stock}, {@code capture-exceeds-authorized})
 * and the kind of refusal. Plain Java: the domain knows nothing of HTTP; platform/web maps the kind to a status and
 * the rule to a problem type, and details a client acts on travel as extension members.
 */
public class RuleViolation extends RuntimeException {

    /** What kind of refusal it is; the HTTP edge maps each to one status. */
    public enum Kind {
        /** A value no request may carry (400). */
        INVALID,
        /** The state of the resource refuses the change (409). */
        CONFLICT,
        /** Well-formed, but the request cannot be carried out as asked (422). */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String rule;
    private final String title;
    private final String field;
    private final Map<String, Object> details = new LinkedHashMap<>();

    public RuleViolation(Kind kind, String rule, String title, String message) {
        this(kind, rule, title, null, message);
    }

    /** A violation about one field of the request ({@link Kind#INVALID}, shown as a field error). */
    public RuleViolation(Kind kind, String rule, String title, String field, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
        this.rule = Objects.requireNonNull(rule);
        this.title = Objects.requireNonNull(title);
        this.field = field;
    }

    /** Adds a detail a client acts on (which lines are short, and by how much). */
    public RuleViolation with(String name, Object value) {
        details.put(name, value);
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public String rule() {
        return rule;
    }

    public String title() {
        return title;
    }

    /** The field the rule is about, or null. */
    public String field() {
        return field;
    }

    public Map<String, Object> details() {
        return Map.copyOf(details);
    }
}
