package dev.commerce.platform.web.security;

/** The roles a bearer token may carry (its {@code groups} claim). */
public final class Roles {

    /** A signed-in shopper: owns carts, orders and payments. */
    public static final String CUSTOMER = "customer";
    /** A merchant operator: manages catalog, stock, orders. */
    public static final String ADMIN = "admin";
    /** An integration partner: read access for integrations, reservations for point-of-sale systems. */
    public static final String PARTNER = "partner";

    /**
     * Another service of the platform calling with its service credential (order-service's checkout hand-off to
     * cart-service); endpoints for it accept no other role, and it has no access to anything else.
     */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
