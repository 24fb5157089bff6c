package dev.commerce.platform.web.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who a caller is, for ownership: the bearer token's {@code sub} claim (stable, and what every OIDC issuer sets),
 * never {@code upn} or a preferred user name, which an issuer may change or leave out.
 */
public final class Principals {

    /** The one principal every anonymous caller shares. */
    public static final String ANONYMOUS = "anonymous";

    private Principals() {
    }

    public static String subjectOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }
}
