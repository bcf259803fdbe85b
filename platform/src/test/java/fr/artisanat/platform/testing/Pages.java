package fr.artisanat.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A list or a changes feed read to its end as a client reads it (ADR 0004, docs/data-sharing.md): page after page
 * through {@code next}, until a list has no next page or a feed's page comes back empty. A feed is followed again
 * from the cursor it ended on, as a partner system syncs.
 */
public final class Pages {

    private Pages() {
    }

    /** The items read, in order, and the cursor of the last page: a feed is followed on from it. */
    public record Read(List<Map<String, Object>> items, String cursor) {
    }

    /** Every item of the list or feed at {@code path} (with its query, e.g. {@code limit}), from its start. */
    public static List<Map<String, Object>> all(Supplier<RequestSpecification> caller, String path) {
        return follow(caller, path, null).items();
    }

    /**
     * Every item after {@code cursor} (from the start when null), each page requested with a new request of
     * {@code caller} (who calls, and where), each answer required to be 200.
     */
    public static Read follow(Supplier<RequestSpecification> caller, String path, String cursor) {
        List<Map<String, Object>> items = new ArrayList<>();
        String position = cursor;
        while (true) {
            RequestSpecification request = caller.get();
            if (position != null) {
                request.queryParam("cursor", position);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> got = page.getList("items");
            items.addAll(got);
            String next = page.getString("next");
            if (got.isEmpty() || next == null) {
                return new Read(items, next == null ? position : next);
            }
            position = next;
        }
    }
}
