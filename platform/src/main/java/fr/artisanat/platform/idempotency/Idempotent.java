package fr.artisanat.platform.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a POST resource method that honours {@code Idempotency-Key}. The method must also be
 * {@code @Transactional} and return a {@link jakarta.ws.rs.core.Response}: the key and the response are stored in
 * the same transaction as the write, so a retry replays the first response instead of writing twice.
 */
@InterceptorBinding
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
}
