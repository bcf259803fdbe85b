package fr.artisanat.platform.testing;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;

/**
 * Who the tests' RestAssured requests authenticate as. Once {@link #adminByDefault()} ran, a request that names no
 * caller carries the admin's real token ({@link Tokens#admin()}), so that tests about something else than identity
 * call as the one caller allowed everything. A test that is about identity says who calls:
 * {@code given().header(BearerTokens.as(Tokens.user("cmar-paca-adviser")))}, or {@link #anonymous()}.
 */
public final class BearerTokens implements Filter {

    private BearerTokens() {
    }

    /** Adds the admin's token to every request without an Authorization header of its own (once per class loader). */
    public static synchronized void adminByDefault() {
        if (RestAssured.filters().stream().noneMatch(BearerTokens.class::isInstance)) {
            RestAssured.filters(new BearerTokens());
        }
    }

    /** The Authorization header of a request made with this token. */
    public static Header as(String token) {
        return new Header("Authorization", "Bearer " + token);
    }

    /** A request without any token (and without the other global filters). */
    public static RequestSpecification anonymous() {
        return RestAssured.given().noFilters();
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header(as(Tokens.admin()));
        }
        return context.next(request, response);
    }
}
