package dev.commerce.payment.application;

import dev.commerce.payment.config.PaymentConfig;
import dev.commerce.payment.domain.DeclineReason;
import dev.commerce.payment.domain.Payment;
import dev.commerce.payment.domain.PaymentRuleViolation;
import dev.commerce.payment.domain.PaymentTransaction;
import dev.commerce.payment.domain.RiskAssessment;
import dev.commerce.payment.messaging.PaymentEvents;
import dev.commerce.payment.persistence.PaymentRepository;
import dev.commerce.payment.provider.PaymentProvider;
import dev.commerce.payment.provider.ProviderGateway;
import dev.commerce.payment.provider.ProviderNotification;
import dev.commerce.payment.provider.ProviderResult;
import dev.commerce.payment.provider.ProviderTimeout;
import dev.commerce.platform.web.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The payment flow: start an attempt (screened, then authorized by the provider outside any database
 * transaction), complete strong authentication, apply provider notifications, capture, void, refund, review.
 * Every operation is idempotent: per attempt id, per operation key (shipment, return, admin key), per provider
 * notification id; the provider gets an idempotency key derived from the payment and the operation.
 */
@ApplicationScoped
public class Payments {

    private static final Logger LOG = Logger.getLogger(Payments.class);
    static final String ATTEMPT_OPERATION = "attempt";
    static final String AUTHENTICATION_OPERATION = "authentication";

    /** A new attempt to pay for an order (from {@code payment-requested}). */
    public record AttemptRequest(UUID orderId, UUID attemptId, String customerId, BigDecimal amount, String currency,
                                 String methodToken, String billingCountry, String shippingCountry) {
    }

    /**
     * An authorization to ask the provider for: fired when a payment waits for it and observed after the commit, so
     * the call needs no read of what the transaction recorded; also what the retries read.
     */
    public record AuthorizationDue(UUID paymentId, String provider, String idempotencyKey, String methodToken,
                                   BigDecimal amount, String currency) {
        static AuthorizationDue of(Payment payment, PaymentTransaction authorization) {
            return new AuthorizationDue(payment.id(), payment.provider(), authorization.providerIdempotencyKey(),
                    payment.methodToken(), payment.amount(), payment.currency());
        }
    }

    /** How an operation on the provider ended: the payment after it and the transaction that recorded it. */
    public record Operation(Payment payment, PaymentTransaction transaction) {
        public boolean succeeded() {
            return transaction.outcome() == PaymentTransaction.Outcome.SUCCEEDED;
        }
    }

    private final PaymentRepository payments;
    private final FraudScreening screening;
    private final ProviderGateway providers;
    private final PaymentEvents events;
    private final PaymentConfig config;
    private final Event<AuthorizationDue> authorizationDue;
    private final Clock clock;

    public Payments(PaymentRepository payments, FraudScreening screening, ProviderGateway providers, PaymentEvents events,
                    PaymentConfig config, Event<AuthorizationDue> authorizationDue, Clock clock) {
        this.clock = clock;
        this.payments = payments;
        this.screening = screening;
        this.providers = providers;
        this.events = events;
        this.config = config;
        this.authorizationDue = authorizationDue;
    }

    /**
     * Screens and records an attempt: declined at once when screening refuses it or another authorization of the
     * order is live; else PENDING, and the provider is asked right after the commit. A repeated attempt id
     * returns its payment.
     */
    @Transactional
    public Payment start(AttemptRequest attempt) {
        Optional<Payment> known = payments.byAttempt(attempt.attemptId());
        if (known.isPresent()) {
            return known.get();
        }
        payments.lockOrder(attempt.orderId());
        Instant now = Instant.now(clock);
        String provider = providers.defaultProvider();
        if (payments.lockLiveOfOrder(attempt.orderId()).isPresent()) {
            Payment refused = Payment.refused(attempt.orderId(), attempt.attemptId(), attempt.customerId(), attempt.amount(),
                    attempt.currency(), attempt.methodToken(), provider, DeclineReason.ALREADY_AUTHORIZED, now);
            payments.add(refused);
            events.declined(refused);
            return refused;
        }
        RiskAssessment risk = screening.screen(new FraudScreening.Attempt(attempt.customerId(), attempt.amount(),
                attempt.currency(), attempt.methodToken(), attempt.billingCountry(), attempt.shippingCountry()), now);
        Payment payment = new Payment(attempt.orderId(), attempt.attemptId(), attempt.customerId(), attempt.amount(),
                attempt.currency(), attempt.methodToken(), provider, attempt.billingCountry(), attempt.shippingCountry(), risk, now);
        payments.add(payment);
        if (payment.status() == Payment.Status.DECLINED) {
            LOG.infof("Payment %s declined by fraud screening (score %d, rules %s)", payment.id(), risk.score(), risk.rulesFired());
            events.declined(payment);
        } else {
            PaymentTransaction authorization = new PaymentTransaction(payment, PaymentTransaction.Type.AUTHORIZATION,
                    payment.amount(), ATTEMPT_OPERATION, now);
            payments.add(authorization);
            authorizationDue.fire(AuthorizationDue.of(payment, authorization));
        }
        return payment;
    }

    /**
     * Asks the provider to authorize a PENDING payment (again, with the same idempotency key, when it asked before)
     * and applies the answer. The call runs outside any transaction; a timeout leaves the payment PENDING.
     */
    public void authorize(UUID paymentId) {
        askForAuthorization(paymentId, payment -> payment.status() == Payment.Status.PENDING);
    }

    /**
     * Settles the void of a payment that was voided while its authorization had not answered (a provider timeout,
     * a call in flight): the provider may have authorized without this service learning the reference. Asks again
     * with the authorization's idempotency key, which a provider answers with its first answer, and voids whatever
     * that authorized ({@link #applyAuthorization}), so no authorization stays live for a voided payment. (When the
     * first call never reached the provider, this asks for the authorization only to void it at once.)
     */
    public void settleVoid(UUID paymentId) {
        askForAuthorization(paymentId, payment -> payment.status() == Payment.Status.VOIDED
                && payments.unsettledVoid(paymentId).isPresent());
    }

    private void askForAuthorization(UUID paymentId, Predicate<Payment> due) {
        QuarkusTransaction.requiringNew().call(() -> payments.byId(paymentId).filter(due)
                        .flatMap(payment -> payments.transaction(paymentId, PaymentTransaction.Type.AUTHORIZATION, ATTEMPT_OPERATION)
                                .map(authorization -> AuthorizationDue.of(payment, authorization))))
                .ifPresent(this::authorize);
    }

    /**
     * Asks the provider for an authorization, outside any transaction, and applies the answer; right after the
     * commit that recorded it, without reading the payment again: a payment voided meanwhile has whatever the
     * provider authorized voided ({@link #applyAuthorization}). A timeout leaves the payment as it is.
     */
    public void authorize(AuthorizationDue due) {
        ProviderResult answer;
        try {
            answer = providers.call(due.provider(), "authorization", provider -> provider.authorize(due.idempotencyKey(),
                    due.methodToken(), due.amount(), due.currency()));
        } catch (ProviderTimeout e) {
            LOG.warnf("Payment %s has no answer to its authorization: %s; it will be asked again with the same "
                    + "idempotency key", due.paymentId(), e.getMessage());
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> applyAuthorization(due.paymentId(), answer, ATTEMPT_OPERATION));
    }

    /**
     * Continues a payment waiting for strong customer authentication once the shopper completed it. The provider
     * decides from the challenge response; the payment is authorized or declined (AUTHENTICATION_FAILED).
     */
    public Payment completeAuthentication(UUID paymentId, String challengeResponse) {
        Payment payment = QuarkusTransaction.requiringNew().call(() -> payments.byId(paymentId)
                .orElseThrow(() -> notFound(paymentId)));
        if (payment.status() != Payment.Status.ACTION_REQUIRED) {
            throw new PaymentRuleViolation("invalid-payment-state", "payment " + paymentId + " is " + payment.status()
                    + ", not waiting for authentication");
        }
        String key = paymentId + ":authentication";
        ProviderResult answer = providers.call(payment.provider(), "authentication",
                provider -> provider.completeAuthentication(key, payment.providerReference(), challengeResponse));
        return QuarkusTransaction.requiringNew().call(() -> {
            applyAuthorization(paymentId, answer, AUTHENTICATION_OPERATION);
            return payments.byId(paymentId).orElseThrow();
        });
    }

    /** Completes the challenge its unguessable reference names (the shopper's app holds it; no account needed). */
    public Payment completeChallenge(String challengeReference, String challengeResponse) {
        Payment payment = QuarkusTransaction.requiringNew().call(() -> payments.byChallenge(challengeReference))
                .orElseThrow(() -> ProblemException.notFound("payment challenge", challengeReference));
        return completeAuthentication(payment.id(), challengeResponse);
    }

    /** Applies a provider notification once (a replay returns false and changes nothing). */
    @Transactional
    public boolean notified(String provider, ProviderNotification notification) {
        if (!payments.firstNotification(provider, notification.notificationId(), Instant.now(clock))) {
            return false;
        }
        Optional<Payment> payment = payments.byReference(provider, notification.reference());
        if (payment.isEmpty()) {
            LOG.warnf("Notification %s from %s names an unknown payment reference", notification.notificationId(), provider);
            return true;
        }
        ProviderResult answer = "APPROVED".equals(notification.outcome())
                ? new ProviderResult.Approved(notification.reference(), notification.cardLast4())
                : new ProviderResult.Declined(notification.reference(), notification.reasonCode());
        applyAuthorization(payment.get().id(), answer, ATTEMPT_OPERATION);
        return true;
    }

    /** Captures {@code amount} once per operation key (a shipment, an admin's Idempotency-Key). */
    @Transactional
    public Operation capture(UUID paymentId, BigDecimal amount, String currency, String operationKey) {
        return moveMoney(paymentId, PaymentTransaction.Type.CAPTURE, amount, operationKey,
                payment -> payment.requireCapturable(amount, currency),
                (provider, key, reference) -> provider.capture(key, reference, amount, currency),
                (payment, now) -> {
                    payment.captured(amount, now);
                    events.captured(payment, amount);
                });
    }

    /** Refunds {@code amount} of what was captured, once per operation key (a return, an admin's key). */
    @Transactional
    public Operation refund(UUID paymentId, BigDecimal amount, String currency, String operationKey, UUID refundId) {
        return moveMoney(paymentId, PaymentTransaction.Type.REFUND, amount, operationKey,
                payment -> payment.requireRefundable(amount, currency),
                (provider, key, reference) -> provider.refund(key, reference, amount, currency),
                (payment, now) -> {
                    payment.refunded(amount, now);
                    events.refunded(payment, amount, refundId);
                });
    }

    /** A provider call moving money for a payment: the provider's idempotency key and the payment's reference. */
    private interface MoneyCall {
        ProviderResult call(PaymentProvider provider, String idempotencyKey, String reference);
    }

    /**
     * What a capture and a refund share: once per operation key (a repeat returns the first transaction), the rule
     * checked on the locked payment, the transaction recorded, the provider asked, the payment changed when approved.
     */
    private Operation moveMoney(UUID paymentId, PaymentTransaction.Type type, BigDecimal amount, String operationKey,
                                Consumer<Payment> check, MoneyCall call, BiConsumer<Payment, Instant> onApproved) {
        Payment payment = payments.lock(paymentId).orElseThrow(() -> notFound(paymentId));
        Optional<PaymentTransaction> done = payments.transaction(paymentId, type, operationKey);
        if (done.isPresent()) {
            return new Operation(payment, done.get());
        }
        check.accept(payment);
        PaymentTransaction transaction = record(payment, type, amount, operationKey);
        ProviderResult answer = providers.call(payment.provider(), type.name().toLowerCase(Locale.ROOT), provider ->
                call.call(provider, transaction.providerIdempotencyKey(), payment.providerReference()));
        Instant now = Instant.now(clock);
        if (answer instanceof ProviderResult.Approved approved) {
            transaction.succeeded(approved.reference(), now);
            onApproved.accept(payment, now);
        } else {
            transaction.failed(codeOf(answer), answer.reference(), now);
        }
        return new Operation(payment, transaction);
    }

    /**
     * Voids an authorization nothing was captured from (or an attempt still waiting); a voided payment stays so. An
     * attempt whose authorization has not answered is voided at once, and its VOID transaction stays PENDING until
     * {@link #settleVoid} has learnt what the provider authorized and voided it.
     */
    @Transactional
    public Payment voidPayment(UUID paymentId, String reason) {
        Payment payment = payments.lock(paymentId).orElseThrow(() -> notFound(paymentId));
        if (payment.status() == Payment.Status.VOIDED) {
            return payment;
        }
        payment.requireVoidable();
        PaymentTransaction voiding = record(payment, PaymentTransaction.Type.VOID, BigDecimal.ZERO, reason);
        Instant now = Instant.now(clock);
        if (payment.providerReference() != null) {
            ProviderResult answer = providers.call(payment.provider(), "void", provider ->
                    provider.voidAuthorization(voiding.providerIdempotencyKey(), payment.providerReference()));
            if (!(answer instanceof ProviderResult.Approved approved)) {
                throw ProblemException.conflict("void-refused", "the provider refused to void payment " + paymentId);
            }
            voiding.succeeded(approved.reference(), now);
        } else if (payment.status() != Payment.Status.PENDING) {
            voiding.succeeded(null, now);
        }
        // else the authorization has not answered: the void stays PENDING until settleVoid learns what to void
        payment.voided(now);
        events.voided(payment, reason);
        return payment;
    }

    /** An admin's decision on a flagged payment: approval clears it, rejection voids it. */
    @Transactional
    public Payment review(UUID paymentId, Payment.ReviewDecision decision) {
        Payment payment = payments.lock(paymentId).orElseThrow(() -> notFound(paymentId));
        payment.reviewed(decision, Instant.now(clock));
        return decision == Payment.ReviewDecision.REJECTED ? voidPayment(paymentId, "REVIEW_REJECTED") : payment;
    }

    /** Voids the next authorization past its lifetime, in a transaction of its own; false when none is due. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean expireNextAuthorization() {
        Optional<Payment> due = payments.lockNextExpiredAuthorization(Instant.now(clock));
        due.ifPresent(payment -> voidPayment(payment.id(), "AUTHORIZATION_EXPIRED"));
        return due.isPresent();
    }

    /** The payments waiting for the provider long enough to be asked again. */
    @Transactional
    public List<UUID> pendingToRetry(int limit) {
        return payments.pendingSince(Instant.now(clock).minus(config.pendingRetryAfter()), limit);
    }

    @Transactional
    public Payment get(UUID paymentId) {
        return payments.byId(paymentId).orElseThrow(() -> notFound(paymentId));
    }

    @Transactional
    public List<PaymentTransaction> transactions(UUID paymentId) {
        return payments.transactionsOf(paymentId);
    }

    @Transactional
    public List<Payment> ofOrder(UUID orderId) {
        return payments.byOrder(orderId);
    }

    /**
     * The saga's shipment of an order: captures the shipment's amount from the order's live authorization, once. A
     * shipment that carries nothing to pay (free units only) moves no money.
     */
    @Transactional
    public Optional<Operation> captureShipment(UUID orderId, UUID shipmentId, BigDecimal amount, String currency) {
        if (amount.signum() == 0) {
            LOG.infof("Shipment %s of order %s captures nothing", shipmentId, orderId);
            return Optional.empty();
        }
        Payment payment = liveOfOrder(orderId).orElseThrow(() ->
                new IllegalStateException("order " + orderId + " was shipped but has no live authorization to capture"));
        return Optional.of(capture(payment.id(), amount, currency, "shipment:" + shipmentId));
    }

    /**
     * The saga's cancellation of an order: voids its live authorization. Nothing held: nothing to do. Money already
     * captured is not voided: it goes back through a return's refund.
     */
    @Transactional
    public void voidCancelledOrder(UUID orderId) {
        Optional<Payment> live = liveOfOrder(orderId);
        if (live.isEmpty()) {
            return;
        }
        if (live.get().status() == Payment.Status.CAPTURED) {
            LOG.warnf("Order %s was cancelled after a capture: the money is refunded through a return, not voided", orderId);
            return;
        }
        voidPayment(live.get().id(), "ORDER_CANCELLED");
    }

    /**
     * Voids the authorization of one attempt that order-service no longer wants (it came for a cancelled order or a
     * superseded attempt). Nothing to do when the attempt is unknown, was never authorized or is voided already; a
     * captured payment is never voided (its way back is a refund).
     */
    @Transactional
    public void voidAttempt(UUID orderId, UUID attemptId, String reason) {
        Optional<Payment> payment = payments.byAttempt(attemptId).filter(found -> found.orderId().equals(orderId));
        if (payment.isEmpty() || !payment.get().voidable()) {
            LOG.infof("Void of attempt %s of order %s: nothing live to void", attemptId, orderId);
            return;
        }
        voidPayment(payment.get().id(), reason);
    }

    /**
     * The saga's receipt of a return: refunds its amount from what the order's payment captured, once per return. A
     * return of units that cost nothing refunds nothing.
     */
    @Transactional
    public Optional<Operation> refundReturn(UUID orderId, UUID returnId, BigDecimal amount, String currency) {
        if (amount.signum() == 0) {
            LOG.infof("Return %s of order %s refunds nothing", returnId, orderId);
            return Optional.empty();
        }
        Payment payment = capturedOfOrder(orderId).orElseThrow(() ->
                new IllegalStateException("return " + returnId + " of order " + orderId + " has no captured payment to refund"));
        return Optional.of(refund(payment.id(), amount, currency, "return:" + returnId, returnId));
    }

    /** The order's live payment, for the saga's capture and void; empty when it has none. */
    @Transactional
    public Optional<Payment> liveOfOrder(UUID orderId) {
        return payments.lockLiveOfOrder(orderId);
    }

    /** The order's payment that money was captured from, for refunds; empty when none. */
    @Transactional
    public Optional<Payment> capturedOfOrder(UUID orderId) {
        return payments.lockCapturedOfOrder(orderId);
    }

    /** Applies the provider's answer to an authorization, unless the payment was decided meanwhile. */
    private void applyAuthorization(UUID paymentId, ProviderResult answer, String operation) {
        Payment payment = payments.lock(paymentId).orElseThrow();
        if (payment.status() == Payment.Status.VOIDED) {
            payments.unsettledVoid(paymentId).ifPresent(voiding -> voidLateAuthorization(payment, voiding, answer));
            return;
        }
        if (payment.status() != Payment.Status.PENDING && payment.status() != Payment.Status.ACTION_REQUIRED) {
            LOG.debugf("Payment %s is %s already; the provider's answer changes nothing", paymentId, payment.status());
            return;
        }
        Instant now = Instant.now(clock);
        PaymentTransaction authorization = payments.transaction(paymentId, PaymentTransaction.Type.AUTHORIZATION,
                ATTEMPT_OPERATION).orElseThrow();
        if (answer instanceof ProviderResult.Approved approved) {
            payment.authorized(approved.reference(), approved.cardLast4(), config.authorizationLifetime(), now);
            authorization.succeeded(approved.reference(), now);
            events.authorized(payment);
        } else if (answer instanceof ProviderResult.Declined declined) {
            payment.declined(reasonOf(declined.reasonCode()), declined.reference(), now);
            authorization.failed(declined.reasonCode(), declined.reference(), now);
            events.declined(payment);
        } else if (answer instanceof ProviderResult.ActionRequired action) {
            if (payment.status() == Payment.Status.PENDING) {
                payment.actionRequired(action.reference(), action.url(), ChallengeReferences.next(), now);
                events.actionRequired(payment);
            }
        } else if (payment.status() == Payment.Status.PENDING) {
            payment.awaitingProvider(answer.reference(), now);
        }
        LOG.debugf("Payment %s after %s: %s", paymentId, operation, payment.status());
    }

    /**
     * The authorization of a payment voided before it answered: a decline leaves nothing to void; whatever the
     * provider holds under a reference (an authorization, a pending one, a challenge) is voided now, with the void's
     * own idempotency key. No event: payment-voided was published when the payment was voided. A refusal or a
     * timeout leaves the void PENDING, and the settling job asks again.
     */
    private void voidLateAuthorization(Payment payment, PaymentTransaction voiding, ProviderResult answer) {
        Instant now = Instant.now(clock);
        PaymentTransaction authorization = payments.transaction(payment.id(), PaymentTransaction.Type.AUTHORIZATION,
                ATTEMPT_OPERATION).orElseThrow();
        if (answer instanceof ProviderResult.Declined declined) {
            authorization.failed(declined.reasonCode(), declined.reference(), now);
            voiding.succeeded(null, now);
            return;
        }
        if (answer.reference() == null) {
            return; // nothing the provider holds is known yet: asked again
        }
        if (answer instanceof ProviderResult.Approved approved) {
            authorization.succeeded(approved.reference(), now);
        }
        ProviderResult voided = providers.call(payment.provider(), "void", provider ->
                provider.voidAuthorization(voiding.providerIdempotencyKey(), answer.reference()));
        if (voided instanceof ProviderResult.Approved approved) {
            voiding.succeeded(approved.reference(), now);
            LOG.infof("Payment %s: the authorization %s that answered after the payment was voided is voided at the provider",
                    payment.id(), answer.reference());
        } else {
            LOG.warnf("Payment %s: the provider refused to void the late authorization %s; asked again", payment.id(),
                    answer.reference());
        }
    }

    /** Voided payments whose authorization had not answered, long enough ago to ask the provider again. */
    @Transactional
    public List<UUID> voidsToSettle(int limit) {
        return payments.unsettledVoidsSince(Instant.now(clock).minus(config.pendingRetryAfter()), limit);
    }

    private PaymentTransaction record(Payment payment, PaymentTransaction.Type type, BigDecimal amount, String operationKey) {
        PaymentTransaction transaction = new PaymentTransaction(payment, type, amount, operationKey, Instant.now(clock));
        payments.add(transaction);
        return transaction;
    }

    private static DeclineReason reasonOf(String code) {
        try {
            return code == null ? DeclineReason.PROVIDER_ERROR : DeclineReason.valueOf(code);
        } catch (IllegalArgumentException unknown) {
            return DeclineReason.PROVIDER_ERROR;
        }
    }

    private static String codeOf(ProviderResult answer) {
        return answer instanceof ProviderResult.Declined declined ? declined.reasonCode() : "UNEXPECTED_ANSWER";
    }

    private static ProblemException notFound(UUID paymentId) {
        return ProblemException.notFound("payment", paymentId);
    }
}
