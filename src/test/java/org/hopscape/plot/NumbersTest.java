package org.hopscape.plot;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NumbersTest {
    @Test
    void threeSignificantDigitsNoTrailingZeros() {
        assertEquals("0.51", Numbers.format(0.5102040816326531));
        assertEquals("0.171", Numbers.format(0.17083));
        assertEquals("5", Numbers.format(5.0));
        assertEquals("123000", Numbers.format(123456.7));
        assertEquals("−0.25", Numbers.format(-0.25));
        assertEquals("0", Numbers.format(0.0));
        assertEquals("0.1235", Numbers.format(0.123456, 4));
    }

    @Test
    void scientificOutsideReadableRange() {
        assertEquals("10⁻⁴", Numbers.format(1e-4));
        assertEquals("2.5×10⁻⁵", Numbers.format(2.5e-5));
        assertEquals("1.23×10⁷", Numbers.format(12345678.0));
        assertEquals("−10⁻⁴", Numbers.format(-1e-4));
    }

    @Test
    void listsWithoutJavaBrackets() {
        assertEquals("5, 30, 58", Numbers.list(5.0, 30.0, 58.0));
        assertEquals("1, 9, 7", Numbers.list(1, 9, 7));
        assertEquals("0.4, 0.6, 0.8", Numbers.list(0.4, 0.6000000000000001, 0.8));
    }

    @Test
    void nonFiniteAndBadDigits() {
        assertEquals("NaN", Numbers.format(Double.NaN));
        assertEquals("∞", Numbers.format(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Numbers.format(1.0, 0));
        assertThrows(IllegalArgumentException.class, () -> Numbers.format(1.0, 7));
    }

    @Test
    void superscripts() {
        assertEquals("⁻¹²", Numbers.superscript(-12));
        assertEquals("⁰", Numbers.superscript(0));
    }
}
