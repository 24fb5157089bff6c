package dev.commerce.cart.persistence;

import dev.commerce.cart.domain.Cart;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CartRepository implements PanacheRepositoryBase<Cart, UUID> {

    /** A customer's carts, oldest first, after the (createdAt, id) position when given. */
    public List<Cart> pageOfCustomer(String customerId, Instant afterCreatedAt, UUID afterId, int limit) {
        if (afterCreatedAt == null) {
            return find("customerId = :customer ORDER BY createdAt, id", Parameters.with("customer", customerId))
                    .page(0, limit).list();
        }
        return find("customerId = :customer AND (createdAt > :at OR (createdAt = :at AND id > :id)) ORDER BY createdAt, id",
                Parameters.with("customer", customerId).and("at", afterCreatedAt).and("id", afterId))
                .page(0, limit).list();
    }
}
