/** Command line: batch reproduction, data conversion, benchmarks. */
package org.hopscape.cli;
