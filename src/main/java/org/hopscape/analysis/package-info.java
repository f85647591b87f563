/** Analyses: pseudo-inverse decomposition, persistence lengths, Marchenko–Pastur, reduced two-memory system, phase diagrams. */
package org.hopscape.analysis;
