package io.rectification.platform.testing;

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
 * For tests of business rules (not of access control, which {@link AccessMatrix} covers): every
 * request without an {@code Authorization} header is sent with a signed token of a member of
 * staff holding every staff role. The person is named by the request's {@code X-Actor} header
 * ("测试人员" without one), so "who" in a rule (claimant, verifier) is the token's subject, as in
 * production; {@code X-Test-Roles: a,b} replaces the roles, {@code X-Test-Unit} sets the unit, and
 * {@code X-Test-Anonymous: true} sends the request without a token.
 *
 * <p>Use with {@code @ExtendWith(StaffTokens.class)}.
 */
public class StaffTokens implements BeforeAllCallback, AfterAllCallback, Filter {

    public static final String ACTOR_HEADER = "X-Actor";
    public static final String DEFAULT_ACTOR = "测试人员";

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
        boolean anonymous = "true".equals(request.getHeaders().getValue("X-Test-Anonymous"));
        if (!anonymous && !request.getHeaders().hasHeaderWithName("Authorization")) {
            String actor = request.getHeaders().getValue(ACTOR_HEADER);
            // Header values are Latin-1 on the wire: tests send names in Chinese percent-encoded.
            actor = actor == null ? null : java.net.URLDecoder.decode(actor, java.nio.charset.StandardCharsets.UTF_8);
            String roles = request.getHeaders().getValue("X-Test-Roles");
            String unit = request.getHeaders().getValue("X-Test-Unit");
            request.header("Authorization", "Bearer " + TestTokens.tokenInUnit(actor == null ? DEFAULT_ACTOR : actor,
                    unit == null ? "test-unit" : unit,
                    roles == null ? TestTokens.STAFF_ROLES : roles.split("\\s*,\\s*")));
        }
        return context.next(request, response);
    }
}
