/**
 * Paper 004: J. Hess and Q. Morris, <i>Associative memory and generative diffusion in the zero-noise limit</i> —
 * the figures of notebook 06 as one call each ({@code Paper004}: Figs 1–8, 10, 11) and the closed-form stand-in
 * for the Fig 5 energy-based-model training ({@code GmmEbmTraining}).
 * <p>Library classes used: {@link org.hopscape.dynamics.GradientSystem}, {@link org.hopscape.dynamics.Family},
 * {@link org.hopscape.dynamics.CriticalPoints}, {@link org.hopscape.dynamics.CriticalSet},
 * {@link org.hopscape.dynamics.MorseSmale}, {@link org.hopscape.dynamics.ConnectionGraph},
 * {@link org.hopscape.dynamics.BasinMap}, {@link org.hopscape.dynamics.Families}, {@link org.hopscape.dynamics.Gibbs},
 * {@link org.hopscape.dynamics.Sde}, {@link org.hopscape.dynamics.Ode}, {@link org.hopscape.dynamics.HebbianPgd},
 * {@link org.hopscape.dynamics.StructuralStability}, {@link org.hopscape.dynamics.MorsePlots},
 * {@link org.hopscape.plot.Panels}, and the example systems of {@code org.hopscape.dynamics.examples}
 * (DualWell, DualCusp, FoldFamily, MetricFlipFamily, ModernHopfieldFamily, ContinuousHopfield,
 * GaussianMixtureEnergy, VpDiffusion, Glyphs).
 */
package org.hopscape.papers.morsesmale;
