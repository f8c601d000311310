package io.rectification.platform.rest;

import java.util.List;

/**
 * One page of a list: the items, where the page is, and how many there are in all.
 * Every list endpoint answers in this shape, with {@code page} counted from 0.
 */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    /**
     * The last page a list serves: far beyond any list, and small enough that page × size (the
     * offset, an int in Panache and Hibernate) cannot overflow; page=2147483647 made it negative (500).
     */
    public static final int MAX_PAGE = 1_000_000;
}
