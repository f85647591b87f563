package org.hopscape.plot;

import java.util.Map;

/**
 * The papers' notation in figure text (titles, axis titles, legends, annotations), as plotly draws it: Greek letters
 * as Unicode, sub- and superscripts as plotly's {@code <sub>}/{@code <sup>} tags, so a reader sees λ<sub>min</sub>,
 * ξ<sup>μ</sup>, T<sub>M</sub>/T<sub>c</sub> and never the raw markup {@code lambda_min}, {@code xi^mu}.
 *
 * <p>{@link #tex} reads a small TeX subset: {@code \eta}, {@code \lambda} … (or the bare names {@code eta},
 * {@code tau} … as whole words), {@code x_i}, {@code x_{min}}, {@code x^\mu}, {@code x^{(0)}}. Everything else is
 * kept as written; plotly's own text tags ({@code <sub>}, {@code <sup>}, {@code <br>}, {@code <b>}, {@code <i>} and
 * their closing forms) pass through unchanged, so a caller may mix them with the TeX subset; any other {@code <} and
 * every {@code &} are escaped.
 */
public final class Notation {
    private Notation() {}

    /** TeX names of the Greek letters (and a few symbols) and their Unicode characters. */
    public static final Map<String, String> GREEK = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"), Map.entry("zeta", "ζ"), Map.entry("eta", "η"), Map.entry("theta", "θ"),
            Map.entry("kappa", "κ"), Map.entry("lambda", "λ"), Map.entry("mu", "μ"), Map.entry("nu", "ν"),
            Map.entry("xi", "ξ"), Map.entry("pi", "π"), Map.entry("rho", "ρ"), Map.entry("sigma", "σ"),
            Map.entry("tau", "τ"), Map.entry("phi", "φ"), Map.entry("chi", "χ"), Map.entry("psi", "ψ"),
            Map.entry("omega", "ω"), Map.entry("Gamma", "Γ"), Map.entry("Delta", "Δ"), Map.entry("Theta", "Θ"),
            Map.entry("Lambda", "Λ"), Map.entry("Xi", "Ξ"), Map.entry("Pi", "Π"), Map.entry("Sigma", "Σ"),
            Map.entry("Phi", "Φ"), Map.entry("Psi", "Ψ"), Map.entry("Omega", "Ω"), Map.entry("infty", "∞"),
            Map.entry("cdot", "·"), Map.entry("times", "×"), Map.entry("pm", "±"), Map.entry("le", "≤"),
            Map.entry("ge", "≥"), Map.entry("ne", "≠"), Map.entry("approx", "≈"), Map.entry("to", "→"),
            Map.entry("langle", "⟨"), Map.entry("rangle", "⟩"), Map.entry("nabla", "∇"), Map.entry("partial", "∂"),
            Map.entry("sqrt", "√"), Map.entry("ell", "ℓ"));

    /** {@code base} with a subscript: {@code sub("λ", "min")} = {@code λ<sub>min</sub>}. */
    public static String sub(String base, String index) {
        return base + "<sub>" + index + "</sub>";
    }

    /** {@code base} with a superscript: {@code sup("ξ", "μ")} = {@code ξ<sup>μ</sup>}. */
    public static String sup(String base, String index) {
        return base + "<sup>" + index + "</sup>";
    }

    /** "name = value" with the value to {@link Numbers#SIGNIFICANT} significant digits: {@code T = 0.510}. */
    public static String param(String name, double value) {
        return tex(name) + " = " + Numbers.format(value);
    }

    /** "name = value" for a whole number: {@code n = 39}. */
    public static String param(String name, long value) {
        return tex(name) + " = " + Numbers.format(value);
    }

    /**
     * A label in the small TeX subset above, as plotly text: {@code tex("\\lambda_{min}")} = {@code λ<sub>min</sub>},
     * {@code tex("m^mu")} = {@code m<sup>μ</sup>}, {@code tex("T_M/T_c")} = {@code T<sub>M</sub>/T<sub>c</sub>},
     * {@code tex("eta")} = {@code η}.
     */
    public static String tex(String s) {
        if (s == null) return null;
        StringBuilder out = new StringBuilder();
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n && Character.isLetter(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && Character.isLetter(s.charAt(j))) j++;
                String name = s.substring(i + 1, j);
                String g = GREEK.get(name);
                out.append(g != null ? g : name);
                i = j;
                if (i < n && s.charAt(i) == ' ' && g != null) i++; // "\eta x": the space ends the name
            } else if ((c == '_' || c == '^') && i + 1 < n) {
                int[] end = new int[1];
                String arg = argument(s, i + 1, end);
                out.append(c == '_' ? "<sub>" : "<sup>").append(tex(arg)).append(c == '_' ? "</sub>" : "</sup>");
                i = end[0];
            } else if (c == '<' && plotlyTag(s, i) > 0) {
                int len = plotlyTag(s, i);
                out.append(s, i, i + len);
                i += len;
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < n && Character.isLetter(s.charAt(j))) j++;
                String word = s.substring(i, j);
                String g = GREEK.get(word);
                // bare Greek names only as whole words ("eta", not the "eta" of "beta" or "theta")
                out.append(g != null && word.length() > 1 && !word.equals("to") && !word.equals("le")
                        && !word.equals("ne") && !word.equals("ge") && !word.equals("pm") ? g : escape(word));
                i = j;
            } else {
                out.append(escape(String.valueOf(c)));
                i++;
            }
        }
        return out.toString();
    }

    /** The argument of {@code _} or {@code ^} at {@code from}: a braced group, a command, or one character/word. */
    private static String argument(String s, int from, int[] end) {
        char c = s.charAt(from);
        if (c == '{') {
            int depth = 0;
            for (int j = from; j < s.length(); j++) {
                if (s.charAt(j) == '{') depth++;
                else if (s.charAt(j) == '}' && --depth == 0) {
                    end[0] = j + 1;
                    return s.substring(from + 1, j);
                }
            }
            end[0] = s.length();
            return s.substring(from + 1);
        }
        if (c == '\\') {
            int j = from + 1;
            while (j < s.length() && Character.isLetter(s.charAt(j))) j++;
            end[0] = j;
            return s.substring(from, j);
        }
        if (Character.isLetterOrDigit(c)) { // a word or a number: "min", "mu", "10"
            int j = from;
            boolean digits = Character.isDigit(c);
            while (j < s.length() && (digits ? Character.isDigit(s.charAt(j)) : Character.isLetter(s.charAt(j)))) j++;
            end[0] = j;
            return s.substring(from, j);
        }
        end[0] = from + 1;
        return String.valueOf(c);
    }

    /** Plotly's text tags that {@link #tex} keeps as written. */
    private static final String[] PLOTLY_TAGS = {"<sub>", "</sub>", "<sup>", "</sup>", "<br>", "<br/>", "<b>", "</b>",
            "<i>", "</i>"};

    /** The length of the plotly tag starting at {@code i} in {@code s}, or 0 if none starts there. */
    private static int plotlyTag(String s, int i) {
        for (String tag : PLOTLY_TAGS) if (s.startsWith(tag, i)) return tag.length();
        return 0;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
