package dev.commerce.cart.api;

import dev.commerce.cart.application.Shopper;
import dev.commerce.platform.web.security.Principals;
import dev.commerce.platform.web.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The shopper behind the current request, from its token: a customer's {@code sub}, an admin, or a guest. */
@RequestScoped
public class CallingShopper {

    private final SecurityIdentity identity;

    public CallingShopper(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Shopper shopper() {
        String customerId = identity.hasRole(Roles.CUSTOMER) ? Principals.subjectOf(identity) : null;
        return new Shopper(customerId, identity.hasRole(Roles.ADMIN));
    }
}
