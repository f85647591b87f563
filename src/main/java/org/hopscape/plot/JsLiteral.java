package org.hopscape.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JavaScript that tablesaw-jsplot writes for a figure ({@code var layout = {…}; var trace0 = {…};
 * var data = [trace0]; Plotly.newPlot(target, data, layout);}) as data: a sequence of statements whose values are
 * object and array literals (keys quoted or not, strings in single or double quotes, trailing commas), numbers,
 * {@code true/false/null/undefined/NaN/Infinity}, references to earlier variables, and calls such as
 * {@code document.getElementById('x')}. Anything else is rejected with the position and what was found: the kit
 * never evaluates figure scripts, it reads them.
 */
final class JsLiteral {
    /** A reference to a variable declared earlier in the script. */
    record Ref(String name) {}

    /** A call {@code callee(args)}, e.g. {@code Plotly.newPlot(target, data, layout)}. */
    record Call(String callee, List<Object> args) {}

    /** {@code var name = value}. */
    record Var(String name, Object value) {}

    /** JavaScript's {@code undefined}: an absent value. */
    static final Object UNDEFINED = new Object() {
        @Override public String toString() { return "undefined"; }
    };

    private final String s;
    private int i;

    private JsLiteral(String s) {
        this.s = s;
    }

    /** The statements of {@code script} (script tags and comments skipped): {@link Var}s and {@link Call}s. */
    static List<Object> statements(String script) {
        JsLiteral p = new JsLiteral(script.replaceAll("(?is)</?script[^>]*>", " "));
        List<Object> out = new ArrayList<>();
        while (true) {
            p.space();
            if (p.i >= p.s.length()) return out;
            if (p.peek() == ';') { p.i++; continue; }
            if (p.keyword("var") || p.keyword("let") || p.keyword("const")) {
                p.space();
                String name = p.identifier();
                p.space();
                p.expect('=');
                out.add(new Var(name, p.value()));
            } else {
                Object v = p.value();
                if (!(v instanceof Call)) throw p.error("a statement");
                out.add(v);
            }
        }
    }

    /** One value (object, array, string, number, constant, reference or call). */
    static Object value(String text) {
        JsLiteral p = new JsLiteral(text);
        Object v = p.value();
        p.space();
        if (p.i < p.s.length()) throw p.error("the end of the value");
        return v;
    }

    private Object value() {
        space();
        if (i >= s.length()) throw error("a value");
        char c = s.charAt(i);
        if (c == '{') return object();
        if (c == '[') return array();
        if (c == '\'' || c == '"') return string();
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) return number();
        if (Character.isJavaIdentifierStart(c)) {
            String name = dotted();
            switch (name) {
                case "true": return Boolean.TRUE;
                case "false": return Boolean.FALSE;
                case "null": return null;
                case "undefined": return UNDEFINED;
                case "NaN": case "Infinity": return Double.NaN; // plotly draws gaps for both; JSON has no such number
                default: break;
            }
            space();
            if (i < s.length() && s.charAt(i) == '(') {
                i++;
                List<Object> args = new ArrayList<>();
                space();
                if (peek() == ')') { i++; return new Call(name, args); }
                while (true) {
                    args.add(value());
                    space();
                    char d = next();
                    if (d == ')') return new Call(name, args);
                    if (d != ',') throw error("',' or ')' in the arguments of " + name, i - 1);
                }
            }
            return new Ref(name);
        }
        throw error("a value");
    }

    private Map<String, Object> object() {
        expect('{');
        Map<String, Object> m = new LinkedHashMap<>();
        while (true) {
            space();
            if (peek() == '}') { i++; return m; }
            String key = peek() == '\'' || peek() == '"' ? string() : identifier();
            space();
            expect(':');
            Object v = value();
            if (v != UNDEFINED) m.put(key, v);
            space();
            char c = next();
            if (c == '}') return m;
            if (c != ',') throw error("',' or '}' after the value of " + key, i - 1);
        }
    }

    private List<Object> array() {
        expect('[');
        List<Object> a = new ArrayList<>();
        while (true) {
            space();
            if (peek() == ']') { i++; return a; }
            Object v = value();
            a.add(v == UNDEFINED ? null : v);
            space();
            char c = next();
            if (c == ']') return a;
            if (c != ',') throw error("',' or ']' in an array", i - 1);
        }
    }

    private String string() {
        char q = next();
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (i >= s.length()) throw error("the closing quote " + q);
            char c = s.charAt(i++);
            if (c == q) return sb.toString();
            if (c != '\\') { sb.append(c); continue; }
            char e = next();
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case '0' -> sb.append('\0');
                case 'u' -> {
                    if (i + 4 > s.length()) throw error("four hex digits after \\u");
                    sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                case 'x' -> {
                    if (i + 2 > s.length()) throw error("two hex digits after \\x");
                    sb.append((char) Integer.parseInt(s.substring(i, i + 2), 16));
                    i += 2;
                }
                case '\n' -> { } // line continuation
                default -> sb.append(e); // \' \" \\ \/ and any other escaped character
            }
        }
    }

    private Object number() {
        int start = i;
        if (peek() == '-' || peek() == '+') i++;
        if (s.startsWith("Infinity", i)) { i += 8; return Double.NaN; }
        while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) {
            char c = s.charAt(i);
            if ((c == '+' || c == '-') && !(s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')) break;
            i++;
        }
        String t = s.substring(start, i);
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw error("a number", start);
        }
    }

    private String dotted() {
        StringBuilder sb = new StringBuilder(identifier());
        while (i < s.length() && s.charAt(i) == '.' && i + 1 < s.length() && Character.isJavaIdentifierStart(s.charAt(i + 1))) {
            i++;
            sb.append('.').append(identifier());
        }
        return sb.toString();
    }

    private String identifier() {
        int start = i;
        if (i >= s.length() || !Character.isJavaIdentifierStart(s.charAt(i))) throw error("a name");
        while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) i++;
        return s.substring(start, i);
    }

    private boolean keyword(String k) {
        if (!s.startsWith(k, i)) return false;
        int end = i + k.length();
        if (end < s.length() && Character.isJavaIdentifierPart(s.charAt(end))) return false;
        i = end;
        return true;
    }

    private void space() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) i++;
            else if (s.startsWith("//", i)) { int e = s.indexOf('\n', i); i = e < 0 ? s.length() : e + 1; }
            else if (s.startsWith("/*", i)) { int e = s.indexOf("*/", i + 2); i = e < 0 ? s.length() : e + 2; }
            else return;
        }
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private char next() {
        if (i >= s.length()) throw error("more input");
        return s.charAt(i++);
    }

    private void expect(char c) {
        space();
        if (peek() != c) throw error("'" + c + "'");
        i++;
    }

    private IllegalStateException error(String expected) {
        return error(expected, i);
    }

    private IllegalStateException error(String expected, int at) {
        int from = Math.max(0, at - 30), to = Math.min(s.length(), at + 30);
        return new IllegalStateException("figure script: expected " + expected + " at offset " + at + ", found «"
                + s.substring(from, to).replace('\n', ' ') + "»");
    }
}
