package org.hopscape;

/** Library identity: version and build provenance, written into every saved result. */
public final class Hopscape {
    private Hopscape() {}

    /** The library version from the jar manifest, or "dev" when running from classes. */
    public static String version() {
        String v = Hopscape.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
