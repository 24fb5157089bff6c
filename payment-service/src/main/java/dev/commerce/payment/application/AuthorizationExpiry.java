package dev.commerce.payment.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Voids authorizations not captured within {@code commerce.payment.authorization-lifetime}: each in its own
 * transaction on a locked row that other instances skip, so each is voided exactly once.
 */
@ApplicationScoped
public class AuthorizationExpiry {

    private static final Logger LOG = Logger.getLogger(AuthorizationExpiry.class);
    private static final int BATCH = 100;

    private final Payments payments;

    public AuthorizationExpiry(Payments payments) {
        this.payments = payments;
    }

    @Scheduled(every = "${commerce.payment.jobs-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void voidExpired() {
        int voided = 0;
        try {
            while (voided < BATCH && payments.expireNextAuthorization()) {
                voided++;
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Voiding expired authorizations stopped after %d", voided);
        }
        if (voided > 0) {
            LOG.infof("Voided %d expired authorization(s)", voided);
        }
    }
}
