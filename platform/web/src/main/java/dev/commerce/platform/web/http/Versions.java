package dev.commerce.platform.web.http;

import dev.commerce.platform.web.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Optimistic concurrency at the HTTP edge: a resource's {@code version} is its strong ETag, and an update carrying
 * {@code If-Match} proceeds only when it names the current version (412 otherwise).
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Throws 412 when {@code If-Match} is present and does not name {@code currentVersion}. */
    public static void requireMatch(HttpHeaders headers, long currentVersion) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String current = Long.toString(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                continue; // weak tags never match for If-Match (RFC 9110 13.1.1)
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") && tag.substring(1, tag.length() - 1).equals(current)) {
                return;
            }
        }
        throw new ProblemException(412, "stale-version", "Precondition failed",
                "If-Match " + ifMatch + " does not match the current version \"" + current + "\"; read the resource again");
    }
}
