/**
 * Paper 001: M. Yampolskaya and P. Mehta, <i>Hopfield networks as models of emergent function in biology</i> —
 * the experiments that combine a network, its dynamics and PCA ({@code ReviewExperiments}) and the figures of
 * notebook 01 ({@code HopfieldReviewFigures}: Figs 1–3).
 * <p>Library classes used: {@link org.hopscape.hopfield.ClassicHopfield}, {@link org.hopscape.hopfield.ModernHopfield},
 * {@link org.hopscape.hopfield.PatternSpace}, {@link org.hopscape.hopfield.Patterns},
 * {@link org.hopscape.hopfield.Trajectories}, {@link org.hopscape.analysis.AgsMeanField},
 * {@link org.hopscape.analysis.PhaseDiagram}, {@link org.hopscape.analysis.SignalToNoise},
 * {@link org.hopscape.analysis.TrajectoryPca}, {@link org.hopscape.plot.Figures}.
 */
package org.hopscape.papers.review;
