package dev.commerce.platform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs development and test tokens. Kept as PEM files so the services can read the
 * public key with {@code mp.jwt.verify.publickey.location}. Generated once per run directory, never committed.
 */
public final class SigningKeys {

    public static final String PRIVATE_KEY_FILE = "jwt-private-key.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-public-key.pem";

    private final KeyPair keyPair;

    private SigningKeys(KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    /** A fresh key pair held in memory only. */
    public static SigningKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new SigningKeys(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** Loads the key pair kept in {@code directory}, generating and writing it on first use. */
    public static SigningKeys loadOrGenerate(Path directory) {
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
        try {
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(privateFile)));
                PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(readPem(publicFile)));
                return new SigningKeys(new KeyPair(publicKey, privateKey));
            }
            SigningKeys keys = generate();
            Files.createDirectories(directory);
            Files.writeString(privateFile, keys.privateKeyPem());
            Files.writeString(publicFile, keys.publicKeyPem());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the signing keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable signing keys in " + directory + "; delete them to regenerate", e);
        }
    }

    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    /**
     * The key's id ({@code kid}): its RFC 7638 thumbprint, SHA-256 over {@code {"e":..,"kty":"RSA","n":..}}, the id
     * customer-service's JWKS document gives the same key, so a verifier finds the key of each token by it.
     */
    public String keyId() {
        java.security.interfaces.RSAPublicKey rsa = (java.security.interfaces.RSAPublicKey) keyPair.getPublic();
        String canonical = "{\"e\":\"" + unsignedBase64Url(rsa.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + unsignedBase64Url(rsa.getModulus()) + "\"}";
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String unsignedBase64Url(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** PKCS#8, as customer-service reads its signing key. */
    public String privateKeyPem() {
        return pem("PRIVATE KEY", keyPair.getPrivate().getEncoded());
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", keyPair.getPublic().getEncoded());
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] readPem(Path file) throws IOException {
        String base64 = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
