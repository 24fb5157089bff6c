package dev.commerce.platform.web.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decorates the parser the bearer-token authentication uses so that a token verified once is not verified again
 * on every request until it expires (see {@link VerifiedTokens}). The other methods go to the parser unchanged.
 */
@Decorator
@Priority(10)
public abstract class RememberingJwtParser implements JWTParser {

    private final VerifiedTokens verified = new VerifiedTokens(10_000);

    @Inject
    @Delegate
    @Any
    JWTParser parser;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verified.verify(token, parser::parse);
    }
}
