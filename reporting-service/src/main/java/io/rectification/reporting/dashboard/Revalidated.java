package io.rectification.reporting.dashboard;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks figures a page polls: the answer carries an ETag of its content, and a request whose
 * If-None-Match names it gets 304 without a body ({@link RevalidationFilter}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Revalidated {
}
