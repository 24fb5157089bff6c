package dev.commerce.cart.application;

import dev.commerce.cart.domain.Cart;
import dev.commerce.cart.persistence.CartRepository;
import dev.commerce.platform.web.paging.TimeAndIdPosition;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/** Use cases on carts; each method is one transaction. */
@ApplicationScoped
@Transactional
public class Carts {

    private static final Logger LOG = Logger.getLogger(Carts.class);

    private final CartRepository carts;
    private final Clock clock;

    public Carts(CartRepository carts, Clock clock) {
        this.clock = clock;
        this.carts = carts;
    }

    /** Opens a cart for a customer, or a guest cart when {@code customerId} is null. */
    public Cart open(String customerId, Currency currency) {
        Cart cart = new Cart(customerId, currency, Instant.now(clock));
        carts.persistAndFlush(cart);
        LOG.infof("Opened %s cart %s", customerId == null ? "guest" : "customer", cart.id());
        return cart;
    }

    /**
     * The cart, if the caller may see it; another customer's cart answers 404 like an unknown one, so ids of
     * other customers' carts cannot be probed.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Cart get(UUID id, String callerCustomerId, boolean callerIsAdmin) {
        return carts.findByIdOptional(id)
                .filter(cart -> callerIsAdmin || cart.visibleTo(callerCustomerId))
                .orElseThrow(() -> ProblemException.notFound("cart", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Cart> listOfCustomer(String customerId, PageParams page) {
        return Page.fromLookahead(carts.pageOfCustomer(customerId, TimeAndIdPosition.decode(page), page.limit + 1),
                page.limit, cart -> new TimeAndIdPosition(cart.createdAt(), cart.id()).cursor());
    }
}
