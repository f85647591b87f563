/** Learning: trainers and synaptic dynamics. */
package org.hopscape.learning;
