/**
 * Paper 002: A. Grishechkin, A. Mukherjee and O. Karin, <i>Hierarchical control of state transitions in dense
 * associative memories</i> — the figures of notebook 04: planar stream plots of Figs 1–2 and appendix Figs 1–3
 * ({@code HierarchyFigures}), the appendix Fig 3 progenitor scan ({@code ProgenitorBasin}), annealing, feedback and
 * persistence-length figures of Fig 3 ({@code AnnealingFigures}).
 * <p>Library classes used: {@link org.hopscape.hopfield.GeneralizedHopfield},
 * {@link org.hopscape.analysis.CoarseGraining}, {@link org.hopscape.analysis.PersistenceLength},
 * {@link org.hopscape.analysis.SeparatrixScan}, {@link org.hopscape.learning.Annealing},
 * {@link org.hopscape.learning.AnnealingEmbedding}, {@link org.hopscape.learning.AnnealingFeedback},
 * {@link org.hopscape.data.BloodLineages}.
 */
package org.hopscape.papers.hierarchy;
