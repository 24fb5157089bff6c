package dev.commerce.cart.application;

import dev.commerce.cart.domain.CartRuleViolation;
import dev.commerce.cart.domain.Promotion;
import dev.commerce.cart.domain.PromotionCode;
import dev.commerce.cart.persistence.PromotionRepository;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;

/** The merchant's promotions and their codes, including bulk-generated unique single-use codes. */
@ApplicationScoped
@Transactional
public class PromotionAdministration {

    /** Letters and digits without the ones shoppers confuse (0/O, 1/I/L). */
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PromotionRepository promotions;
    private final Clock clock;

    private final CartSettings settings;

    public PromotionAdministration(PromotionRepository promotions, Clock clock, CartSettings settings) {
        this.settings = settings;
        this.promotions = promotions;
        this.clock = clock;
    }

    public Promotion create(Promotion.Definition definition) {
        settings.invalidateAfterCommit();
        Promotion promotion = new Promotion(definition, Instant.now(clock));
        promotions.persistAndFlush(promotion);
        return promotion;
    }

    public Promotion change(UUID id, LongConsumer precondition, Promotion.Definition definition) {
        settings.invalidateAfterCommit();
        Promotion promotion = find(id);
        precondition.accept(promotion.version());
        promotion.change(definition);
        promotions.flush();
        return promotion;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Promotion find(UUID id) {
        return promotions.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("promotion", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Promotion> list() {
        return promotions.all();
    }

    /** Adds a code chosen by the merchant; {@code usageLimit} null: as often as the promotion allows. */
    public PromotionCode addCode(UUID promotionId, String code, Integer usageLimit) {
        find(promotionId);
        PromotionCode created = new PromotionCode(code, promotionId, usageLimit, Instant.now(clock));
        if (promotions.codeExists(created.code())) {
            throw new CartRuleViolation(CartRuleViolation.Kind.CONFLICT, "code-exists", "Code exists",
                    "the code " + created.code() + " is taken");
        }
        promotions.save(created);
        return created;
    }

    /** Generates {@code count} unique single-use codes: {@code prefix} and {@code length} random characters. */
    public List<PromotionCode> generateCodes(UUID promotionId, int count, String prefix, int length) {
        find(promotionId);
        Instant now = Instant.now(clock);
        List<PromotionCode> created = new ArrayList<>(count);
        java.util.Set<String> taken = new java.util.HashSet<>();
        while (created.size() < count) {
            String code = PromotionCode.normalize(prefix) + random(length);
            if (taken.add(code) && !promotions.codeExists(code)) {
                PromotionCode single = new PromotionCode(code, promotionId, 1, now);
                promotions.save(single);
                created.add(single);
            }
        }
        promotions.flush();
        return created;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PromotionCode> codes(UUID promotionId, int limit) {
        find(promotionId);
        return promotions.codesOf(promotionId, limit);
    }

    private static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
        }
        return new String(chars);
    }
}
