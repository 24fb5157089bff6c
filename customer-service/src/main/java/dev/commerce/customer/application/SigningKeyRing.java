package dev.commerce.customer.application;

import dev.commerce.customer.config.CustomerConfig;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys of this deployment's token issuer: the private key that signs (its public half is derived from it) and the
 * public keys of retired signing keys, all published in the JWKS document. Each key's id ({@code kid}) is its
 * RFC 7638 thumbprint, so the same key has the same id wherever it is loaded.
 */
@ApplicationScoped
public class SigningKeyRing {

    private final PrivateKey signingKey;
    private final String signingKeyId;
    private final String jwks;

    public SigningKeyRing(CustomerConfig config) {
        try {
            CustomerConfig.Signing signing = config.signing();
            if (signing.key().isPresent()) {
                signingKey = KeyUtils.decodePrivateKey(signing.key().get());
            } else if (signing.keyLocation().isPresent()) {
                signingKey = KeyUtils.decodePrivateKey(Files.readString(Path.of(signing.keyLocation().get())));
            } else {
                throw new IllegalStateException("no token signing key: set commerce.customer.signing.key-location "
                        + "(COMMERCE_CUSTOMER_SIGNING_KEY_LOCATION) to a PKCS#8 PEM file, or commerce.customer.signing.key");
            }
            List<JsonWebKey> keys = new ArrayList<>();
            RsaJsonWebKey current = jwk(publicHalf(signingKey));
            signingKeyId = current.getKeyId();
            keys.add(current);
            for (String location : signing.previousPublicKeyLocations().orElse(List.of())) {
                RsaJsonWebKey previous = jwk((RSAPublicKey) KeyUtils.decodePublicKey(Files.readString(Path.of(location))));
                if (!previous.getKeyId().equals(signingKeyId)) {
                    keys.add(previous);
                }
            }
            jwks = new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (java.io.IOException | GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("cannot load the token signing keys: " + e.getMessage(), e);
        }
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    public String signingKeyId() {
        return signingKeyId;
    }

    /** The JWKS document (RFC 7517) of every key a token of this issuer may be signed with. */
    public String jwks() {
        return jwks;
    }

    private static RSAPublicKey publicHalf(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw new GeneralSecurityException("the signing key must be an RSA private key (PKCS#8)");
        }
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
    }

    private static RsaJsonWebKey jwk(RSAPublicKey key) throws JoseException {
        RsaJsonWebKey jwk = new RsaJsonWebKey(key);
        jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        return jwk;
    }
}
