package dev.commerce.order.application;

import dev.commerce.order.config.OrderConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

/**
 * A guest's order token: HMAC-SHA256 of the order id under {@code commerce.order.order-token-secret}, so it is
 * unguessable, needs no storage, and a checkout retry (same cart, same key) hands the same token out again.
 * Compared in constant time.
 */
@ApplicationScoped
public class OrderTokens {

    private final SecretKeySpec key;

    public OrderTokens(OrderConfig config) {
        this.key = new SecretKeySpec(config.orderTokenSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String tokenOf(UUID orderId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(orderId.toString().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public boolean matches(UUID orderId, String token) {
        return token != null && MessageDigest.isEqual(tokenOf(orderId).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }
}
