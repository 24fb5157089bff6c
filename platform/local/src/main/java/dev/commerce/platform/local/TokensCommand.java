package dev.commerce.platform.local;

import java.nio.file.Path;

/**
 * Prints ready-to-use tokens for an admin, a customer and a partner, signed with the key pair kept in a directory
 * (generated there on first use). Used by the containers' key set-up and by anyone whose tokens expired.
 *
 * <p>Usage: {@code java -cp platform/local/target/platform-local.jar dev.commerce.platform.local.TokensCommand [DIR]}
 * (default DIR: .run/local); the issuer is {@code COMMERCE_JWT_ISSUER} or the local default.
 */
public final class TokensCommand {

    private TokensCommand() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : ".run/local").toAbsolutePath();
        String issuer = System.getenv().getOrDefault("COMMERCE_JWT_ISSUER", TokenMinter.DEFAULT_ISSUER);
        TokenMinter tokens = new TokenMinter(SigningKeys.loadOrGenerate(dir), issuer);
        System.out.print(TokenMinter.writeEnvFile(dir.resolve("tokens.env"), tokens.sampleTokens()));
    }
}
