/** Hopfield models: classic, projection, modern, generalized softmax (β, w), Krotov–Hopfield dense classifier. */
package org.hopscape.hopfield;
