package io.rectification.platform.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One page of a list: the items, where the page is, and how many there are in all.
 * Every list endpoint answers in this shape, with {@code page} counted from 0.
 */
// Each member's own: a class's requiredProperties do not reach the schema made for each PageOf<T> (PageOfTaskSnapshot).
public record PageOf<T>(@Schema(required = true) List<T> items, @Schema(required = true) int page,
                        @Schema(required = true) int size, @Schema(required = true) long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    /**
     * The last page a list serves: far beyond any list, and small enough that page × size (the
     * offset, an int in Panache and Hibernate) cannot overflow; page=2147483647 made it negative (500).
     */
    public static final int MAX_PAGE = 1_000_000;
}
