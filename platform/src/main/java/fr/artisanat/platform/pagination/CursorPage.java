package fr.artisanat.platform.pagination;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: the items and the opaque cursor of the next page (absent on the last page). */
public record CursorPage<T>(
        List<T> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page") String next) {

    /** The same page with each item mapped, e.g. a read model to the API's view of it. */
    public <R> CursorPage<R> map(Function<T, R> mapping) {
        return new CursorPage<>(items.stream().map(mapping).toList(), next);
    }
}
