package fr.artisanat.platform.pagination;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** 200 with the page as body and, when there is a next page, an RFC 8288 {@code Link: <…>; rel="next"} header. */
public final class PageResponses {

    private PageResponses() {
    }

    public static Response ok(CursorPage<?> page, UriInfo uri) {
        Response.ResponseBuilder response = Response.ok(page);
        if (page.next() != null) {
            String next = uri.getRequestUriBuilder().replaceQueryParam("cursor", page.next()).build().toString();
            response.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response.build();
    }
}
