package org.anilexplorer.core.lesson;

/** A pause point that fired: the {@code index}-th of its lesson, first met at recorded iteration {@code iteration}. */
public record PauseEvent(int index, PausePoint pause, long iteration) {
}
