package org.anilexplorer.core.params;

/** A parameter value that is refused; the message names the field and what it accepts. */
public final class ParamException extends IllegalArgumentException {

    private final String field;

    public ParamException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
