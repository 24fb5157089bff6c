package dev.commerce.platform.web.idempotency;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a creating POST resource method (returning a {@link jakarta.ws.rs.core.Response}) as honouring the
 * {@code Idempotency-Key} header: the same key and body replay the first response, the same key with another body
 * is 422, and a duplicate still in flight is 409. The record is written in the creation's own transaction.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
}
