/** Embeddings: UMAP and PCA via Smile. */
package org.hopscape.embed;
