package dev.commerce.order.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Order ids derived from who checks out and their {@code Idempotency-Key} (a name-based UUID, version 5 of RFC 9562):
 * a retry after a crash anywhere in the call arrives at the same order, and cart-service's hand-off, idempotent per
 * order id, answers the same snapshot. A customer is named by their subject, a guest by the cart (their capability).
 */
public final class OrderIds {

    /** The namespace of checkout ids (fixed: changing it would turn every retry into a new order). */
    private static final UUID NAMESPACE = UUID.fromString("6f1c0c3e-6f7e-5b35-9a6e-0c6f3d0c9d11");

    private OrderIds() {
    }

    public static UUID forCustomer(String customerId, String idempotencyKey) {
        return nameBased("customer:" + customerId + "\n" + idempotencyKey);
    }

    public static UUID forGuest(UUID cartId, String idempotencyKey) {
        return nameBased("guest-cart:" + cartId + "\n" + idempotencyKey);
    }

    static UUID nameBased(String name) {
        byte[] hash;
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(bytes(NAMESPACE));
            hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (hash[i] & 0xff);
            least = (least << 8) | (hash[i + 8] & 0xff);
        }
        return new UUID(most, least);
    }

    private static byte[] bytes(UUID id) {
        byte[] out = new byte[16];
        long most = id.getMostSignificantBits();
        long least = id.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (most >>> (56 - 8 * i));
            out[i + 8] = (byte) (least >>> (56 - 8 * i));
        }
        return out;
    }
}
