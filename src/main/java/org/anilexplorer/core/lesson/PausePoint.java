package org.anilexplorer.core.lesson;

import java.util.Objects;

/**
 * A place where a lesson stops: the run of {@code method} (a method label of the lesson's preset) meets
 * {@code condition}, and {@code caption} says in words what just happened.
 */
public record PausePoint(String method, PauseCondition condition, String caption) {

    public PausePoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(caption, "caption");
    }
}
