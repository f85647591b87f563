/** Embeddings: UMAP (own layout or Smile's, exact k-NN by OpenBLAS) and PCA. */
package org.hopscape.embed;
