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
        workers.submit(() -> guarded("Authorizing", due.paymentId(), () -> payments.authorize(due)));
    }

    @Scheduled(every = "${commerce.payment.jobs-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryPending() {
        for (UUID paymentId : payments.pendingToRetry(50)) {
            guarded("Authorizing", paymentId, () -> payments.authorize(paymentId));
        }
        for (UUID paymentId : payments.voidsToSettle(50)) {
            guarded("Settling the void of", paymentId, () -> payments.settleVoid(paymentId));
        }
    }

    /** A failure leaves the payment as it was: the next run of the job asks again with the same idempotency key. */
    private static void guarded(String what, UUID paymentId, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s payment %s failed", what, paymentId);
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
