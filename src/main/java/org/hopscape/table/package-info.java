/** Result tables: provenance CSV, reproduction checks, HTML. */
package org.hopscape.table;
