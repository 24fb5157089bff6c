package dev.commerce.payment.application;

import dev.commerce.payment.config.PaymentConfig;
import dev.commerce.payment.domain.BlocklistEntry;
import dev.commerce.payment.domain.FraudRules;
import dev.commerce.payment.domain.RiskAssessment;
import dev.commerce.payment.persistence.BlocklistRepository;
import dev.commerce.payment.persistence.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Gathers what fraud screening needs to know about an attempt and scores it with {@link FraudRules}. */
@ApplicationScoped
public class FraudScreening {

    /** The customer's average is taken over this many of their latest payments: recent habits, at a bounded cost. */
    static final int HISTORY_DEPTH = 100;

    /** The attempt as screening sees it. */
    public record Attempt(String customerId, BigDecimal amount, String currency, String methodToken,
                          String billingCountry, String shippingCountry) {
    }

    private final PaymentRepository payments;
    private final BlocklistRepository blocklist;
    private final PaymentConfig config;

    public FraudScreening(PaymentRepository payments, BlocklistRepository blocklist, PaymentConfig config) {
        this.payments = payments;
        this.blocklist = blocklist;
        this.config = config;
    }

    public RiskAssessment screen(Attempt attempt, Instant now) {
        List<String> hits = new ArrayList<>();
        check(hits, BlocklistEntry.Kind.CUSTOMER, attempt.customerId());
        check(hits, BlocklistEntry.Kind.PAYMENT_METHOD, attempt.methodToken());
        check(hits, BlocklistEntry.Kind.COUNTRY, attempt.billingCountry());
        check(hits, BlocklistEntry.Kind.COUNTRY, attempt.shippingCountry());
        PaymentConfig.Fraud fraud = config.fraud();
        PaymentRepository.History history = payments.history(attempt.customerId(), attempt.currency(), HISTORY_DEPTH);
        Instant hourAgo = now.minus(Duration.ofHours(1));
        FraudRules.Facts facts = new FraudRules.Facts(attempt.amount(), FraudRules.average(history.total(), history.count()),
                history.count(), payments.attemptsOfCustomerSince(attempt.customerId(), hourAgo, fraud.velocityLimit()),
                payments.attemptsWithMethodSince(attempt.methodToken(), hourAgo, fraud.velocityLimit()),
                attempt.billingCountry(), attempt.shippingCountry(), hits.stream().distinct().toList());
        return FraudRules.assess(facts, new FraudRules.Thresholds(fraud.declineAt(), fraud.reviewAt(), fraud.velocityLimit(),
                fraud.firstPurchaseLimit(), fraud.historyMultiple()));
    }

    private void check(List<String> hits, BlocklistEntry.Kind kind, String value) {
        if (value != null && blocklist.contains(kind, kind.normalise(value))) {
            hits.add(kind.name());
        }
    }
}
