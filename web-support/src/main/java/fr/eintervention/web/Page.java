package fr.eintervention.web;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items the items of this page
 * @param page  the page number, from 0
 * @param size  the page size asked
 * @param total how many items match, over every page
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** the largest page any listing serves */
    public static final int MAX_SIZE = 500;

    /** Refuses a page outside {@code page >= 0} and {@code 1 <= size <= 500}. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw new InvalidInput("page", "0 or more expected");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInput("size", "between 1 and " + MAX_SIZE + " expected");
        }
    }
}
