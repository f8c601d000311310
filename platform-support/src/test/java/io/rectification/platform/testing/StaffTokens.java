package io.rectification.platform.testing;

import io.rectification.platform.security.Roles;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests of business rules (not of access control, which {@link AccessMatrix} covers): a
 * request that names its acting person in {@code X-Actor} and carries no token is sent with a
 * signed token for that person holding every staff role, so "who" in a rule (claimant, verifier)
 * is the token's subject, as in production. Requests without {@code X-Actor} go out unchanged,
 * i.e. anonymous.
 *
 * <p>Use with {@code @ExtendWith(StaffTokens.class)}.
 */
public class StaffTokens implements BeforeAllCallback, AfterAllCallback, Filter {

    public static final String ACTOR_HEADER = "X-Actor";

    @Override
    public void beforeAll(ExtensionContext context) {
        RestAssured.filters(this);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RestAssured.replaceFiltersWith(java.util.List.of());
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        String actor = request.getHeaders().getValue(ACTOR_HEADER);
        if (actor != null && !request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", "Bearer " + TestTokens.tokenInUnit(actor, "test-unit", Roles.OFFICER,
                    Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN));
        }
        return context.next(request, response);
    }
}
