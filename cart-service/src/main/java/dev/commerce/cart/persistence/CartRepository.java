package dev.commerce.cart.persistence;

import dev.commerce.cart.domain.Cart;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import dev.commerce.platform.web.paging.TimeAndIdPosition;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CartRepository implements PanacheRepositoryBase<Cart, UUID> {

    /** A customer's carts, oldest first, after the (createdAt, id) position when given. */
    public List<Cart> pageOfCustomer(String customerId, TimeAndIdPosition after, int limit) {
        if (after == null) {
            return find("customerId = :customer ORDER BY createdAt, id", Parameters.with("customer", customerId))
                    .page(0, limit).list();
        }
        return find("customerId = :customer AND (createdAt > :at OR (createdAt = :at AND id > :id)) ORDER BY createdAt, id",
                Parameters.with("customer", customerId).and("at", after.at()).and("id", after.id()))
                .page(0, limit).list();
    }
}
