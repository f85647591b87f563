/** Gradient systems: critical points, Morse–Smale DAG, bifurcation tracking, SDE paths, Gibbs measures. */
package org.hopscape.dynamics;
