package org.anilexplorer.app.viewmodel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Undo and redo over snapshots of state (mementos): {@link #record} saves the state an action is about to leave;
 * {@link #undo} trades the current state for the one saved last, {@link #redo} trades it back. A new action clears
 * the redo side. At most {@code capacity} states are kept on each side; a state that falls off either end, or is
 * cleared, is handed to {@code discard} (so a state holding resources can release them). Plain Java, no toolkit.
 *
 * @param <S> the saved state
 */
public final class UndoStack<S> {

    private final Deque<S> undo = new ArrayDeque<>();
    private final Deque<S> redo = new ArrayDeque<>();
    private final int capacity;
    private final Consumer<S> discard;
    private Runnable onChange = () -> { };

    public UndoStack(int capacity, Consumer<S> discard) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be ≥ 1");
        }
        this.capacity = capacity;
        this.discard = discard;
    }

    /** Called after every change of what can be undone or redone. */
    public void setOnChange(Runnable action) {
        onChange = action;
    }

    /** Saves {@code before}, the state an action is leaving; what could be redone is discarded. */
    public void record(S before) {
        push(undo, before);
        while (!redo.isEmpty()) {
            discard.accept(redo.pop());
        }
        onChange.run();
    }

    /** Saves {@code current} for redo and returns the state to go back to; empty (and nothing saved) when none. */
    public Optional<S> undo(S current) {
        return trade(undo, redo, current);
    }

    /** Saves {@code current} for undo and returns the state to go forward to; empty (and nothing saved) when none. */
    public Optional<S> redo(S current) {
        return trade(redo, undo, current);
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public int undoSize() {
        return undo.size();
    }

    public int redoSize() {
        return redo.size();
    }

    /** Every saved state, newest undo first then newest redo first (for memory accounting and saving). */
    public java.util.List<S> saved() {
        java.util.List<S> all = new java.util.ArrayList<>(undo);
        all.addAll(redo);
        return all;
    }

    /** Forgets everything (each saved state is discarded). */
    public void clear() {
        while (!undo.isEmpty()) {
            discard.accept(undo.pop());
        }
        while (!redo.isEmpty()) {
            discard.accept(redo.pop());
        }
        onChange.run();
    }

    private Optional<S> trade(Deque<S> from, Deque<S> to, S current) {
        if (from.isEmpty()) {
            return Optional.empty();
        }
        S back = from.pop();
        push(to, current);
        onChange.run();
        return Optional.of(back);
    }

    private void push(Deque<S> side, S state) {
        side.push(state);
        while (side.size() > capacity) {
            discard.accept(side.removeLast());
        }
    }
}
