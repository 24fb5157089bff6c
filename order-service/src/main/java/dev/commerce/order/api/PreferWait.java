package dev.commerce.order.api;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code wait} preference of a {@code Prefer} header (RFC 7240), capped; null when none was asked for. */
final class PreferWait {

    private static final Pattern WAIT = Pattern.compile("(?i)(?:^|[,;\\s])wait\\s*=\\s*\"?(\\d{1,6})\"?");

    private PreferWait() {
    }

    static Duration parse(String prefer, Duration max) {
        if (prefer == null) {
            return null;
        }
        Matcher wait = WAIT.matcher(prefer);
        if (!wait.find()) {
            return null;
        }
        Duration asked = Duration.ofSeconds(Long.parseLong(wait.group(1)));
        return asked.compareTo(max) > 0 ? max : asked;
    }
}
