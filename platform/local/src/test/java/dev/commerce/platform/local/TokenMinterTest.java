package dev.commerce.platform.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenMinterTest {

    @Test
    void signs_tokens_the_public_key_verifies() throws Exception {
        SigningKeys keys = SigningKeys.generate();
        String token = new TokenMinter(keys, "https://issuer.test").customer("c-42");
        String[] parts = token.split("\\.");

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.publicKey());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(Base64.getUrlDecoder().decode(parts[2])));

        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"iss\":\"https://issuer.test\""), claims);
        assertTrue(claims.contains("\"upn\":\"c-42\""), claims);
        assertTrue(claims.contains("\"groups\":[\"customer\"]"), claims);
    }

    @Test
    void escapes_subjects_into_valid_json() {
        String token = new TokenMinter(SigningKeys.generate(), "i").customer("quote\"back\\slash");
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"sub\":\"quote\\\"back\\\\slash\""), claims);
    }

    @Test
    void keeps_the_key_pair_of_a_directory(@TempDir Path dir) {
        SigningKeys first = SigningKeys.loadOrGenerate(dir);
        SigningKeys again = SigningKeys.loadOrGenerate(dir);
        assertArrayEquals(first.publicKey().getEncoded(), again.publicKey().getEncoded());
        assertArrayEquals(first.privateKey().getEncoded(), again.privateKey().getEncoded());
    }
}
