package dev.commerce.payment.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Asks the provider for authorizations outside the transactions that recorded them: right after a payment's
 * commit, and again, with the same idempotency key, for payments still PENDING after
 * {@code commerce.payment.pending-retry-after} (a timeout, a crash between commit and call, a result expected as
 * a notification that did not come), and for payments voided before their authorization answered (to void what it
 * authorized).
 */
@ApplicationScoped
public class AuthorizationWorker {

    private static final Logger LOG = Logger.getLogger(AuthorizationWorker.class);

    private final Payments payments;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "payment-authorization");
        thread.setDaemon(true);
        return thread;
    });

    public AuthorizationWorker(Payments payments) {
        this.payments = payments;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Payments.AuthorizationDue due) {
        workers.submit(() -> authorize(due.paymentId()));
    }

    @Scheduled(every = "${commerce.payment.jobs-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryPending() {
        for (UUID paymentId : payments.pendingToRetry(50)) {
            authorize(paymentId);
        }
        for (UUID paymentId : payments.voidsToSettle(50)) {
            try {
                payments.settleVoid(paymentId);
            } catch (RuntimeException e) {
                // the void stays PENDING; the next run asks again
                LOG.warnf(e, "Settling the void of payment %s failed", paymentId);
            }
        }
    }

    private void authorize(UUID paymentId) {
        try {
            payments.authorize(paymentId);
        } catch (RuntimeException e) {
            // the payment stays PENDING; the retry job asks again with the same idempotency key
            LOG.warnf(e, "Authorizing payment %s failed", paymentId);
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
