/**
 * The five papers' recipes and figures, one sub-package per paper: the exact protocols (the papers' data, sizes and
 * schedules) and the figure builders that notebooks 01–06 call. Everything here is built from the reusable
 * library ({@code hopfield}, {@code learning}, {@code analysis}, {@code dynamics}, {@code embed}, {@code data},
 * {@code plot}); nothing in the library depends on these packages.
 * <ul>
 *   <li>{@link org.hopscape.papers.waddington} — 000 Boukacem et al. (notebooks 02, 03)</li>
 *   <li>{@link org.hopscape.papers.review} — 001 Yampolskaya &amp; Mehta (notebook 01)</li>
 *   <li>{@link org.hopscape.papers.hierarchy} — 002 Grishechkin, Mukherjee &amp; Karin (notebook 04)</li>
 *   <li>{@link org.hopscape.papers.synapses} — 003 Lotito (notebook 05)</li>
 *   <li>{@link org.hopscape.papers.morsesmale} — 004 Hess &amp; Morris (notebook 06)</li>
 * </ul>
 */
package org.hopscape.papers;
