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
        List<String> hits = blocklistHits(attempt);
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

    /** The kinds of the attempt's values that are blocked, looked up together. */
    private List<String> blocklistHits(Attempt attempt) {
        List<BlocklistRepository.Candidate> candidates = new ArrayList<>();
        candidate(candidates, BlocklistEntry.Kind.CUSTOMER, attempt.customerId());
        candidate(candidates, BlocklistEntry.Kind.PAYMENT_METHOD, attempt.methodToken());
        candidate(candidates, BlocklistEntry.Kind.COUNTRY, attempt.billingCountry());
        candidate(candidates, BlocklistEntry.Kind.COUNTRY, attempt.shippingCountry());
        List<Boolean> blocked = blocklist.containsEach(candidates);
        List<String> hits = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (blocked.get(i)) {
                hits.add(candidates.get(i).kind().name());
            }
        }
        return hits;
    }

    private static void candidate(List<BlocklistRepository.Candidate> candidates, BlocklistEntry.Kind kind, String value) {
        if (value != null) {
            candidates.add(new BlocklistRepository.Candidate(kind, kind.normalise(value)));
        }
    }
}
