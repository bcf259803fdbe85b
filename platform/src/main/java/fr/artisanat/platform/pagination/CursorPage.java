package fr.artisanat.platform.pagination;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: the items and the opaque cursor of the next page (absent on the last page). */
public record CursorPage<T>(
        List<T> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page") String next) {
}
