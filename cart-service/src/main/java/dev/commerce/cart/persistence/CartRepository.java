package dev.commerce.cart.persistence;

import dev.commerce.cart.domain.Cart;
import dev.commerce.platform.web.paging.TimeAndIdPosition;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
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

    /** The cart, its row locked until the transaction ends: changes to one cart happen one after the other. */
    public Optional<Cart> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<Cart> openCartOf(String customerId) {
        return find("customerId = ?1 AND status = ?2", customerId, Cart.Status.OPEN).firstResultOptional();
    }

    /** Open carts holding any of {@code skus}, locked in id order (the order every multi-cart change follows). */
    public List<Cart> openCartsHoldingForUpdate(Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("""
                        SELECT c FROM Cart c WHERE c.status = :open
                        AND c.id IN (SELECT l.cart.id FROM CartLine l WHERE l.sku IN :skus) ORDER BY c.id""", Cart.class)
                .setParameter("open", Cart.Status.OPEN).setParameter("skus", skus)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }
}
