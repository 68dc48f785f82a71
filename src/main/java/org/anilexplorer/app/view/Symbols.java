package org.anilexplorer.app.view;

/** Typesetting of the plain-text symbols of {@code ParamSpec} for labels: "m_in" becomes "mᵢₙ". */
final class Symbols {

    private static final String PLAIN = "aehijklmnoprstuvx0123456789";
    private static final String SUB = "ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ₀₁₂₃₄₅₆₇₈₉";

    private Symbols() {
    }

    /** Writes everything after an underscore as Unicode subscripts, when every character has one. */
    static String subscripted(String symbol) {
        int u = symbol.indexOf('_');
        if (u < 0) {
            return symbol;
        }
        StringBuilder b = new StringBuilder(symbol.substring(0, u));
        for (char c : symbol.substring(u + 1).toCharArray()) {
            int i = PLAIN.indexOf(c);
            if (i < 0) {
                return symbol;
            }
            b.append(SUB.charAt(i));
        }
        return b.toString();
    }
}
