/**
 * Paper 003: D. Lotito, <i>Neural learning rules from associative networks theory</i> — the numerical claims of
 * §3, §5.2 and §5.4 on seeded instances in one call for notebook 05 ({@code QuasiEquilibriumChecks}).
 * <p>Library classes used (here and in notebook 05): {@link org.hopscape.learning.generating.QuasiEquilibriumNetwork},
 * {@link org.hopscape.learning.generating.GeneratingFunction}, {@link org.hopscape.learning.HebbianRecovery},
 * {@link org.hopscape.learning.SoftmaxSynapses}, {@link org.hopscape.learning.Clamping},
 * {@link org.hopscape.learning.MemoryConvergence}, {@link org.hopscape.analysis.MarchenkoPastur},
 * {@link org.hopscape.analysis.MarchenkoPasturSpectra}, {@link org.hopscape.analysis.Hyperbolicity},
 * {@link org.hopscape.plot.Figures}.
 */
package org.hopscape.papers.synapses;
