package dev.commerce.order.application;

import dev.commerce.order.domain.saga.SagaEvent;
import dev.commerce.order.persistence.OrderRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Cancels orders whose payment deadline passed without an authorization (declined and not retried, a challenge never
 * completed, a provider that never answered), before inventory's reservation lapses. Each order is its own saga step,
 * under its row lock, so an authorization arriving at the same moment either wins or is voided.
 */
@ApplicationScoped
public class PaymentDeadlines {

    private static final Logger LOG = Logger.getLogger(PaymentDeadlines.class);
    private static final int BATCH = 100;

    private final OrderRepository orders;
    private final OrderSagaSteps saga;
    private final Clock clock;

    public PaymentDeadlines(OrderRepository orders, OrderSagaSteps saga, Clock clock) {
        this.orders = orders;
        this.saga = saga;
        this.clock = clock;
    }

    @Scheduled(every = "${commerce.order.payment-deadline-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void cancelOverdue() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> orders.pastPaymentDeadline(clock.instant(), BATCH));
        for (UUID orderId : due) {
            try {
                saga.on(orderId, new SagaEvent.PaymentDeadlinePassed());
            } catch (RuntimeException e) {
                LOG.warnf(e, "Payment deadline of order %s not applied; the next run tries again", orderId);
            }
        }
    }
}
