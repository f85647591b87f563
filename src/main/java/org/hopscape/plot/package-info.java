/** Figures: tablesaw-jsplot builders, offline HTML pages and figure files. */
package org.hopscape.plot;
