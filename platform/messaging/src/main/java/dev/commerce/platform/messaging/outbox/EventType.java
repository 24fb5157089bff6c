package dev.commerce.platform.messaging.outbox;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An event type of the catalog: area, event name and major version, written as the CloudEvents type
 * {@code commerce.<area>.<event-name>.v<major>}, e.g. {@code commerce.catalog.category-upserted.v1}.
 */
public record EventType(String area, String name, int majorVersion) {

    private static final Pattern WORDS = Pattern.compile("[a-z]+(-[a-z]+)*");

    public EventType {
        Objects.requireNonNull(area);
        Objects.requireNonNull(name);
        if (!WORDS.matcher(area).matches() || !WORDS.matcher(name).matches() || majorVersion < 1) {
            throw new IllegalArgumentException("not a catalog event type: " + area + "/" + name + "/v" + majorVersion);
        }
    }

    public static EventType v1(String area, String name) {
        return new EventType(area, name, 1);
    }

    /** The type a {@code ce_type} names, e.g. one of the contracts' {@code EventTypes}. */
    public static EventType of(String ceType) {
        String[] parts = ceType.split("\\.");
        if (parts.length != 4 || !"commerce".equals(parts[0]) || !parts[3].matches("v[1-9][0-9]*")) {
            throw new IllegalArgumentException("not a catalog event type: " + ceType);
        }
        return new EventType(parts[1], parts[2], Integer.parseInt(parts[3].substring(1)));
    }

    public String ceType() {
        return "commerce." + area + "." + name + ".v" + majorVersion;
    }

    @Override
    public String toString() {
        return ceType();
    }
}
