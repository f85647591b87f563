/** Small shared pieces: argument checks, seeded random streams, progress, settings, atomic files. */
package org.hopscape.util;
