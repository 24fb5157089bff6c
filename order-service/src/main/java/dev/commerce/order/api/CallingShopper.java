package dev.commerce.order.api;

import dev.commerce.order.application.Caller;
import dev.commerce.platform.web.security.Principals;
import dev.commerce.platform.web.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;

/** The caller of the current request: from its bearer token, or a guest with the {@code X-Order-Token} it sent. */
@RequestScoped
public class CallingShopper {

    static final String ORDER_TOKEN = "X-Order-Token";

    private final SecurityIdentity identity;
    private final HttpHeaders headers;

    public CallingShopper(SecurityIdentity identity, HttpHeaders headers) {
        this.identity = identity;
        this.headers = headers;
    }

    Caller caller() {
        String customerId = identity.hasRole(Roles.CUSTOMER) ? Principals.subjectOf(identity) : null;
        return new Caller(customerId, identity.hasRole(Roles.ADMIN), identity.hasRole(Roles.PARTNER),
                headers.getHeaderString(ORDER_TOKEN));
    }

    /** Whether the caller may check out: a customer, or a guest without any token. */
    boolean isShopper() {
        return identity.isAnonymous() || identity.hasRole(Roles.CUSTOMER);
    }
}
