package org.hopscape.dynamics;

/**
 * The kinds of bifurcation the kit reports, one vocabulary for {@link Families} (critical points of a family of
 * gradient systems, 004 §4.2) and {@code analysis.BifurcationDiagram} (fixed points of 000's reduced system).
 */
public enum Bifurcation {
    /** Saddle-node: two critical points of adjacent index meet (one Hessian eigenvalue passes through 0) and vanish or are born (004 §4.2, Thm 22). */
    FOLD("fold"),
    /** A symmetric point changes index and a symmetric pair is born or dies (non-generic; occurs in symmetric families). */
    PITCHFORK("pitchfork"),
    /** Heteroclinic flip: an unstable branch of a saddle switches target through a saddle connection (004 §4.2, Thm 22). */
    FLIP("flip"),
    /** A point reaches the edge of the domain and leaves (or enters) it there. */
    BOUNDARY_CROSSING("boundary crossing"),
    /** Anything else (e.g. points created at a kink of a piecewise-smooth field). */
    OTHER("other");

    private final String label;

    Bifurcation(String label) {
        this.label = label;
    }

    /** "fold", "pitchfork", "flip", "boundary crossing" or "other". */
    public String label() {
        return label;
    }
}
