package dev.commerce.platform.web.http;

import dev.commerce.platform.web.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Optimistic concurrency at the HTTP edge: a resource's {@code version} is its strong ETag. An update of a
 * merchant-managed resource must carry {@code If-Match} (428 without it, so no merchant silently overwrites another's
 * change) and proceeds only when it names the current version (412 otherwise). A {@code PUT} that creates the
 * resource takes no precondition or {@code If-None-Match: *}.
 */
public final class Versions {

    /** The "version" of a resource the request is about to create. */
    public static final long NEW = -1;
    /** How If-Match is documented on each update that requires it. */
    public static final String IF_MATCH_DESCRIPTION = "The ETag you read; a stale one is 412, a missing one 428";

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * For resources shoppers change from several tabs at once (carts): a change without {@code If-Match} proceeds,
     * one with it proceeds only when it names {@code currentVersion} (412 otherwise).
     */
    public static void matchIfPresent(HttpHeaders headers, long currentVersion) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch != null && !ifMatch.isBlank()) {
            requireMatch(headers, currentVersion);
        }
    }

    /**
     * Throws 428 when {@code If-Match} is missing and 412 when it does not name {@code currentVersion}; for a
     * resource being created ({@link #NEW}), throws 412 for an {@code If-Match} and for an {@code If-None-Match} other
     * than {@code *}.
     */
    public static void requireMatch(HttpHeaders headers, long currentVersion) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        boolean absent = ifMatch == null || ifMatch.isBlank();
        if (currentVersion == NEW) {
            String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
            if (!absent || (ifNoneMatch != null && !ifNoneMatch.isBlank() && !ifNoneMatch.trim().equals("*"))) {
                throw new ProblemException(412, "stale-version", "Precondition failed",
                        "the resource does not exist yet: create it without If-Match (or with If-None-Match: *)");
            }
            return;
        }
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.trim().equals("*")) {
            throw new ProblemException(412, "resource-exists", "Precondition failed",
                    "If-None-Match: * asks to create the resource, but it exists (version \"" + currentVersion + "\")");
        }
        if (absent) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "send If-Match with the ETag you read (or * to overwrite whatever is there), so that no change is lost");
        }
        if (ifMatch.trim().equals("*")) {
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
