package org.anilexplorer.app.viewmodel;

import java.util.Objects;

/** A message for the bar at the top of the window: what happened, in plain words. */
public record Message(Severity severity, String text) {

    public enum Severity { INFO, ERROR }

    public Message {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
    }

    public static Message info(String text) {
        return new Message(Severity.INFO, text);
    }

    public static Message error(String text) {
        return new Message(Severity.ERROR, text);
    }
}
