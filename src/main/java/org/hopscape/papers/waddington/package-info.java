/**
 * Paper 000: N. E. Boukacem, A. Leary, R. Thériault, F. Gottlieb, M. Mani and P. François, <i>A Waddington
 * landscape for prototype learning in generalized Hopfield networks</i> — its experiments and figures
 * (notebooks 02 and 03).
 * <ul>
 *   <li>{@code Waddington}, {@code WaddingtonFigures}: part 1, Figs 1–4 (training on the 200-set, α profiles,
 *       UMAP of the learning dynamics, recognition);</li>
 *   <li>{@code SplittingDynamics} (Fig 5C/D), {@code PrototypeTransition} (Fig 6), {@code SaddleProportions}
 *       (Fig 7), {@code TemperatureSweep} (Fig 8), {@code TwoMemoryFigures} (Figs 5–8): part 2;</li>
 *   <li>{@code Set200}, {@code PanelFigure}: the 200-set rows and a panel grid for these recipes;</li>
 *   <li>{@code Sweeps000}: the full-setting and notebook sweeps run from the command line
 *       ({@code hopscape sweep-000}, {@code hopscape sweep <name>}), {@code ShippedResults}, {@code FullSetting000}:
 *       the shipped full-setting tables and their claims.</li>
 * </ul>
 * Library classes used: {@link org.hopscape.data.TrainingSet200}, {@link org.hopscape.data.Mnist},
 * {@link org.hopscape.data.Digits}, {@link org.hopscape.hopfield.DenseClassifier},
 * {@link org.hopscape.learning.KrotovTrainer}, {@link org.hopscape.analysis.FewMemoryTraining},
 * {@link org.hopscape.analysis.PseudoInverseDecomposition}, {@link org.hopscape.analysis.SampleBasis},
 * {@link org.hopscape.analysis.Splits}, {@link org.hopscape.analysis.TwoMemorySystem},
 * {@link org.hopscape.analysis.PhasePlane}, {@link org.hopscape.analysis.FixedPointContinuation},
 * {@link org.hopscape.analysis.BifurcationDiagram}, {@link org.hopscape.analysis.TransitionLine},
 * {@link org.hopscape.analysis.Sweep}, {@link org.hopscape.embed.Umap}, {@link org.hopscape.plot.Figures},
 * {@link org.hopscape.plot.Panels}, {@link org.hopscape.plot.RawTrace}.
 */
package org.hopscape.papers.waddington;
