package fr.artisanat.platform.pagination;

import java.util.function.Function;

/**
 * A column a list can be sorted on. Values must be non-null so that keyset pagination stays exact.
 *
 * @param name     the name clients use in {@code sort=}
 * @param path     the JPQL path, e.g. {@code c.startDate}
 * @param getter   reads the value from an entity, to write the next cursor
 * @param parser   reads the value back from its {@code toString()} form in a cursor
 */
public record SortField<E>(String name, String path, Function<E, ?> getter, Function<String, ?> parser) {
}
