package io.rectification.tasks.support;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.rectification.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Who is acting. Until authentication exists this is the {@code X-Actor} request header (staff
 * name or id); only this class knows that, so a JWT principal can replace it later.
 */
@RequestScoped
public class CurrentActor {

    public static final String HEADER = "X-Actor";
    static final int MAX_LENGTH = 100;

    private final CurrentVertxRequest request;

    public CurrentActor(CurrentVertxRequest request) {
        this.request = request;
    }

    /** The acting person where a rule depends on who acts; a missing header is a 400 naming it. */
    public String require() {
        return optional().orElseThrow(() -> ProblemException.badRequest(HEADER,
                "required: the staff member acting (name or id)"));
    }

    /** The acting person where one is only recorded. */
    public Optional<String> optional() {
        String value = request.getCurrent() == null ? null : request.getCurrent().request().getHeader(HEADER);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String actor;
        try {
            // Header values are Latin-1 on the wire: a name in Chinese is sent percent-encoded (UTF-8).
            actor = URLDecoder.decode(value, StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(HEADER, "not a valid percent-encoded UTF-8 value");
        }
        if (actor.isEmpty() || actor.length() > MAX_LENGTH) {
            throw ProblemException.badRequest(HEADER, "size must be between 1 and " + MAX_LENGTH);
        }
        return Optional.of(actor);
    }
}
